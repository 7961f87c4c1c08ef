package content

// tomlPlace is a place in TOML front matter: line and column from its
// first line, counted in characters as an editor counts them.
type tomlPlace struct{ line, col int }

// tomlKey is where one top-level key of TOML front matter is written, and
// where its value and, for a list, each item of it starts.
type tomlKey struct {
	key, value tomlPlace
	items      []tomlPlace
}

// tomlPlaces finds where each top-level key of TOML front matter is
// written. The TOML library keeps no places, and finding "key =" by text
// is fooled by a line inside a multi-line string or a table, and puts
// every item of a list spread over lines on the key's line; so the text
// is read here as TOML is: strings, lists and tables are skipped whole.
// It is only given text the library has read without error, but it never
// loops or panics on any text. It takes time linear in the text.
func tomlPlaces(text string) map[string]*tomlKey {
	s := &tomlScanner{rs: []rune(text), line: 1, col: 1}
	places := map[string]*tomlKey{}
	inTable := false
	for s.i < len(s.rs) {
		before := s.i
		s.skipSpace(true)
		if s.i >= len(s.rs) {
			break
		}
		switch s.rs[s.i] {
		case '#':
			s.skipLine()
		case '[':
			// [params] or [[items]]: every key after it is inside a table.
			inTable = true
			s.next()
			if s.peek() == '[' {
				s.next()
			}
			s.skipSpace(false)
			at := s.place()
			if name := s.keyPart(); name != "" && places[name] == nil {
				places[name] = &tomlKey{key: at, value: at}
			}
			s.skipLine()
		default:
			at := s.place()
			name := s.keyPart()
			for s.skipSpace(false); s.peek() == '.'; s.skipSpace(false) {
				s.next() // a dotted key, params.colour = "red": params is the key
				s.skipSpace(false)
				s.keyPart()
			}
			if s.peek() != '=' {
				s.skipLine()
				break
			}
			s.next()
			s.skipSpace(false)
			value := s.place()
			items := s.value(true)
			if !inTable && name != "" && places[name] == nil {
				places[name] = &tomlKey{key: at, value: value, items: items}
			}
			s.skipLine()
		}
		if s.i == before {
			s.next() // never stand still on text that is not TOML
		}
	}
	return places
}

type tomlScanner struct {
	rs        []rune
	i         int
	line, col int
}

func (s *tomlScanner) place() tomlPlace { return tomlPlace{s.line, s.col} }

func (s *tomlScanner) peek() rune {
	if s.i < len(s.rs) {
		return s.rs[s.i]
	}
	return 0
}

func (s *tomlScanner) next() {
	if s.i >= len(s.rs) {
		return
	}
	if s.rs[s.i] == '\n' {
		s.line, s.col = s.line+1, 1
	} else {
		s.col++
	}
	s.i++
}

func (s *tomlScanner) has(prefix string) bool {
	j := s.i
	for _, r := range prefix {
		if j >= len(s.rs) || s.rs[j] != r {
			return false
		}
		j++
	}
	return true
}

// skipSpace skips spaces and tabs, and line ends and comments too when
// lines is true.
func (s *tomlScanner) skipSpace(lines bool) {
	for s.i < len(s.rs) {
		switch r := s.rs[s.i]; {
		case r == ' ' || r == '\t' || r == '\r':
			s.next()
		case lines && r == '\n':
			s.next()
		case lines && r == '#':
			s.skipLine()
		default:
			return
		}
	}
}

// skipLine goes to the start of the next line.
func (s *tomlScanner) skipLine() {
	for s.i < len(s.rs) && s.rs[s.i] != '\n' {
		s.next()
	}
	s.next()
}

// keyPart reads one part of a key: bare, "quoted" or 'literal'.
func (s *tomlScanner) keyPart() string {
	switch s.peek() {
	case '"', '\'':
		start := s.i + 1
		s.str()
		return string(s.rs[start:max(start, s.i-1)])
	}
	start := s.i
	for s.i < len(s.rs) {
		r := s.rs[s.i]
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			break
		}
		s.next()
	}
	return string(s.rs[start:s.i])
}

// str skips a string of any of TOML's four kinds.
func (s *tomlScanner) str() {
	q := s.peek()
	if s.has(string([]rune{q, q, q})) {
		s.next()
		s.next()
		s.next()
		for s.i < len(s.rs) && !s.has(string([]rune{q, q, q})) {
			if q == '"' && s.rs[s.i] == '\\' {
				s.next()
			}
			s.next()
		}
		s.next()
		s.next()
		s.next()
		for s.peek() == q { // """a"""" ends in a quote mark of its own
			s.next()
		}
		return
	}
	s.next()
	for s.i < len(s.rs) && s.rs[s.i] != q && s.rs[s.i] != '\n' {
		if q == '"' && s.rs[s.i] == '\\' {
			s.next()
		}
		s.next()
	}
	s.next()
}

// value skips one value and, for a list when items is true, returns where
// each of its items starts.
func (s *tomlScanner) value(items bool) []tomlPlace {
	switch s.peek() {
	case '"', '\'':
		s.str()
	case '[':
		s.next()
		var out []tomlPlace
		for s.i < len(s.rs) {
			s.skipSpace(true)
			if s.peek() == ']' {
				s.next()
				break
			}
			before := s.i
			if items {
				out = append(out, s.place())
			}
			s.value(false)
			s.skipSpace(true)
			if s.peek() == ',' {
				s.next()
			} else if s.i == before {
				s.next()
			}
		}
		return out
	case '{':
		s.next()
		for s.i < len(s.rs) {
			s.skipSpace(true)
			if s.peek() == '}' {
				s.next()
				break
			}
			before := s.i
			s.keyPart()
			for s.skipSpace(false); s.peek() == '.'; s.skipSpace(false) {
				s.next()
				s.skipSpace(false)
				s.keyPart()
			}
			if s.peek() == '=' {
				s.next()
				s.skipSpace(false)
				s.value(false)
			}
			s.skipSpace(true)
			if s.peek() == ',' {
				s.next()
			} else if s.i == before {
				s.next()
			}
		}
	default:
		// A number, date, true or false: it ends where the list, table,
		// comment or line does.
		for s.i < len(s.rs) && !runeIn(s.rs[s.i], ",]}#\n") {
			s.next()
		}
	}
	return nil
}

func runeIn(r rune, set string) bool {
	for _, c := range set {
		if r == c {
			return true
		}
	}
	return false
}
