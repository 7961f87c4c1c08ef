package picture

import "encoding/binary"

// Phones store a photo as the sensor saw it and record in the JPEG's Exif
// data how to turn it; browsers turn it before showing it (CSS
// image-orientation: from-image, the default). A photo taken upright is
// stored on its side: its width and height must be swapped to be those
// the reader sees.

// exifTurnsSideways reports whether the Exif data in the head of a JPEG
// file, as far as it was read to find its size, turns the picture a
// quarter turn (orientations 5 to 8). Anything it cannot follow counts as
// no turn: the file is read as stored.
func exifTurnsSideways(b []byte) bool {
	if len(b) < 4 || b[0] != 0xFF || b[1] != 0xD8 {
		return false
	}
	for i := 2; i+4 <= len(b); {
		if b[i] != 0xFF {
			return false
		}
		marker := b[i+1]
		if marker == 0xFF { // fill byte before a marker
			i++
			continue
		}
		if marker == 0xDA || marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC {
			return false // the picture's frame or data: Exif comes before
		}
		n := int(binary.BigEndian.Uint16(b[i+2:]))
		end := i + 2 + n
		if n < 2 || end > len(b) {
			return false
		}
		if seg := b[i+4 : end]; marker == 0xE1 && len(seg) > 6 && string(seg[:6]) == "Exif\x00\x00" {
			o := tiffOrientation(seg[6:])
			return o >= 5 && o <= 8
		}
		i = end
	}
	return false
}

// tiffOrientation reads the Orientation tag (0x0112) of the first image
// directory of Exif's TIFF structure, or 0.
func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return 0
	}
	var order binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		order = binary.LittleEndian
	case "MM":
		order = binary.BigEndian
	default:
		return 0
	}
	if order.Uint16(t[2:]) != 42 {
		return 0
	}
	dir := int(order.Uint32(t[4:]))
	if dir < 8 || dir+2 > len(t) {
		return 0
	}
	count := int(order.Uint16(t[dir:]))
	for k := 0; k < count; k++ {
		e := dir + 2 + 12*k
		if e+12 > len(t) {
			return 0
		}
		if order.Uint16(t[e:]) == 0x0112 && order.Uint16(t[e+2:]) == 3 { // SHORT
			return int(order.Uint16(t[e+8:]))
		}
	}
	return 0
}
