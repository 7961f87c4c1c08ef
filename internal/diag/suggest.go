package diag

// Nearest returns the candidate closest to word by edit distance, or "" when
// none is close enough to be a likely typo. It powers "did you mean" advice.
func Nearest(word string, candidates []string) string {
	// A third of the word may be wrong: enough for a slip or two of the
	// fingers ("wieght", "sumary"), not so much that "nope" suggests "p".
	best, bestDist := "", len([]rune(word))/3+2
	for _, c := range candidates {
		if d := editDistance(word, c); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the optimal string alignment distance between a and b,
// counted in runes: Levenshtein's, with two letters typed the wrong way
// round ("nwe" for "new") counted as one slip rather than two.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	before := make([]int, len(rb)+1) // the row before prev, for transpositions
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], before[j-2]+1)
			}
		}
		before, prev, cur = prev, cur, before
	}
	return prev[len(rb)]
}

// Distance is how many single-character edits turn a into b.
func Distance(a, b string) int { return editDistance(a, b) }
