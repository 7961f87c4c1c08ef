package privacy

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/coproduce/coproduce/internal/sitegen"
)

// found is what Find reports in text, as "kind:text" strings.
func found(text, own string) []string {
	var out []string
	names := map[Kind]string{Email: "email", Phone: "phone", Postcode: "postcode", StreetAddress: "street"}
	for _, f := range Find(text, own) {
		out = append(out, names[f.Kind]+":"+text[f.Start:f.End])
	}
	return out
}

func TestFindsPersonalDetailsAsPeopleWriteThem(t *testing.T) {
	cases := map[string]string{
		"Write to jo.bloggs+news@mail.example.co.uk today.": "email:jo.bloggs+news@mail.example.co.uk",
		"[Email Sam](mailto:sam@example.com)":               "email:sam@example.com",
		"Ring 0161 496 0000 after six.":                     "phone:0161 496 0000",
		"Ring 0161-496-0000.":                               "phone:0161-496-0000",
		"Ring (0161) 496 0000.":                             "phone:(0161) 496 0000",
		"Ring 020 7946 0018.":                               "phone:020 7946 0018",
		"Her mobile is 07700 900123.":                       "phone:07700 900123",
		"Her mobile is 07700900123.":                        "phone:07700900123",
		"Call +44 7700 900123 now.":                         "phone:+44 7700 900123",
		"Call +44 (0)20 7946 0018 now.":                     "phone:+44 (0)20 7946 0018",
		"Call +441614960000.":                               "phone:+441614960000",
		"Free on 0800 123 4567.":                            "phone:0800 123 4567",
		"Ring 0161 496 0000 2 times.":                       "phone:0161 496 0000",
		"[Ring her](tel:01614960000)":                       "phone:01614960000",
		"She lives near M1 1AE.":                            "postcode:M1 1AE",
		"Post it to SW1A 1AA.":                              "postcode:SW1A 1AA",
		"Post it to CF10 3AT.":                              "postcode:CF10 3AT",
		"Post it to EC1A1BB.":                               "postcode:EC1A1BB",
		"He lived at 12 Mill Lane for years.":               "street:12 Mill Lane",
		"He lived at 4a High St.":                           "street:4a High St.",
		"Flat 3, 27 St Helens Road.":                        "street:27 St Helens Road",
		"Meet at 101 Upper Brook Street.":                   "street:101 Upper Brook Street",
		"Mae hi'n byw yn 12 Heol y Parc.":                   "street:12 Heol y Parc",
		"Mae hi'n byw yn 3 Stryd Fawr.":                     "street:3 Stryd Fawr",
	}
	for text, want := range cases {
		got := found(text, "")
		if strings.Join(got, "|") != want {
			t.Errorf("%q: found %q, want %q", text, got, want)
		}
	}
	got := found("Sam, 12 Mill Lane, Oldham OL1 1AA, 0161 496 0000, sam@example.com", "")
	want := "street:12 Mill Lane|postcode:OL1 1AA|phone:0161 496 0000|email:sam@example.com"
	if strings.Join(got, "|") != want {
		t.Errorf("a whole address: found %q, want %q", got, want)
	}
}

func TestLeavesOrdinaryNumbersAlone(t *testing.T) {
	for _, text := range []string{
		"We met on 2024-03-01 and again on 01/02/2025 and 01.02.2025 and 01-02-2025.",
		"In 2019 Green Lane opened a new centre.",
		"Over 1,200 people came, 45 of them under 25; it cost £10,500.",
		"The bus leaves at 5AM and 10 PM, and the 0 to 10 scale went up.",
		"Read https://example.org/stories/12-mill-lane/ or www.example.org/0161-496-0000 for more.",
		"[The story](/case-studies/12-mill-lane/) is on our site.",
		"We held 3 Community Events and 12 Big Meetings.",
		"A4 paper, an MP3 file and COVID-19 were all mentioned.",
		"Numbers 0 1 2 3 4 5 6 7 8 9 are on the sign.",
		"Her reference was 01234567 and the order 0123456789012345.",
		"Email the team at hello@coproduce.example.org for a copy.",
		"Follow @riverside on social media.",
	} {
		if got := found(text, "coproduce.example.org"); len(got) > 0 {
			t.Errorf("%q: found %q, want nothing", text, got)
		}
	}
	// Another domain than the site's own is somebody's address.
	if got := found("Email hello@other.example.org", "coproduce.example.org"); len(got) != 1 {
		t.Errorf("an address at another domain: found %q", got)
	}
}

func TestMessagesDoNotRepeatTheDetail(t *testing.T) {
	for _, k := range []Kind{Email, Phone, Postcode, StreetAddress} {
		if !strings.Contains(k.Problem(), "case study is anonymised") || !strings.HasPrefix(k.Fix(), "remove it") {
			t.Errorf("kind %d: %q; %q", k, k.Problem(), k.Fix())
		}
	}
}

// lineSeeds are texts whose details sit at the ends of lines, or where a
// pattern could reach over a line break, for the check that trying the
// patterns line by line finds what trying them on the whole text finds.
var lineSeeds = []string{
	"Ring +\n44 20 7946 0018 today",
	"Ring +44\n20 7946 0018",
	"Write to\njo@example.org\r\nor 12\nMill Lane",
	"GIR 0AA\nSW1A 1AA\r\nM1\n1AE",
	"7, Heol y Parc\n4a High St.\n12 Mill\nLane",
	"see https://example.org/12-mill-lane/\nwww.example.org 0161 496 0000",
	"\n\n0\n+\n@\n",
}

// Every pattern, tried only on the lines that may hold a match, finds
// what it finds tried on the whole text.
func TestLineByLineFindsWhatTheWholeTextHolds(t *testing.T) {
	for _, s := range lineSeeds {
		sameAsWholeText(t, s)
	}
}

func sameAsWholeText(t *testing.T, s string) {
	t.Helper()
	for _, c := range []struct {
		re  *regexp.Regexp
		may func(string) bool
	}{{email, mayHoldEmail}, {phoneLike, mayHoldPhone}, {postcode, mayHoldPostcode}, {street, mayHoldStreet}, {webAddress, mayHoldWebAddress}} {
		if got, want := findAll(c.re, s, c.may), c.re.FindAllStringIndex(s, -1); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
			t.Fatalf("%v in %q: line by line %v, whole text %v", c.re, s, got, want)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range append([]string{"Ring +44 (0)20 7946 0018", "12 Mill Lane M1 1AE", "a@b.cd", "0 (0 (0 ((", "+44"}, lineSeeds...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sameAsWholeText(t, s)
		end := 0
		for _, x := range Find(s, "example.org") {
			if x.Start < end || x.End <= x.Start || x.End > len(s) {
				t.Fatalf("finding %+v out of order or place in %q", x, s)
			}
			end = x.End
		}
	})
}

// BenchmarkFind looks for details in the anonymised case studies of a
// generated site, about 3 KB each, as the checks of a build do for every
// such page.
func BenchmarkFind(b *testing.B) {
	var texts []string
	sitegen.Each(sitegen.Options{Signatories: 100}, func(name string, data []byte) error {
		if strings.HasPrefix(name, "content/case-studies/") && strings.Contains(string(data), "anonymised: true") {
			texts = append(texts, string(data))
		}
		return nil
	})
	if len(texts) == 0 {
		b.Fatal("no anonymised case study")
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		Find(texts[i%len(texts)], "example.org")
		i++
	}
}
