//go:build ignore

// genimages draws the raster versions of the site logo that crawlers want
// (Google's publisher logo and the default Open Graph / Twitter image must be
// PNG or JPEG, not SVG), and the icons browsers and phones ask for
// (favicon.ico, apple-touch-icon.png, the web manifest's icons; issue 14).
// Run it after changing static/logo.svg:
//
//	go run ./internal/site/genimages.go
package main

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"log"
	"os"
)

// The "W" of static/logo.svg on its 64×64 grid.
var glyph = [][2]float64{{12, 18}, {20, 18}, {25, 40}, {32, 18}, {38, 18}, {45, 40}, {50, 18}, {58, 18},
	{49, 48}, {41, 48}, {35, 29}, {29, 48}, {21, 48}}

var (
	brand = color.RGBA{0xb3, 0x26, 0x1e, 0xff}
	white = color.RGBA{0xff, 0xff, 0xff, 0xff}
)

func inside(x, y float64) bool {
	in := false
	for i, j := 0, len(glyph)-1; i < len(glyph); j, i = i, i+1 {
		xi, yi, xj, yj := glyph[i][0], glyph[i][1], glyph[j][0], glyph[j][1]
		if (yi > y) != (yj > y) && x < (xj-xi)*(y-yi)/(yj-yi)+xi {
			in = !in
		}
	}
	return in
}

func mix(a, b color.RGBA, t float64) color.RGBA {
	f := func(x, y uint8) uint8 { return uint8(float64(x)*(1-t) + float64(y)*t + 0.5) }
	return color.RGBA{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B), 0xff}
}

// draw paints the logo glyph into a size×size square at (ox, oy), with 4×4
// supersampling for smooth edges.
func draw(img *image.RGBA, ox, oy, size int) {
	scale := 64 / float64(size)
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			hits := 0
			for sy := 0; sy < 4; sy++ {
				for sx := 0; sx < 4; sx++ {
					if inside((float64(x)+(float64(sx)+0.5)/4)*scale, (float64(y)+(float64(sy)+0.5)/4)*scale) {
						hits++
					}
				}
			}
			img.SetRGBA(ox+x, oy+y, mix(brand, white, float64(hits)/16))
		}
	}
}

func encode(img image.Image) []byte {
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&b, img); err != nil {
		log.Fatal(err)
	}
	return b.Bytes()
}

func write(name string, img image.Image) {
	if err := os.WriteFile(name, encode(img), 0o644); err != nil {
		log.Fatal(err)
	}
}

// square is the logo (the glyph on the brand red) at size×size, the glyph
// drawn at scale of the whole (1 as in logo.svg; less leaves the margin a
// maskable icon needs, whose corners a phone may cut away).
func square(size int, scale float64) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	fill(img)
	g := int(float64(size)*scale + 0.5)
	draw(img, (size-g)/2, (size-g)/2, g)
	return img
}

// writeICO writes a Windows icon holding PNG images (every browser since
// IE 11 reads PNG inside ICO).
func writeICO(name string, sizes ...int) {
	var dir, data bytes.Buffer
	binary.Write(&dir, binary.LittleEndian, [3]uint16{0, 1, uint16(len(sizes))})
	offset := 6 + 16*len(sizes)
	for _, n := range sizes {
		b := encode(square(n, 1))
		binary.Write(&dir, binary.LittleEndian, struct {
			W, H, Colors, Reserved uint8
			Planes, Bits           uint16
			Size, Offset           uint32
		}{uint8(n % 256), uint8(n % 256), 0, 0, 1, 32, uint32(len(b)), uint32(offset)})
		data.Write(b)
		offset += len(b)
	}
	if err := os.WriteFile(name, append(dir.Bytes(), data.Bytes()...), 0o644); err != nil {
		log.Fatal(err)
	}
}

func fill(img *image.RGBA) {
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			img.SetRGBA(x, y, brand)
		}
	}
}

func main() {
	logo := image.NewRGBA(image.Rect(0, 0, 512, 512))
	fill(logo)
	draw(logo, 0, 0, 512)
	write("internal/site/static/logo.png", logo)

	og := image.NewRGBA(image.Rect(0, 0, 1200, 630))
	fill(og)
	draw(og, (1200-480)/2, (630-480)/2, 480)
	write("internal/site/static/og-default.png", og)

	// Icons: /favicon.ico, iOS's home-screen icon, the web manifest's.
	writeICO("internal/site/static/favicon.ico", 16, 32, 48)
	write("internal/site/static/apple-touch-icon.png", square(180, 1))
	write("internal/site/static/icon-192.png", square(192, 1))
	write("internal/site/static/icon-maskable-512.png", square(512, 0.8))
}
