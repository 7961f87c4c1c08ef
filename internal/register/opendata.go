package register

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"slices"
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

// eachRecord calls fn with every signatory, current and former, by slug,
// the order that changes least as people sign, so two downloads can be
// compared line by line. Each says its status. abs makes a site path into
// a full URL. One record is made at a time, so the open data of a large
// register is written without holding it all.
func (r *Register) eachRecord(abs func(string) string, fn func(*Record) error) error {
	pages := slices.Concat(r.All, r.Former)
	slices.SortStableFunc(pages, func(a, b *content.Page) int { return strings.Compare(a.Slug, b.Slug) })
	for _, p := range pages {
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
		if err := fn(&rec); err != nil {
			return err
		}
	}
	return nil
}

// Records lists every signatory as the open data does.
func (r *Register) Records(abs func(string) string) []Record {
	out := make([]Record, 0, len(r.All)+len(r.Former))
	r.eachRecord(abs, func(rec *Record) error {
		out = append(out, *rec)
		return nil
	})
	return out
}

// JSON is the text of /signatories.json (see WriteJSON).
func (r *Register) JSON(site *content.Site, title string, abs func(string) string) ([]byte, error) {
	var buf bytes.Buffer
	err := r.WriteJSON(&buf, site, title, abs)
	return buf.Bytes(), err
}

// WriteJSON writes /signatories.json to w, one signatory at a time: an
// OpenData, indented by one space a level.
func (r *Register) WriteJSON(w io.Writer, site *content.Site, title string, abs func(string) string) error {
	d := OpenData{Title: title, URL: abs(r.Root), Count: len(r.All) + len(r.Former), Current: len(r.All), Pledges: []PledgeRecord{}, Signatories: []Record{}}
	for _, pl := range content.InLanguage(site.Section("pledges"), r.Lang) {
		d.Pledges = append(d.Pledges, PledgeRecord{Slug: pl.Slug, Title: pl.Title, URL: abs(pl.URL)})
	}
	// The envelope with no signatories ends in "[]\n}\n"; the records go
	// between the brackets, as encoding/json would indent them there.
	head, err := json.MarshalIndent(d, "", " ")
	if err != nil {
		return err
	}
	cut := bytes.LastIndex(head, []byte("[]"))
	if _, err := w.Write(head[:cut+1]); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 32<<10)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("  ", " ")
	sep := "\n  "
	err = r.eachRecord(abs, func(rec *Record) error {
		buf.Reset()
		if err := enc.Encode(rec); err != nil {
			return err
		}
		bw.WriteString(sep)
		bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		sep = ",\n  "
		return nil
	})
	if err != nil {
		return err
	}
	if sep != "\n  " {
		bw.WriteString("\n ")
	}
	bw.Write(head[cut+1:])
	bw.WriteString("\n")
	return bw.Flush()
}

// CSV is the text of /signatories.csv (see WriteCSV).
func (r *Register) CSV(abs func(string) string) ([]byte, error) {
	var buf bytes.Buffer
	err := r.WriteCSV(&buf, abs)
	return buf.Bytes(), err
}

// WriteCSV writes /signatories.csv to w, a row at a time: RFC 4180, with a
// header row and CRLF line ends. Pledge slugs are separated by ";" and
// commitments by line breaks inside the quoted cell.
func (r *Register) WriteCSV(out io.Writer, abs func(string) string) error {
	w := csv.NewWriter(out)
	w.UseCRLF = true
	if err := w.Write(csvHeader); err != nil {
		return err
	}
	row := make([]string, len(csvHeader))
	err := r.eachRecord(abs, func(rec *Record) error {
		row = append(row[:0], rec.Slug, rec.Name, rec.Summary, rec.URL, rec.Website, rec.Signed, rec.Review,
			rec.Sector, rec.Region, rec.Size, strings.Join(rec.Pledges, ";"), strings.Join(rec.Commitments, "\n"),
			rec.Logo, rec.LogoAlt, rec.Badge,
			rec.Status, strings.Join(rec.Renewed, ";"), rec.Lapsed, rec.Withdrawn, rec.WithdrawnReason, rec.Level, rec.LastReport)
		for i := range row {
			row[i] = inertCell(row[i])
		}
		return w.Write(row)
	})
	if err != nil {
		return err
	}
	w.Flush()
	return w.Error()
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
