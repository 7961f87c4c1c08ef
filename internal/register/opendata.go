package register

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/coproduce/coproduce/internal/content"
)

// Record is one signatory in the open data. docs/open-data.md documents
// every field; a change here is a change to a published format.
type Record struct {
	Slug        string   `json:"slug"`
	Name        string   `json:"name"`
	Summary     string   `json:"summary"`
	URL         string   `json:"url"`
	Website     string   `json:"website"`
	Signed      string   `json:"signed"`
	Review      string   `json:"review"`
	Sector      string   `json:"sector"`
	Region      string   `json:"region"`
	Size        string   `json:"size"`
	Pledges     []string `json:"pledges"`
	Commitments []string `json:"commitments"`
	Logo        string   `json:"logo"`
	LogoAlt     string   `json:"logo_alt"`
	Badge       string   `json:"badge"`
	// The lifecycle, added after the first fields so that a program that
	// reads the CSV's columns by place keeps working.
	Status          string   `json:"status"`
	Renewed         []string `json:"renewed"`
	Lapsed          string   `json:"lapsed"`
	Withdrawn       string   `json:"withdrawn"`
	WithdrawnReason string   `json:"withdrawn_reason"`
	Level           string   `json:"level"`
	LastReport      string   `json:"last_report"`
}

// csvHeader names the CSV columns, in the order of Record's fields.
var csvHeader = []string{"slug", "name", "summary", "url", "website", "signed", "review", "sector", "region", "size", "pledges", "commitments", "logo", "logo_alt", "badge",
	"status", "renewed", "lapsed", "withdrawn", "withdrawn_reason", "level", "last_report"}

// PledgeRecord describes a pledge named in the records.
type PledgeRecord struct {
	Slug  string `json:"slug"`
	Title string `json:"title"`
	URL   string `json:"url"`
}

// OpenData is the whole of /signatories.json.
type OpenData struct {
	Title       string         `json:"title"`
	URL         string         `json:"url"`
	Count       int            `json:"count"`
	Current     int            `json:"current"` // how many are active, due or overdue
	Pledges     []PledgeRecord `json:"pledges"`
	Signatories []Record       `json:"signatories"`
}

// Records lists every signatory, current and former, by slug, the order
// that changes least as people sign, so two downloads can be compared line
// by line. Each says its status. abs makes a site path into a full URL.
func (r *Register) Records(abs func(string) string) []Record {
	out := make([]Record, 0, len(r.All)+len(r.Former))
	for _, p := range slices.Concat(r.All, r.Former) {
		st := p.Standing
		rec := Record{
			Slug: p.Slug, Name: p.Title, Summary: p.Summary, URL: abs(p.URL), Website: p.Website,
			Signed: isoDate(p.Signed), Review: isoDate(st.Review),
			Status: string(st.Status), Renewed: make([]string, 0, len(p.Renewed)),
			Lapsed: isoDate(st.Lapsed), Withdrawn: isoDate(st.Withdrawn), Level: strings.Join(p.LevelNames(), ";"),
			Sector: strings.TrimSpace(p.Sector), Region: strings.TrimSpace(p.Region), Size: p.Size,
			Pledges: make([]string, 0, len(p.Pledges)), Commitments: append([]string{}, p.Commitments...),
			LogoAlt: p.LogoAlt, Badge: abs(BadgeURL(p)),
		}
		for _, pl := range p.Pledges {
			rec.Pledges = append(rec.Pledges, mainPage(pl).Slug)
		}
		if p.Logo != "" {
			rec.Logo = abs(p.Logo)
		}
		for _, d := range p.Renewed {
			rec.Renewed = append(rec.Renewed, isoDate(d))
		}
		if st.Status == content.Withdrawn {
			rec.WithdrawnReason = p.WithdrawnReason
		}
		if len(p.Reports) > 0 {
			rec.LastReport = isoDate(p.Reports[0].Date)
		}
		out = append(out, rec)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Slug < out[j].Slug })
	return out
}

// JSON is the text of /signatories.json.
func (r *Register) JSON(site *content.Site, title string, abs func(string) string) ([]byte, error) {
	d := OpenData{Title: title, URL: abs(r.Root), Count: len(r.All) + len(r.Former), Current: len(r.All), Pledges: []PledgeRecord{}, Signatories: r.Records(abs)}
	for _, pl := range content.InLanguage(site.Section("pledges"), r.Lang) {
		d.Pledges = append(d.Pledges, PledgeRecord{Slug: pl.Slug, Title: pl.Title, URL: abs(pl.URL)})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", " ")
	err := enc.Encode(d)
	return buf.Bytes(), err
}

// CSV is the text of /signatories.csv: RFC 4180, with a header row and
// CRLF line ends. Pledge slugs are separated by ";" and commitments by line
// breaks inside the quoted cell.
func (r *Register) CSV(abs func(string) string) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	if err := w.Write(csvHeader); err != nil {
		return nil, err
	}
	for _, rec := range r.Records(abs) {
		row := []string{rec.Slug, rec.Name, rec.Summary, rec.URL, rec.Website, rec.Signed, rec.Review,
			rec.Sector, rec.Region, rec.Size, strings.Join(rec.Pledges, ";"), strings.Join(rec.Commitments, "\n"),
			rec.Logo, rec.LogoAlt, rec.Badge,
			rec.Status, strings.Join(rec.Renewed, ";"), rec.Lapsed, rec.Withdrawn, rec.WithdrawnReason, rec.Level, rec.LastReport}
		for i := range row {
			row[i] = inertCell(row[i])
		}
		if err := w.Write(row); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// BadgeURL is the site path of a signatory's badge.
func BadgeURL(p *content.Page) string { return p.URL + "badge.svg" }

func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// inertCell stops a spreadsheet from running a cell as a formula: a value
// that starts with = + - @ or a tab or return gets a leading apostrophe,
// which spreadsheets show as text (OWASP's advice on CSV injection). A
// signatory's name is written by the public, not by the site's editors.
func inertCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
