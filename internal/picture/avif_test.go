package picture

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
)

// mkbox writes one box.
func mkbox(kind string, parts ...[]byte) []byte {
	body := bytes.Join(parts, nil)
	out := binary.BigEndian.AppendUint32(nil, uint32(8+len(body)))
	return append(append(out, kind...), body...)
}

func u32(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }
func u16(v uint16) []byte { return binary.BigEndian.AppendUint16(nil, v) }

// avifHead is the head of an AVIF file whose primary item (1) is w by h,
// with a second item (its alpha, 64 by 64) listed first among the
// properties, and an irot property of rot quarter turns when rot > 0.
func avifHead(w, h uint32, rot byte, extra ...[]byte) []byte {
	ispe := func(w, h uint32) []byte { return mkbox("ispe", u32(0), u32(w), u32(h)) }
	props := [][]byte{ispe(64, 64), ispe(w, h)}
	indexes := []byte{0x80 | 2} // the second property, marked essential
	if rot > 0 {
		props = append(props, mkbox("irot", []byte{rot}))
		indexes = append(indexes, byte(len(props)))
	}
	for _, e := range extra {
		props = append(props, e)
		indexes = append(indexes, byte(len(props)))
	}
	assoc := append([]byte{byte(len(indexes))}, indexes...)
	ipma := bytes.Join([][]byte{u32(0), u32(2), u16(2), {1, 0x01}, u16(1), assoc}, nil)
	meta := mkbox("meta", u32(0),
		mkbox("hdlr", u32(0), u32(0), []byte("pict"), make([]byte, 13)),
		mkbox("pitm", u32(0), u16(1)),
		mkbox("iprp", mkbox("ipco", props...), mkbox("ipma", ipma)))
	return append(mkbox("ftyp", []byte("avif"), u32(0), []byte("mif1avif")), append(meta, mkbox("mdat", make([]byte, 100))...)...)
}

// Files avifenc 0.11 made of the example site's 384 by 192 logo (with its
// transparency, a second item), as saved and with --irot 1.
func TestAVIFFromAnEncoder(t *testing.T) {
	for name, want := range map[string]Size{"logo.avif": {384, 192}, "logo-turned.avif": {192, 384}} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if got, err := Read(name, bytes.NewReader(data)); err != nil || got != want {
			t.Errorf("%s: got %v, %v; want %v", name, got, err, want)
		}
	}
}

func TestAVIFSizes(t *testing.T) {
	for _, c := range []struct {
		name string
		data []byte
		want Size
	}{
		{"photo", avifHead(640, 480, 0), Size{640, 480}},
		{"turned a quarter", avifHead(640, 480, 1), Size{480, 640}},
		{"turned a half", avifHead(640, 480, 2), Size{640, 480}},
	} {
		got, err := Read("x.avif", bytes.NewReader(c.data))
		if err != nil || got != c.want {
			t.Errorf("%s: got %v, %v; want %v", c.name, got, err, c.want)
		}
	}
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"cropped", avifHead(640, 480, 0, mkbox("clap", make([]byte, 32)))},
		{"cut short", avifHead(640, 480, 0)[:60]},
		{"no boxes", []byte("RIFF not an avif")},
		{"huge", avifHead(1<<20, 10, 0)},
	} {
		if got, err := Read("x.avif", bytes.NewReader(c.data)); err == nil {
			t.Errorf("%s: got %v, want an error", c.name, got)
		}
	}
}
