package picture

import (
	"bytes"
	"encoding/binary"
	"testing"
)

// withOrientation puts an Exif segment with the given orientation into a
// JPEG, after its first marker, as a phone's camera writes it.
func withOrientation(jpeg []byte, order binary.ByteOrder, orientation uint16) []byte {
	var tiff bytes.Buffer
	if order == binary.LittleEndian {
		tiff.WriteString("II")
	} else {
		tiff.WriteString("MM")
	}
	binary.Write(&tiff, order, uint16(42))
	binary.Write(&tiff, order, uint32(8))
	binary.Write(&tiff, order, uint16(2)) // two entries: make, then orientation
	binary.Write(&tiff, order, [6]uint16{0x010f, 2, 0, 4, 0, 0})
	binary.Write(&tiff, order, []uint16{0x0112, 3})
	binary.Write(&tiff, order, uint32(1))
	binary.Write(&tiff, order, []uint16{orientation, 0})
	binary.Write(&tiff, order, uint32(0))
	seg := append([]byte("Exif\x00\x00"), tiff.Bytes()...)
	var out bytes.Buffer
	out.Write(jpeg[:2])
	out.Write([]byte{0xFF, 0xE1})
	binary.Write(&out, binary.BigEndian, uint16(len(seg)+2))
	out.Write(seg)
	out.Write(jpeg[2:])
	return out.Bytes()
}

// A photo a phone stored on its side is measured as browsers show it,
// upright: its width and height swapped.
func TestPhotosAreMeasuredAsShown(t *testing.T) {
	photo := encoded(t, "jpeg", 400, 300)
	for _, c := range []struct {
		orientation uint16
		want        Size
	}{
		{1, Size{400, 300}}, {3, Size{400, 300}}, // upright, upside down
		{6, Size{300, 400}}, {8, Size{300, 400}}, {5, Size{300, 400}}, // a quarter turn
		{0, Size{400, 300}}, {99, Size{400, 300}}, // not an orientation
	} {
		for _, order := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
			got, err := Read("phone.jpg", bytes.NewReader(withOrientation(photo, order, c.orientation)))
			if err != nil || got != c.want {
				t.Errorf("orientation %d (%v): got %v, %v; want %v", c.orientation, order, got, err, c.want)
			}
		}
	}
	// Exif data that points outside itself counts as no turn.
	bad := withOrientation(photo, binary.BigEndian, 6)
	bad[19] = 0xF0 // the first directory's offset, now past the end
	if got, err := Read("phone.jpg", bytes.NewReader(bad)); err == nil && got != (Size{400, 300}) {
		t.Errorf("damaged Exif: got %v", got)
	}
}
