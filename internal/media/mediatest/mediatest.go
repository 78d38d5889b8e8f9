// Package mediatest makes image files for upload tests, among them image
// bombs: tiny files whose header promises an enormous image.
package mediatest

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
)

// PNG returns a valid, all-black PNG of w×h pixels, grey (8 bits) or, with
// deep, RGBA at 16 bits per channel, written without ever holding the
// pixels: the rows are zeros, which compress to almost nothing (a 1×50,000,000
// grey PNG is about 130 KB, a 7071×7071 16-bit one about 500 KB).
func PNG(w, h int, deep bool) []byte {
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 8, 0 // 8-bit grey
	bpp := 1
	if deep {
		ihdr[8], ihdr[9], bpp = 16, 6, 8 // 16-bit RGBA
	}
	chunk(&out, "IHDR", ihdr)
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed)
	zeros := make([]byte, 1<<20)
	for n := int64(h) * int64(1+w*bpp); n > 0; n -= int64(len(zeros)) {
		zw.Write(zeros[:min(n, int64(len(zeros)))])
	}
	zw.Close()
	chunk(&out, "IDAT", z.Bytes())
	chunk(&out, "IEND", nil)
	return out.Bytes()
}

func chunk(out *bytes.Buffer, typ string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	out.Write(n[:])
	c := crc32.NewIEEE()
	c.Write([]byte(typ))
	c.Write(data)
	out.WriteString(typ)
	out.Write(data)
	binary.BigEndian.PutUint32(n[:], c.Sum32())
	out.Write(n[:])
}
