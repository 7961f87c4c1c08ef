package register

import "strings"

// Words are the theme's words in one language, for the text the register
// writes itself: filter names, sizes, and the badge. The site builder
// passes the theme's language files (i18n); New uses plainEnglish.
type Words interface {
	// Format returns the words for key with each {name} replaced by the
	// value after name in args.
	Format(key string, args ...string) string
	// Plural is Format of key_one or key_other, chosen by n, with {n}.
	Plural(key string, n int, args ...string) string
}

// plainEnglish are the register's words when no theme words are given,
// as for a caller that wants only the open data. They are the same as the
// default theme's en-GB.yaml; a build always uses the theme's own.
type plainEnglish struct{}

var englishWords = map[string]string{
	"facet_sector": "Sector", "facet_region": "Region", "facet_size": "Size", "facet_year": "Year signed", "facet_pledge": "Pledge",
	"facet_letter": "First letter of the name", "letter_digits": "0 to 9",
	"size_micro": "Micro", "size_small": "Small", "size_medium": "Medium", "size_large": "Large",
	"badge_signed": "Signed {year}", "badge_alt": "{name} signed {pledges} in {year}", "badge_alt_undated": "{name} signed {pledges}",
	"badge_pledge": "Pledge", "list_and": " and ",
	"facet_status": "Status", "facet_level": "Level",
	"status_active": "Active", "status_due": "Due for renewal", "status_overdue": "Renewal overdue",
	"status_lapsed": "Lapsed", "status_withdrawn": "Withdrawn",
	"badge_renewed": "Signed {year}, renewed {renewed}", "badge_overdue": "Signed {year}, renewal overdue",
	"badge_lapsed": "Signed {year}, lapsed {ended}", "badge_withdrew": "Signed {year}, withdrew {ended}",
	"badge_level": "Level: {levels}", "badge_levels": "Levels: {levels}",
	"badge_alt_level": ", at the level {levels}", "badge_alt_overdue": "; its renewal is overdue",
	"badge_alt_lapsed": "; its signature lapsed in {year}", "badge_alt_withdrew": "; it withdrew in {year}",
}

func (plainEnglish) Format(key string, args ...string) string {
	w, ok := englishWords[key]
	if !ok {
		w = key
	}
	for i := 0; i+1 < len(args); i += 2 {
		w = strings.ReplaceAll(w, "{"+args[i]+"}", args[i+1])
	}
	return w
}

func (e plainEnglish) Plural(key string, n int, args ...string) string {
	return e.Format(key, args...)
}

// PlainEnglish are the register's words in plain English, for callers
// with no theme.
func PlainEnglish() Words { return plainEnglish{} }
