package picture

import (
	"encoding/binary"
	"errors"
	"io"
)

// AVIF has no reader in Go's libraries. Its size is a property of its
// primary item, in boxes at the head of the file (ISO/IEC 14496-12, the
// file format, and 23008-12, HEIF): meta holds pitm (which item is the
// picture), and iprp, whose ipco lists properties and whose ipma says
// which belong to which item. The picture's size is its ispe property,
// turned by an irot property of a quarter or three-quarter turn.

// avifHeadLimit is how much of an AVIF file is read for its boxes. The
// meta box comes before the picture data and is a few hundred bytes.
const avifHeadLimit = 64 << 10

var errAVIF = errors.New("the AVIF file's size could not be found")

// box is one box of the file: its four-letter type and what it holds.
type box struct {
	kind string
	body []byte
}

// boxes splits b into boxes; a box that runs past the end stops the list.
func boxes(b []byte) []box {
	var out []box
	for len(b) >= 8 {
		size := uint64(binary.BigEndian.Uint32(b))
		kind := string(b[4:8])
		head := uint64(8)
		switch size {
		case 0:
			size = uint64(len(b))
		case 1:
			if len(b) < 16 {
				return out
			}
			size, head = binary.BigEndian.Uint64(b[8:]), 16
		}
		if size < head || size > uint64(len(b)) {
			return out
		}
		out = append(out, box{kind: kind, body: b[head:size]})
		b = b[size:]
	}
	return out
}

func find(bs []box, kind string) []byte {
	for _, b := range bs {
		if b.kind == kind {
			return b.body
		}
	}
	return nil
}

// readAVIF reads the size of an AVIF picture from the head of its file.
func readAVIF(r io.Reader) (Size, error) {
	head, err := io.ReadAll(io.LimitReader(r, avifHeadLimit))
	if err != nil {
		return Size{}, err
	}
	top := boxes(head)
	if ftyp := find(top, "ftyp"); len(ftyp) < 4 {
		return Size{}, errors.New("the file is not an AVIF picture")
	}
	meta := find(top, "meta")
	if len(meta) < 4 {
		return Size{}, errAVIF
	}
	inMeta := boxes(meta[4:]) // after the version and flags
	pitm := find(inMeta, "pitm")
	if len(pitm) < 6 {
		return Size{}, errAVIF
	}
	var primary uint32
	if pitm[0] == 0 {
		primary = uint32(binary.BigEndian.Uint16(pitm[4:]))
	} else if len(pitm) >= 8 {
		primary = binary.BigEndian.Uint32(pitm[4:])
	}
	iprp := boxes(find(inMeta, "iprp"))
	props := boxes(find(iprp, "ipco"))
	var s Size
	turns := false
	for _, index := range propertiesOf(find(iprp, "ipma"), primary) {
		if index < 1 || index > len(props) {
			continue
		}
		p := props[index-1]
		switch p.kind {
		case "ispe":
			if len(p.body) >= 12 {
				w, h := binary.BigEndian.Uint32(p.body[4:]), binary.BigEndian.Uint32(p.body[8:])
				if w > MaxSide || h > MaxSide {
					return Size{}, errors.New("the AVIF picture asks for more pixels than any real picture")
				}
				s = Size{int(w), int(h)}
			}
		case "irot":
			turns = len(p.body) >= 1 && p.body[0]&1 == 1
		case "clap":
			// Cropped: the size shown is not the ispe. Rare in pictures
			// saved for the web; shown without a size rather than a
			// wrong one.
			return Size{}, errAVIF
		}
	}
	if !s.Known() {
		return Size{}, errAVIF
	}
	if turns {
		s.Width, s.Height = s.Height, s.Width
	}
	return s, nil
}

// propertiesOf lists the property indexes (from 1) that an ipma box
// gives the item.
func propertiesOf(ipma []byte, item uint32) []int {
	if len(ipma) < 8 {
		return nil
	}
	version, wide := ipma[0], ipma[3]&1 == 1
	count := binary.BigEndian.Uint32(ipma[4:])
	b := ipma[8:]
	for range count {
		var id uint32
		if version < 1 {
			if len(b) < 3 {
				return nil
			}
			id, b = uint32(binary.BigEndian.Uint16(b)), b[2:]
		} else {
			if len(b) < 5 {
				return nil
			}
			id, b = binary.BigEndian.Uint32(b), b[4:]
		}
		n := int(b[0])
		b = b[1:]
		var out []int
		for range n {
			if wide {
				if len(b) < 2 {
					return nil
				}
				out, b = append(out, int(binary.BigEndian.Uint16(b)&0x7fff)), b[2:]
			} else {
				if len(b) < 1 {
					return nil
				}
				out, b = append(out, int(b[0]&0x7f)), b[1:]
			}
		}
		if id == item {
			return out
		}
	}
	return nil
}
