package picture

import (
	"bytes"
	"encoding/binary"
	"os"
	"testing"
)

// FuzzRead: no file makes Read panic, and a size it gives is one a page
// can be given.
func FuzzRead(f *testing.F) {
	f.Add("a.png", encoded(f, "png", 3, 2))
	f.Add("a.jpg", encoded(f, "jpeg", 3, 2))
	f.Add("b.jpg", withOrientation(encoded(f, "jpeg", 3, 2), binary.LittleEndian, 6))
	f.Add("a.gif", encoded(f, "gif", 3, 2))
	f.Add("a.webp", webpLossless(3, 2))
	f.Add("a.avif", avifHead(3, 2, 1))
	if data, err := os.ReadFile("testdata/logo.avif"); err == nil {
		f.Add("b.avif", data)
	}
	f.Add("a.svg", []byte(`<svg width="10px" viewBox="0 0 4 2"/>`))
	f.Add("a.svg", []byte(`<?xml version="1.0"?><!DOCTYPE svg><svg height="2cm" viewBox="0,0,1,1">`))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		s, err := Read(name, bytes.NewReader(data))
		if err != nil {
			if s != (Size{}) {
				t.Fatalf("an error with a size: %v", s)
			}
			return
		}
		if !s.Known() || s.Width > MaxSide || s.Height > MaxSide {
			t.Fatalf("size %v", s)
		}
	})
}
