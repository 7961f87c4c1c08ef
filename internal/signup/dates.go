package signup

import (
	"strconv"
	"strings"
	"time"
	"unicode"
)

// DateOrder says how a form writes a date in figures such as 1/2/2025.
type DateOrder int

const (
	// OrderUnknown: decided from the column's answers, else from the
	// site's language.
	OrderUnknown DateOrder = iota
	DayFirst               // 1/2/2025 is 1 February, as in the UK
	MonthFirst             // 1/2/2025 is 2 January, as in the US
)

func parseDateOrder(s string) (DateOrder, bool) {
	switch strings.Join(strings.Fields(strings.ToLower(s)), " ") {
	case "day first", "day-month-year", "dd/mm/yyyy", "d/m/y", "uk":
		return DayFirst, true
	case "month first", "month-day-year", "mm/dd/yyyy", "m/d/y", "us":
		return MonthFirst, true
	}
	return OrderUnknown, false
}

func (o DateOrder) String() string {
	if o == MonthFirst {
		return "month first"
	}
	return "day first"
}

// dateAnswer is a date as a form wrote it, read.
type dateAnswer struct {
	date      time.Time
	ambiguous bool // written in figures that the other order reads as another day
	ok        bool
	nearly    bool // written like a date, but no such day exists
}

// readDate reads a date the ways forms and spreadsheets write it:
// 2025-02-01, 1/2/2025 or 01.02.25 (in the order given), 1 February 2025,
// February 1, 2025, with a time or a weekday beside it.
func readDate(s string, order DateOrder) dateAnswer {
	s = strings.TrimSpace(s)
	if s == "" {
		return dateAnswer{}
	}
	// A time after the date ("2025-02-01 10:30:00", "1/2/2025 10:30 AM")
	// says nothing about the day.
	first := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == 'T' && len(s) > 10 })
	if len(first) > 0 && strings.ContainsAny(first[0], "-/.") && startsWithDigit(first[0]) {
		return readNumericDate(first[0], order)
	}
	return readWordDate(s)
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

func readNumericDate(s string, order DateOrder) dateAnswer {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '/' || r == '.' })
	if len(parts) != 3 {
		return dateAnswer{}
	}
	n := [3]int{}
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || len(p) > 4 {
			return dateAnswer{}
		}
		n[i] = v
	}
	if len(parts[0]) == 4 { // year first: 2025-02-01, 2025/02/01
		return calendarDate(n[0], n[1], n[2], false)
	}
	year := n[2]
	if len(parts[2]) == 2 {
		year += 2000
	} else if len(parts[2]) != 4 {
		return dateAnswer{nearly: true}
	}
	day, month := n[0], n[1]
	if order == MonthFirst {
		day, month = month, day
	}
	ambiguous := day != month && day <= 12 && month <= 12
	return calendarDate(year, month, day, ambiguous)
}

// calendarDate checks that the day exists: time.Date would quietly turn
// 31 February into 3 March.
func calendarDate(year, month, day int, ambiguous bool) dateAnswer {
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if month < 1 || month > 12 || day < 1 || t.Day() != day || year < 1900 || year > 2999 {
		return dateAnswer{nearly: true}
	}
	return dateAnswer{date: t, ambiguous: ambiguous, ok: true}
}

// readWordDate reads a date with the month in words, in either order.
func readWordDate(s string) dateAnswer {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == '.' })
	day, month, year := 0, 0, 0
	for _, w := range words {
		if startsWithDigit(w) {
			w = strings.TrimRight(w, "stndrh") // 1st, 2nd, 3rd, 4th
		}
		if w == "" {
			continue
		}
		if m := monthNumber(w); m > 0 {
			if month != 0 {
				return dateAnswer{}
			}
			month = m
			continue
		}
		if isWeekday(w) {
			continue
		}
		v, err := strconv.Atoi(w)
		switch {
		case err != nil:
			return dateAnswer{}
		case len(w) == 4 && year == 0:
			year = v
		case len(w) <= 2 && day == 0:
			day = v
		default:
			return dateAnswer{}
		}
	}
	if day == 0 || month == 0 || year == 0 {
		return dateAnswer{nearly: month != 0}
	}
	return calendarDate(year, month, day, false)
}

var monthNames = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}

func monthNumber(w string) int {
	for i, m := range monthNames {
		if w == m || len(w) >= 3 && strings.HasPrefix(m, w) || w == "sept" {
			if w == "sept" {
				return 9
			}
			return i + 1
		}
	}
	return 0
}

func isWeekday(w string) bool {
	for _, d := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		if w == d || len(w) >= 3 && strings.HasPrefix(d, w) {
			return true
		}
	}
	return false
}

// columnOrder decides the order of a column's dates in figures from its
// answers: an answer such as 13/2/2025 can only be day first, 2/13/2025
// only month first. It returns OrderUnknown when the answers do not say,
// or say both (then each impossible date is reported on its own row).
func columnOrder(answers []string) DateOrder {
	dayFirst, monthFirst := false, false
	for _, a := range answers {
		f := strings.Fields(a)
		if len(f) == 0 {
			continue
		}
		parts := strings.FieldsFunc(f[0], func(r rune) bool { return r == '-' || r == '/' || r == '.' })
		if len(parts) != 3 || len(parts[0]) == 4 {
			continue
		}
		a, err1 := strconv.Atoi(parts[0])
		b, err2 := strconv.Atoi(parts[1])
		if err1 != nil || err2 != nil {
			continue
		}
		dayFirst = dayFirst || a > 12 && b <= 12
		monthFirst = monthFirst || b > 12 && a <= 12
	}
	switch {
	case dayFirst && !monthFirst:
		return DayFirst
	case monthFirst && !dayFirst:
		return MonthFirst
	}
	return OrderUnknown
}

// languageOrder is the usual order of dates in figures for a site's
// language: month first in American English, day first elsewhere.
func languageOrder(lang string) DateOrder {
	if strings.EqualFold(lang, "en-US") {
		return MonthFirst
	}
	return DayFirst
}

// longDate writes a date as people read it, "1 February 2025".
func longDate(t time.Time) string { return t.Format("2 January 2006") }
