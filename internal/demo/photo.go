package demo

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"image"
	"image/jpeg"
)

// MaxPhotoSide is the largest width or height Photo accepts.
const MaxPhotoSide = 4096

// Photo renders a pleasant abstract "photo" for seed as a JPEG
// (quality 80): a three-stop diagonal gradient, a handful of soft
// elliptical light shapes and a gentle vignette. Colours and layout derive
// from the FNV-1a hash of seed, so every seed gets its own image and the
// same seed always yields the same bytes. All per-pixel work uses integer
// arithmetic, so the output does not depend on floating-point fusion or
// the CPU it runs on.
func Photo(seed string, width, height int) ([]byte, error) {
	if width <= 0 || height <= 0 {
		return nil, fmt.Errorf("demo: invalid photo size %dx%d", width, height)
	}
	if width > MaxPhotoSide || height > MaxPhotoSide {
		return nil, fmt.Errorf("demo: photo size %dx%d exceeds %d", width, height, MaxPhotoSide)
	}

	h := fnv.New64a()
	h.Write([]byte(seed))
	r := &splitmix{state: h.Sum64()}

	// Palette: a dark, a mid and a light stop around a base hue, plus
	// accent colours for the shapes.
	hue := r.intn(360)
	dark := hslToRGB(hue+r.intn(30)-15, 400+r.intn(250), 180+r.intn(120))
	midHue := hue + 25 + r.intn(50)
	if r.intn(2) == 0 {
		midHue = hue - 25 - r.intn(50)
	}
	mid := hslToRGB(midHue, 380+r.intn(260), 420+r.intn(150))
	light := hslToRGB(hue+150+r.intn(60), 350+r.intn(300), 700+r.intn(150))

	// Gradient direction (integer vector) and its range over the corners.
	gx, gy := r.intn(2001)-1000, r.intn(2001)-1000
	if gx == 0 && gy == 0 {
		gx = 1000
	}
	tmin, tmax := int64(0), int64(0)
	for i, c := range [4][2]int64{{0, 0}, {int64(width - 1), 0}, {0, int64(height - 1)}, {int64(width - 1), int64(height - 1)}} {
		t := c[0]*int64(gx) + c[1]*int64(gy)
		if i == 0 || t < tmin {
			tmin = t
		}
		if i == 0 || t > tmax {
			tmax = t
		}
	}
	span := max(tmax-tmin, 1)
	step := (int64(gx) << 32) / span

	// Soft shapes.
	minSide := min(width, height)
	blobs := make([]blob, 4+r.intn(3))
	for i := range blobs {
		b := &blobs[i]
		b.cx = r.intn(width+width/2) - width/4
		b.cy = r.intn(height+height/2) - height/4
		base := minSide/6 + r.intn(minSide/2+1)
		b.rx = max(2, base*(700+r.intn(700))/1000)
		b.ry = max(2, base*(700+r.intn(600))/1000)
		b.invRx2 = (int64(1) << 32) / (int64(b.rx) * int64(b.rx))
		b.invRy2 = (int64(1) << 32) / (int64(b.ry) * int64(b.ry))
		b.alpha = int64(70 + r.intn(120)) // out of 256
		switch r.intn(3) {
		case 0:
			b.col = light
		case 1:
			b.col = hslToRGB(hue+r.intn(90)-45, 420+r.intn(280), 550+r.intn(200))
		default:
			b.col = hslToRGB(midHue+180+r.intn(60)-30, 400+r.intn(300), 500+r.intn(250))
		}
	}

	// Vignette: squared normalised distance from the centre per column.
	vx2 := make([]int64, width)
	for x := range vx2 {
		v := int64(2*x-width) * 1024 / int64(width)
		vx2[x] = v * v
	}
	const vignette = 24000 // darkening at the corners, out of 65536

	img := image.NewYCbCr(image.Rect(0, 0, width, height), image.YCbCrSubsampleRatio420)
	row := make([]int64, 3*width)
	for y := 0; y < height; y++ {
		// Gradient position in 32.32 fixed point, advanced per column.
		pp := ((int64(y)*int64(gy) - tmin) << 32) / span
		for x := 0; x < width; x++ {
			p := min(max(pp>>16, 0), 65536) // 0..65536
			pp += step
			var a, b rgb
			if p < 32768 {
				a, b, p = dark, mid, p*2
			} else {
				a, b, p = mid, light, (p-32768)*2
			}
			o := 3 * x
			row[o] = a.r + (b.r-a.r)*p>>16
			row[o+1] = a.g + (b.g-a.g)*p>>16
			row[o+2] = a.b + (b.b-a.b)*p>>16
		}

		// Shapes.
		for i := range blobs {
			b := &blobs[i]
			dy := int64(y - b.cy)
			qy := dy * dy * b.invRy2 >> 16
			if qy >= 65536 {
				continue
			}
			x0, x1 := max(0, b.cx-b.rx), min(width-1, b.cx+b.rx)
			for x := x0; x <= x1; x++ {
				dx := int64(x - b.cx)
				q := qy + dx*dx*b.invRx2>>16
				if q >= 65536 {
					continue
				}
				s := 65536 - q
				w := (s * s >> 16) * b.alpha >> 8 // smooth falloff, 0..65536
				o := 3 * x
				row[o] += (b.col.r - row[o]) * w >> 16
				row[o+1] += (b.col.g - row[o+1]) * w >> 16
				row[o+2] += (b.col.b - row[o+2]) * w >> 16
			}
		}

		// Vignette, then store as YCbCr. Chroma is sampled at the top-left
		// pixel of each 2x2 block, which is plenty for a smooth image.
		vy := int64(2*y-height) * 1024 / int64(height)
		vy2 := vy * vy
		yrow := img.Y[y*img.YStride : y*img.YStride+width]
		chroma := y&1 == 0
		var cbrow, crrow []uint8
		if chroma {
			c := (y / 2) * img.CStride
			cbrow, crrow = img.Cb[c:c+(width+1)/2], img.Cr[c:c+(width+1)/2]
		}
		for x := 0; x < width; x++ {
			f := 65536 - (vx2[x]+vy2)*vignette>>21
			o := 3 * x
			r := int64(clamp8(row[o] * f >> 16))
			g := int64(clamp8(row[o+1] * f >> 16))
			b := int64(clamp8(row[o+2] * f >> 16))
			// JFIF conversion, as in image/color.RGBToYCbCr.
			yrow[x] = clamp8((19595*r + 38470*g + 7471*b + 1<<15) >> 16)
			if chroma && x&1 == 0 {
				cbrow[x/2] = clamp8((-11056*r - 21712*g + 32768*b + 257<<15) >> 16)
				crrow[x/2] = clamp8((32768*r - 27440*g - 5328*b + 257<<15) >> 16)
			}
		}
	}

	var buf bytes.Buffer
	buf.Grow(width * height / 8)
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80}); err != nil {
		return nil, fmt.Errorf("demo: encode photo: %w", err)
	}
	return buf.Bytes(), nil
}

type rgb struct{ r, g, b int64 }

type blob struct {
	cx, cy, rx, ry int
	invRx2, invRy2 int64
	alpha          int64
	col            rgb
}

// splitmix is a tiny local PRNG (SplitMix64) seeded from the hash.
type splitmix struct{ state uint64 }

func (s *splitmix) next() uint64 {
	s.state += 0x9e3779b97f4a7c15
	z := s.state
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// intn returns a value in [0, n); n must be > 0.
func (s *splitmix) intn(n int) int {
	return int(s.next() % uint64(n))
}

// hslToRGB converts hue in degrees (any integer) and saturation and
// lightness in per-mille (0..1000) to 8-bit RGB using integer arithmetic.
func hslToRGB(hue, sat, light int) rgb {
	hue %= 360
	if hue < 0 {
		hue += 360
	}
	sat = min(max(sat, 0), 1000)
	light = min(max(light, 0), 1000)
	c := (1000 - abs(2*light-1000)) * sat / 1000
	x := c * (60 - abs(hue%120-60)) / 60
	m := light - c/2
	var r, g, b int
	switch hue / 60 {
	case 0:
		r, g, b = c, x, 0
	case 1:
		r, g, b = x, c, 0
	case 2:
		r, g, b = 0, c, x
	case 3:
		r, g, b = 0, x, c
	case 4:
		r, g, b = x, 0, c
	default:
		r, g, b = c, 0, x
	}
	return rgb{
		r: int64((r + m) * 255 / 1000),
		g: int64((g + m) * 255 / 1000),
		b: int64((b + m) * 255 / 1000),
	}
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

func clamp8(v int64) uint8 {
	if v < 0 {
		return 0
	}
	if v > 255 {
		return 255
	}
	return uint8(v)
}
