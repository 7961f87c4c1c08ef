package signup

import (
	"slices"
	"strings"
	"unicode"
)

// Field is a signatory key a column can fill, with the headers that name it.
type Field struct {
	Key      string   // the front matter key, or Description for the page's text
	Headers  []string // the headers it is known by, the first as a form should ask it
	Question string   // how the question is answered on a form, for --questions
	Help     string   // what the form should tell the person filling it in
}

// Description is the pseudo-key of the column whose answer becomes the
// text of the page, below the front matter.
const Description = "description"

// Fields are the columns the import knows by their headers, in the order a
// form asks them. A new signatory key is one line here, provided
// package content reads it; a key content does not know would be refused
// by check, so TestFieldsAreSignatoryKeys keeps the two in step. A
// pledge's level is part of an entry of pledges rather than a key of its
// own (content.PledgeEntryKeys): readPledges writes it there.
var Fields = []Field{
	{Key: "title", Headers: []string{"Organisation name", "Organization name", "Name of organisation", "Name of your organisation", "Organisation", "Organization"}, Question: "short answer, required", Help: "The organisation's full name, as it should appear on the site."},
	{Key: "website", Headers: []string{"Website", "Web site", "Web address", "Website address", "Organisation website", "Your website"}, Question: "short answer, required", Help: "The full address, such as https://example.org/."},
	{Key: "pledges", Headers: []string{"Pledge", "Pledges", "Which pledge", "Pledge signed", "Pledges signed"}, Question: "choice, required"},
	{Key: "level", Headers: []string{"Level", "Pledge level", "Level reached", "Which level"}, Question: "choice", Help: "The level of the pledge the organisation has reached."},
	{Key: "signed", Headers: []string{"Date signed", "Signed", "Date of signing", "Signing date", "Date"}, Question: "date, required"},
	{Key: "summary", Headers: []string{"Summary", "Your organisation in one sentence", "In one sentence", "One sentence about your organisation"}, Question: "short answer", Help: "One plain sentence about what the organisation does."},
	{Key: "sector", Headers: []string{"Sector", "Your sector", "Type of organisation"}, Question: "short answer or choice"},
	{Key: "region", Headers: []string{"Region", "Area", "Where you work", "Location"}, Question: "short answer or choice"},
	{Key: "size", Headers: []string{"Size", "Organisation size", "Organization size", "Size of organisation"}, Question: "choice"},
	{Key: "commitments", Headers: []string{"Our commitments", "Commitments", "Your commitments", "Our own commitments"}, Question: "long answer", Help: "Write each promise on a line of its own."},
	{Key: Description, Headers: []string{"About your organisation", "About us", "Description", "About the organisation", "Why you signed", "Why did you sign"}, Question: "long answer", Help: "A few sentences about the organisation and why it signed."},
}

// formColumns are the columns the form service adds itself: Microsoft
// Forms' ID, start, completion and last modified times, Google Forms'
// Timestamp, and the score columns of a quiz. They say nothing about the
// organisation, so they are left out of the pages.
var formColumns = []string{"ID", "Start time", "Completion time", "Last modified time", "Timestamp", "Score", "Total score", "Total points", "Quiz feedback", "Points", "Feedback"}

// timestampColumns are the form columns that give the day an answer was
// sent: the signing date when the form did not ask for one.
var timestampColumns = []string{"Completion time", "Timestamp"}

// personalWords in a header mark a column that holds a person's details.
var personalWords = []string{"email", "e-mail", "phone", "telephone", "mobile", "postcode", "post code", "home address", "date of birth"}

// personalHeaders are whole headers that name a person rather than the
// organisation, such as Microsoft Forms' "Name" of the respondent.
var personalHeaders = []string{"Name", "Your name", "Full name", "Contact name", "Contact", "Contact person", "Respondent", "First name", "Last name", "Surname", "Job title", "Your role"}

// What a column does, once matched.
const (
	useField    = "field"    // fills a signatory key
	usePersonal = "personal" // personal data: the contacts file only
	useForm     = "form"     // the form's own column: left out
	useSkip     = "skip"     // left out, as the mapping file says
	useUnknown  = "unknown"  // left out, with a warning
)

// column is what the import does with one column of the table.
type column struct {
	index  int
	header string
	use    string
	field  *Field // for useField
}

// normHeader folds a header for matching: case, spacing, curly quotes, a
// number in front ("3. Website") and a closing "?", ":" or "*" (the mark
// some forms put on a required question) do not matter.
func normHeader(h string) string {
	h = strings.Map(func(r rune) rune {
		switch r {
		case '’', '‘':
			return '\''
		case '\u00a0':
			return ' '
		}
		return unicode.ToLower(r)
	}, h)
	h = strings.Join(strings.Fields(h), " ")
	h = strings.TrimRight(h, "?:* ")
	if i := strings.IndexAny(h, ".)"); i > 0 && i <= 3 && strings.Trim(h[:i], "0123456789") == "" && len(h) > i+1 {
		h = strings.TrimSpace(h[i+1:])
	}
	return h
}

func matchesAny(header string, names []string) bool {
	n := normHeader(header)
	return slices.ContainsFunc(names, func(name string) bool { return normHeader(name) == n })
}

// fieldFor finds the Field a header names, or nil.
func fieldFor(header string) *Field {
	for i := range Fields {
		if matchesAny(header, Fields[i].Headers) {
			return &Fields[i]
		}
	}
	return nil
}

// fieldByKey finds the Field for a key, or nil.
func fieldByKey(key string) *Field {
	for i := range Fields {
		if Fields[i].Key == key {
			return &Fields[i]
		}
	}
	return nil
}

// isPersonalHeader reports whether a header asks for a person's details.
func isPersonalHeader(header string) bool {
	n := normHeader(header)
	if matchesAny(header, personalHeaders) {
		return true
	}
	for _, w := range personalWords {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// looksLikeEmail reports whether an answer is an email address, so a
// column of them with an unexpected header is still kept private.
func looksLikeEmail(s string) bool {
	s = strings.TrimSpace(s)
	at := strings.IndexByte(s, '@')
	return at > 0 && at < len(s)-3 && !strings.ContainsAny(s, " \t\n<>") && strings.Contains(s[at:], ".")
}

// containsEmail reports whether free text has an email address in it.
func containsEmail(s string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("()<>[],;:\"'", r) }) {
		if looksLikeEmail(strings.TrimRight(w, ".")) {
			return true
		}
	}
	return false
}
