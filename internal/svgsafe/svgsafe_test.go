package svgsafe

import (
	"strings"
	"testing"
)

// A drawing as Inkscape and Illustrator export it: namespaces, metadata
// with a licence address, a public DOCTYPE, gradients, a style sheet and a
// PNG inside. Nothing in it is active, and it must be published.
const plainDrawing = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<!-- Made by hand -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:cc="http://creativecommons.org/ns#" viewBox="0 0 10 10" role="img">
  <metadata><rdf:RDF><cc:Work rdf:about=""><cc:license rdf:resource="http://creativecommons.org/licenses/by/4.0/"/></cc:Work></rdf:RDF></metadata>
  <title>Kite Youth Arts</title>
  <defs>
    <linearGradient id="shade"><stop offset="0" stop-color="#fff"/></linearGradient>
    <style type="text/css"><![CDATA[ .a { fill: url(#shade); font-family: "Open Sans"; } ]]></style>
  </defs>
  <rect class="a" width="10" height="10" fill="url('#shade')" style="stroke: #000; opacity: .5"/>
  <use xlink:href="#shade" href="#shade"/>
  <image width="1" height="1" href="data:image/png;base64,iVBORw0KGgo="/>
  <a href="#top"><text>Kite</text></a>
  <animate attributeName="opacity" from="0" to="1" dur="1s"/>
</svg>
`

func TestPlainDrawingsArePublished(t *testing.T) {
	if got := Check([]byte(plainDrawing)); len(got) > 0 {
		t.Errorf("a plain drawing was refused: %v", got)
	}
	if got := Check([]byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)); len(got) > 0 {
		t.Errorf("an empty picture was refused: %v", got)
	}
}

// Each active part is reported at the place it is written (line:col,
// counted in characters), and every message says what to do.
func TestActivePartsAreRefused(t *testing.T) {
	const open = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">` + "\n"
	cases := []struct {
		name, svg string
		want      string // LINE:COL: the start of the problem
	}{
		{"script", open + "  <script>alert(1)</script>\n</svg>", "2:3: the picture has a script in it"},
		{"script in other capitals and a namespace", open + `<h:SCRIPT xmlns:h="http://www.w3.org/1999/xhtml">x</h:SCRIPT></svg>`, "2:1: the picture has a script in it"},
		{"event handler on the root", `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`, "1:41: the picture has an event handler, onload"},
		{"event handler after a wide character", open + `<text x="é" onClick="x()">é</text></svg>`, "2:13: the picture has an event handler, onClick"},
		{"foreignObject", open + "<g>\n <foreignObject><div/></foreignObject></g></svg>", "3:2: the picture has a foreignObject"},
		{"iframe", open + `<iframe src="https://evil.example/"/></svg>`, "2:1: the picture has an iframe"},
		{"embed", open + `<embed src="x.swf"/></svg>`, "2:1: the picture has an embed"},
		{"object", open + `<object data="x"/></svg>`, "2:1: the picture has an object"},
		{"javascript link", open + `<a href="javascript:alert(1)"><text>x</text></a></svg>`, "2:4: the picture has a script address (javascript:) in href"},
		{"javascript link hidden by a tab entity and capitals", open + `<a xlink:href=" JaVa&#9;ScRiPt:alert(1)"><text>x</text></a></svg>`, "2:4: the picture has a script address (javascript:) in href"},
		{"vbscript", open + `<a href="vbscript:x"/></svg>`, "2:4: the picture has a script address (vbscript:) in href"},
		{"data web page", open + `<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"/></svg>`, "2:4: the picture has a data: address that can hold a script or a web page in href"},
		{"data SVG picture", open + `<image href="data:image/svg+xml;base64,PHN2Zz4="/></svg>`, "2:8: the picture has a data: address"},
		{"external picture", open + `<image href="https://tracker.example/p.png"/></svg>`, "2:8: the picture has an address on another site in href"},
		{"external use by //", open + `<use xlink:href="//evil.example/s.svg#x"/></svg>`, "2:6: the picture has an address on another site in href"},
		{"external style url", open + `<rect style="fill: url(https://evil.example/x.svg#p)"/></svg>`, "2:20: the style attribute has an address on another site in url(...)"},
		{"external fill url", open + `<rect fill="url(#ok)" stroke="url(http://evil.example/#p)"/></svg>`, "2:31: stroke has an address on another site in url(...)"},
		{"style element url on its own line", open + "<style>\n.a { fill: url(#g) }\n.b { background: url( 'https://evil.example/' ) }\n</style></svg>", "4:18: the style has an address on another site in url(...)"},
		{"import", open + "<style>\n  @IMPORT 'https://evil.example/x.css';\n</style></svg>", "3:3: the style has an @import"},
		{"import split by CDATA", open + "<style>@imp<![CDATA[ort]]> 'https://evil.example/x.css';</style></svg>", "2:8: the style has an @import"},
		{"import split by a comment", open + "<style>\n@imp<!-- x -->ort 'https://evil.example/x.css';</style></svg>", "2:8: the style has an @import"},
		{"import split by an element", open + "<style>@imp<g/>ort 'https://evil.example/x.css';</style></svg>", "2:8: the style has an @import"},
		{"import split by a style in the style", open + "<style>@imp<style/>ort 'https://evil.example/x.css';</style></svg>", "2:8: the style has an @import"},
		{"css escapes", open + `<style>.a { fill: \75 rl(https://evil.example/) }</style></svg>`, "2:19: the style uses \\ escapes"},
		{"animation setting href", open + `<a href="#"><set attributeName="href" to="javascript:alert(1)"/></a></svg>`, "2:13: the picture has a <set> that changes href"},
		{"animation setting xlink:href", open + "<a>\n<animate attributeName=\"xlink:href\" values=\"javascript:alert(1)\"/></a></svg>", "3:1: the picture has a <animate> that changes xlink:href"},
		{"animation setting a handler", open + `<set attributeName="onclick" to="alert(1)"/></svg>`, "2:1: the picture has a <set> that changes onclick"},
		{"entities", "<!DOCTYPE svg [\n<!ENTITY a \"aaaa\">\n]>\n" + `<svg xmlns="http://www.w3.org/2000/svg">&a;</svg>`, "1:1: the picture declares entities in its DOCTYPE"},
		{"style sheet instruction", `<?xml-stylesheet href="https://evil.example/x.css"?>` + "\n" + open + "</svg>", "1:1: the picture has an instruction <?xml-stylesheet ...?>"},
		{"xml:base elsewhere", open + `<g xml:base="https://evil.example/"><use href="x.svg#a"/></g></svg>`, "2:4: the picture has an address on another site in base"},
		{"not XML", open + "<g></svg>", "2:4: the picture is not a well-formed SVG file"},
		{"not UTF-8", open + "<text>\xff</text></svg>", "2:7: the picture has a character that is not UTF-8 text"},
		{"another encoding", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + open + "</svg>", "1:1: the picture is saved in an older text encoding, not UTF-8"},
		{"no picture", "<!-- nothing -->\n", "1:1: the file has no picture in it"},
		{"too deep", open + strings.Repeat("<g>", MaxDepth) + strings.Repeat("</g>", MaxDepth) + "</svg>", "2:766: the picture nests its parts more than 256 deep"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Check([]byte(tc.svg))
			if len(got) == 0 {
				t.Fatalf("not refused")
			}
			if s := got[0].String(); !strings.HasPrefix(s, tc.want) {
				t.Errorf("got  %s\nwant %s...", s, tc.want)
			}
			for _, p := range got {
				if p.Fix == "" {
					t.Errorf("%s has no advice", p)
				}
				if strings.Contains(strings.ToLower(p.Fix), "javascript") {
					t.Errorf("%s repeats a script address in its advice", p)
				}
			}
		})
	}
}

func TestEveryActivePartIsReported(t *testing.T) {
	svg := `<svg xmlns="http://www.w3.org/2000/svg" onload="a()">` + "\n<script>b()</script>\n<a href=\"javascript:c()\"/>\n</svg>"
	got := Check([]byte(svg))
	if len(got) != 3 || got[0].Line != 1 || got[1].Line != 2 || got[2].Line != 3 {
		t.Errorf("got %v, want the three parts on lines 1, 2 and 3", got)
	}
}

func TestHostileFileGivesFewMessages(t *testing.T) {
	svg := `<svg xmlns="http://www.w3.org/2000/svg">` + strings.Repeat("<script/>", 10000) + "</svg>"
	if got := Check([]byte(svg)); len(got) != maxProblems {
		t.Errorf("%d problems, want %d", len(got), maxProblems)
	}
}

func TestOversizedFileIsRefused(t *testing.T) {
	big := make([]byte, MaxSize+1)
	if got := Check(big); len(got) != 1 || !strings.Contains(got[0].Problem, "more than the 4 MB") {
		t.Errorf("got %v", got)
	}
}
