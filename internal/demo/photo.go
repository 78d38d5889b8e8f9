package demo

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"image"
	"image/jpeg"
	"math"
	"strings"
)

// MaxPhotoSide is the largest width or height Photo accepts.
const MaxPhotoSide = 4096

// Scene kinds a demo photo can show.
const (
	SceneMountain = iota // layered ridges in haze, sometimes a smoking volcano
	SceneCity            // hills, a skyline (lit windows at dusk), a road
	SceneWater           // sky mirrored in a sea or a flood, low islands
	SceneField           // a pitch or a field in perspective, floodlights
	SceneStage           // a dark hall, out-of-focus lights, a crowd
	sceneKinds
)

// Photo renders a photograph-like picture for seed as a JPEG (quality 82),
// its scene kind chosen by the seed; see ScenePhoto.
func Photo(seed string, width, height int) ([]byte, error) {
	return ScenePhoto(seed, -1, width, height)
}

// ScenePhoto renders a photograph-like picture of the given kind (or one
// chosen by the seed when kind is out of range) as a JPEG: a sky with its
// light and clouds, silhouettes in atmospheric perspective with soft
// edges, textures, a vignette and film grain, so that it looks like a
// photograph in a list of news and weighs what one does (a 1440×810 copy
// about 150–350 KB). Everything derives from the FNV-1a hash of seed: the
// same seed always gives the same picture, at any size (coordinates are
// relative, so the renditions of one photo show the same scene).
func ScenePhoto(seed string, kind, width, height int) ([]byte, error) {
	if width <= 0 || height <= 0 {
		return nil, fmt.Errorf("demo: invalid photo size %dx%d", width, height)
	}
	if width > MaxPhotoSide || height > MaxPhotoSide {
		return nil, fmt.Errorf("demo: photo size %dx%d exceeds %d", width, height, MaxPhotoSide)
	}
	sc := newScene(seed, kind)
	var buf bytes.Buffer
	buf.Grow(width * height / 4)
	if err := jpeg.Encode(&buf, sc.render(width, height), &jpeg.Options{Quality: 82}); err != nil {
		return nil, fmt.Errorf("demo: encode photo: %w", err)
	}
	return buf.Bytes(), nil
}

// SceneFor picks a scene kind for a story from words in its title and
// photo caption, else from its channel.
func SceneFor(category, text string) int {
	t := strings.ToLower(text)
	for _, k := range []struct {
		kind  int
		words []string
	}{
		{SceneMountain, []string{"gunung", "semeru", "merapi", "erupsi", "awan panas", "lereng"}},
		{SceneWater, []string{"banjir", "laut", "pantai", "kapal", "pelabuhan", "topan", "pesisir", "perahu", "sungai", "nelayan", "genangan"}},
		{SceneField, []string{"stadion", "gbk", "timnas", "lapangan", "liga", "maraton", "pelari", "sepak bola", "laga", "atlet"}},
		{SceneStage, []string{"konser", "festival", "panggung", "album", "film", "musisi", "penyanyi", "pameran", "teater"}},
		{SceneCity, []string{"jakarta", "kota", "gedung", "pasar", "kantor", "bank", "jalan", "mrt", "transjakarta"}},
	} {
		for _, w := range k.words {
			if strings.Contains(t, w) {
				return k.kind
			}
		}
	}
	switch category {
	case "olahraga":
		return SceneField
	case "hiburan", "teknologi":
		return SceneStage
	case "internasional", "gaya-hidup":
		return SceneWater
	case "nasional":
		return SceneMountain
	}
	return SceneCity
}

type rgb struct{ r, g, b float32 }

func (c rgb) mix(d rgb, t float32) rgb {
	return rgb{c.r + (d.r-c.r)*t, c.g + (d.g-c.g)*t, c.b + (d.b-c.b)*t}
}

func (c rgb) scale(f float32) rgb { return rgb{c.r * f, c.g * f, c.b * f} }

// A layer is a silhouette (ridge, skyline, crowd, tree line) seen against
// what is behind it: its top edge as a function of the horizontal position,
// its colour fogged towards the horizon by its distance.
type layer struct {
	top      func(u float64) float64 // 0 is the top of the picture, 1 the bottom
	col, low rgb                     // colour at the top edge and at the bottom
	until    float64                 // where it ends below (0: the bottom of the picture)
	soft     float64                 // edge blur, in heights of the picture
	texture  float32                 // strength of the mottling
	streaks  float32                 // strength of gullies down its slopes
	windows  *skyline
}

type building struct {
	x0, x1, top float64
	shade       float32
	cols        int
}

type skyline struct {
	b   []building
	lit float32 // share of windows lit (dusk) or 0 (day: glass)
}

type disc struct {
	x, y, r float64
	col     rgb
	a       float32
}

type scene struct {
	seed                  uint32
	kind                  int
	aspect                float64 // fixed at 16:9 so renditions agree
	skyTop, skyLow, haze  rgb
	cloudCol              rgb
	sunX, sunY, sunR      float64
	sunCol                rgb
	sunA                  float32
	clouds                float32
	horizon               float64
	layers                []layer
	water                 bool
	waterCol              rgb
	ground                bool // a field in perspective below the horizon
	groundA, groundB      rgb
	discs                 []disc
	grain, vignette, warm float32
}

func newScene(seed string, kind int) *scene {
	h := fnv.New64a()
	h.Write([]byte(seed))
	r := &splitmix{state: h.Sum64()}
	s := &scene{seed: uint32(r.next()), aspect: 16.0 / 9.0}
	if kind < 0 || kind >= sceneKinds {
		kind = r.intn(sceneKinds)
	}
	s.kind = kind
	f := func() float64 { return float64(r.intn(1_000_000)) / 1_000_000 }
	jit := func(c rgb, n float32) rgb {
		return rgb{c.r + (float32(f())-.5)*n, c.g + (float32(f())-.5)*n, c.b + (float32(f())-.5)*n}
	}
	// Light: day, golden hour, dusk or overcast.
	tod := r.intn(4)
	switch tod {
	case 0:
		s.skyTop, s.skyLow, s.sunCol = jit(rgb{58, 112, 186}, 30), jit(rgb{178, 206, 232}, 20), rgb{255, 248, 225}
	case 1:
		s.skyTop, s.skyLow, s.sunCol = jit(rgb{72, 104, 160}, 30), jit(rgb{246, 186, 120}, 24), rgb{255, 214, 150}
	case 2:
		s.skyTop, s.skyLow, s.sunCol = jit(rgb{28, 36, 82}, 16), jit(rgb{236, 128, 86}, 30), rgb{255, 170, 110}
	default:
		s.skyTop, s.skyLow, s.sunCol = jit(rgb{118, 128, 140}, 16), jit(rgb{200, 204, 208}, 12), rgb{240, 240, 235}
	}
	s.haze = s.skyLow.mix(rgb{200, 200, 205}, .25)
	s.horizon = .52 + f()*.16
	s.sunX, s.sunR = .15+f()*.7, .05+f()*.05
	s.sunY = s.horizon - .05 - f()*.25
	if tod == 0 {
		s.sunY = .05 + f()*.2
	}
	s.sunA = []float32{.55, .9, .8, .25}[tod]
	s.clouds = float32(.25 + f()*.5)
	if tod == 3 {
		s.clouds = .9
	}
	s.grain, s.vignette, s.warm = 9+float32(f())*4, float32(.28+f()*.14), float32(f()-.4)*10
	dusk := tod == 2

	ridge := func(base, amp, freq float64, oct int) func(float64) float64 {
		k := uint32(r.next())
		return func(u float64) float64 { return base - amp*fbm1(k, u*freq, oct) }
	}
	// Far hills fogged into the sky, used by most scenes.
	far := func(n int, top float64) {
		for i := range n {
			d := float32(n-i) / float32(n+1) // 1 far … 0 near
			base := jit(rgb{64, 82, 72}, 20).mix(s.haze, .35+.55*d)
			s.layers = append(s.layers, layer{top: ridge(top+float64(i)*.05, .12+f()*.1, 2+f()*3, 5),
				col: base, low: base.mix(s.haze, .2), soft: .004 + .006*float64(d), texture: .03})
		}
	}
	switch kind {
	case SceneMountain:
		far(2, s.horizon-.1)
		if r.intn(3) > 0 { // a volcano, its plume drifting
			cx, w := .3+f()*.4, .22+f()*.12
			peak, k := s.horizon-.3-f()*.1, uint32(r.next())
			col := jit(rgb{70, 66, 70}, 16).mix(s.haze, .35)
			s.layers = append(s.layers, layer{top: func(u float64) float64 {
				d := math.Abs(u-cx) / w
				cone := math.Max(0, 1-d)
				return math.Min(s.horizon+.05, peak+(1-cone*cone*(3-2*cone))*.42+.012*fbm1(k, u*25, 3)+math.Max(0, .02-d*.05))
			}, col: col, low: col.scale(.8), soft: .003, texture: .05, streaks: .16})
			for i := range 9 {
				t := float64(i) / 8
				s.discs = append(s.discs, disc{x: cx + t*(.15+f()*.1), y: peak - .02 - t*.28, r: .04 + t*.1,
					col: jit(rgb{150, 146, 144}, 20).mix(s.skyLow, .3), a: float32(.5 - .3*t)})
			}
		}
		for i := range 2 {
			c := jit(rgb{40, 62, 40}, 16).mix(s.haze, .2-.15*float32(i))
			s.layers = append(s.layers, layer{top: ridge(s.horizon+.12+float64(i)*.12, .1, 3+f()*2, 6),
				col: c, low: c.scale(.6), soft: .0015, texture: .12, streaks: .12})
		}
	case SceneCity:
		far(1, s.horizon-.06)
		for j := range 2 {
			sk := &skyline{}
			if dusk {
				sk.lit = .35
			}
			x := -.02
			for x < 1.02 {
				bw := .025 + f()*.07
				top := s.horizon - .02 - f()*.28*float64(2-j)/2 - f()*.12
				sk.b = append(sk.b, building{x0: x, x1: x + bw, top: top, shade: float32(.75 + f()*.5), cols: 2 + r.intn(5)})
				x += bw + f()*.01
			}
			base := jit(rgb{70, 76, 88}, 20).mix(s.haze, .45-.35*float32(j))
			if dusk {
				base = base.scale(.45)
			}
			bs := sk.b
			s.layers = append(s.layers, layer{top: func(u float64) float64 {
				for _, b := range bs {
					if u >= b.x0 && u < b.x1 {
						return b.top
					}
				}
				return 2
			}, col: base, low: base.scale(.8), soft: .0012, texture: .04, windows: sk})
		}
		road := jit(rgb{52, 52, 56}, 10)
		s.layers = append(s.layers, layer{top: ridge(s.horizon+.2, .02, 2, 2), col: road, low: road.scale(.7), soft: .002, texture: .1})
	case SceneWater:
		s.water = true
		s.waterCol = jit(rgb{30, 60, 80}, 20)
		if r.intn(2) == 0 { // murky flood water
			s.waterCol = jit(rgb{92, 78, 56}, 20)
		}
		isl := jit(rgb{50, 66, 58}, 16).mix(s.haze, .5)
		s.layers = append(s.layers, layer{top: func(u float64) float64 {
			return math.Min(s.horizon, s.horizon+.05-.09*fbm1(s.seed, u*4, 5))
		}, col: isl, low: isl, until: s.horizon, soft: .003, texture: .03})
		if r.intn(2) == 0 { // a boat
			bx, by, bl := .15+f()*.6, s.horizon+.12+f()*.15, .05+f()*.08
			col := jit(rgb{40, 40, 44}, 20)
			s.layers = append(s.layers, layer{top: func(u float64) float64 {
				d := (u - bx) / bl
				if d < -1 || d > 1 {
					return 2
				}
				if d > -.3 && d < .25 {
					return by - .06
				}
				return by - .02*(1-d*d)
			}, col: col, low: col.scale(.7), until: by, soft: .0015, texture: .05})
		}
	case SceneField:
		s.ground = true
		s.groundA, s.groundB = jit(rgb{62, 122, 52}, 20), jit(rgb{48, 104, 42}, 20)
		stand := jit(rgb{60, 60, 70}, 20).mix(s.haze, .3)
		s.layers = append(s.layers, layer{top: ridge(s.horizon-.06, .04, 6, 3), col: stand, low: stand.scale(.7), until: s.horizon, soft: .002, texture: .25})
		for _, x := range []float64{.08 + f()*.1, .82 + f()*.1} { // floodlights
			s.discs = append(s.discs, disc{x: x, y: s.horizon - .22 - f()*.05, r: .05, col: rgb{255, 250, 230}, a: .9})
		}
	case SceneStage:
		s.skyTop, s.skyLow = jit(rgb{12, 10, 24}, 10), jit(rgb{50, 24, 70}, 30)
		if r.intn(2) == 0 {
			s.skyLow = jit(rgb{16, 40, 80}, 30)
		}
		s.sunA, s.clouds, s.sunY = .7, .15, .2+f()*.2
		s.sunCol = s.skyLow.mix(rgb{255, 255, 255}, .4)
		palette := []rgb{{255, 80, 120}, {90, 160, 255}, {255, 200, 90}, {160, 90, 255}, {80, 230, 200}}
		for range 26 + r.intn(16) {
			c := palette[r.intn(len(palette))]
			s.discs = append(s.discs, disc{x: f(), y: f() * .8, r: .02 + f()*.07, col: c, a: float32(.25 + f()*.5)})
		}
		crowd := jit(rgb{12, 10, 16}, 6)
		heads := make([][3]float64, 0, 60)
		for x := -.02; x < 1.02; x += .025 + f()*.035 {
			heads = append(heads, [3]float64{x, .78 + f()*.07, .02 + f()*.02})
		}
		s.layers = append(s.layers, layer{top: func(u float64) float64 {
			top := .9
			for _, h := range heads {
				if d := u - h[0]; d > -h[2] && d < h[2] {
					top = math.Min(top, h[1]-math.Sqrt(h[2]*h[2]-d*d)*s.aspect)
				}
			}
			return top
		}, col: crowd, low: crowd, soft: .004, texture: .02})
	}
	s.cloudCol = s.skyLow.mix(rgb{245, 245, 248}, .6)
	return s
}

// render draws the scene at w×h.
func (s *scene) render(w, h int) *image.YCbCr {
	fw, fh := float64(w), float64(h)
	// Each layer's edge per column, found once (and a skyline's building).
	tops := make([][]float64, len(s.layers))
	blds := make([][]int16, len(s.layers))
	for i, l := range s.layers {
		tops[i] = make([]float64, w)
		for x := range w {
			tops[i][x] = l.top((float64(x) + .5) / fw)
		}
		if l.windows != nil {
			blds[i] = make([]int16, w)
			for x := range w {
				blds[i][x] = l.windows.index((float64(x) + .5) / fw)
			}
		}
	}
	// Slowly varying fields on a coarse grid: clouds and mottling.
	cloud := coarse(w, h, 6, func(u, v float64) float32 {
		return float32(fbm2(s.seed^0x5bd1e995, u*3*s.aspect, v*9, 5))
	})
	mottle := coarse(w, h, 3, func(u, v float64) float32 {
		return float32(fbm2(s.seed^0x27d4eb2f, u*40*s.aspect, v*40, 3))
	})
	img := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
	row := make([]rgb, w)
	sunR2 := s.sunR * s.sunR
	cover := make([]float32, w)
	// Grain is finer on a larger copy: less of it per pixel on smaller ones.
	grainAmp := s.grain * float32(.55+.45*min(1, fw/1440))
	for y := range h {
		v := (float64(y) + .5) / fh
		skyRow, skyK := s.skyAt(v)
		// What is furthest: sky, water or field.
		for x := range w {
			u := (float64(x) + .5) / fw
			c := skyRow.mix(s.cloudCol, skyK*smooth32(cloud(x, y)))
			if s.water && v > s.horizon {
				// The sky mirrored, broken up by ripples, darker nearer.
				d := (v - s.horizon) / (1 - s.horizon)
				ripple := noise1(s.seed^uint32(y*7919), u*fw/(6+40*d)) - .5
				m := s.sky(u+ripple*.01, math.Max(0, s.horizon-(v-s.horizon)*(1.2+ripple)), cloud(x, y))
				c = m.mix(s.waterCol, float32(.35+.5*d)).scale(float32(.92 + .2*ripple))
			}
			if s.ground && v > s.horizon {
				// Mowing stripes converging on a vanishing point.
				d := (v - s.horizon) / (1 - s.horizon)
				k := (u - .5) / (d + .05) * 6
				stripe := float32(math.Floor(k) - 2*math.Floor(k/2))
				c = s.groundA.mix(s.groundB, stripe).mix(s.haze, float32(.35*(1-d)*(1-d))).scale(.75 + .35*float32(d))
				c = c.scale(.9 + .2*mottle(x, y))
			}
			row[x] = c
		}
		// Light in the distance: out-of-focus discs (lights, smoke) and the sun.
		for _, d := range s.discs {
			dy := (v - d.y)
			if dy*dy > d.r*d.r*1.5 {
				continue
			}
			x0, x1 := int((d.x-d.r*1.3/s.aspect)*fw), int((d.x+d.r*1.3/s.aspect)*fw)+1
			for x := max(0, x0); x < min(w, x1); x++ {
				dx := ((float64(x)+.5)/fw - d.x) * s.aspect
				q := (dx*dx + dy*dy) / (d.r * d.r)
				if q >= 1.5 {
					continue
				}
				a := d.a * float32(1-smooth(.75, 1.05, q))
				row[x] = row[x].mix(row[x].mix(d.col, .8), a)
			}
		}
		var glow []float32
		if s.sunA > 0 {
			glow = cover // reused: the glow per column until the layers are drawn
			dy := (v - s.sunY)
			for x := range w {
				dx := ((float64(x)+.5)/fw - s.sunX) * s.aspect
				q := (dx*dx + dy*dy) / sunR2
				g := s.sunA * float32(1/(1+q*.6))
				if q < 1 {
					g = s.sunA * float32(1-.4*q) * 1.4
				}
				glow[x] = min(g, 1) * .9
				row[x] = row[x].mix(s.sunCol, glow[x])
			}
		}
		// The silhouettes, far to near, each over what is behind it; the
		// sun's halo reaches a little over their edges.
		for x := range w {
			u := (float64(x) + .5) / fw
			c := row[x]
			covered := float32(0)
			for i := range s.layers {
				l := &s.layers[i]
				top := tops[i][x]
				if v < top-l.soft || (l.until > 0 && v > l.until) {
					continue
				}
				a := float32(1)
				if v < top+l.soft {
					a = float32((v - (top - l.soft)) / (2 * l.soft))
				}
				depth := float32(math.Min(1, (v-top)/.4))
				lc := l.col.mix(l.low, depth).scale(1 - l.texture + 2*l.texture*mottle(x, y))
				if l.streaks > 0 {
					g := noise1(s.seed^uint32(i), u*90+(v-top)*3)
					lc = lc.scale(1 - l.streaks/2 + l.streaks*float32(g))
				}
				if l.windows != nil {
					lc = l.windows.at(lc, int(blds[i][x]), u, v, s.seed)
				}
				c = c.mix(lc, a)
				covered = max(covered, a)
			}
			if glow != nil && covered > 0 {
				c = c.mix(s.sunCol, glow[x]*covered*.25)
			}
			row[x] = c
		}
		// Vignette, grade, grain; then YCbCr 4:2:0.
		vy := 2*v - 1
		yrow := img.Y[y*img.YStride : y*img.YStride+w]
		chroma := y&1 == 0
		var cbrow, crrow []uint8
		if chroma {
			o := (y / 2) * img.CStride
			cbrow, crrow = img.Cb[o:o+(w+1)/2], img.Cr[o:o+(w+1)/2]
		}
		for x := range w {
			vx := 2*(float64(x)+.5)/fw - 1
			f := 1 - s.vignette*float32(vx*vx+vy*vy)*.5
			n := grain(s.seed, x, y) * grainAmp
			c := row[x]
			rr, gg, bb := c.r*f+n+s.warm, c.g*f+n, c.b*f+n-s.warm
			yrow[x] = clamp8(.299*rr + .587*gg + .114*bb)
			if chroma && x&1 == 0 {
				cbrow[x/2] = clamp8(128 - .168736*rr - .331264*gg + .5*bb)
				crrow[x/2] = clamp8(128 + .5*rr - .418688*gg - .081312*bb)
			}
		}
	}
	return img
}

// skyAt is the sky's colour on row v without clouds, and how much the
// clouds show there.
func (s *scene) skyAt(v float64) (rgb, float32) {
	t := float32(math.Min(1, math.Max(0, v/s.horizon)))
	return s.skyTop.mix(s.skyLow, t*t*(3-2*t)), s.clouds * (1 - .6*t)
}

// sky is the colour of the sky at (u, v), a gradient to the haze at the
// horizon, with clouds (cloud is the cloud field there).
func (s *scene) sky(_, v float64, cloud float32) rgb {
	c, k := s.skyAt(v)
	return c.mix(s.cloudCol, k*smooth32(cloud))
}

// smooth32 is smooth(.45, .8, x): where the cloud field shows as cloud.
func smooth32(x float32) float32 {
	t := min(1, max(0, (x-.45)/.35))
	return t * t * (3 - 2*t)
}

// index is the building at u, or -1.
func (sk *skyline) index(u float64) int16 {
	for i, b := range sk.b {
		if u >= b.x0 && u < b.x1 {
			return int16(i)
		}
	}
	return -1
}

// at paints windows on building bi of a skyline: rows of panes, some lit.
func (sk *skyline) at(c rgb, bi int, u, v float64, seed uint32) rgb {
	if bi < 0 {
		return c
	}
	b := sk.b[bi]
	c = c.scale(b.shade)
	cw := (b.x1 - b.x0) / float64(b.cols)
	fx := (u - b.x0) / cw
	fy := (v - b.top) * 55 // storeys of 1/55 of the picture's height
	if fy < .6 || fx-math.Floor(fx) > .6 || fy-math.Floor(fy) > .55 {
		return c
	}
	h := hash32(seed ^ uint32(bi)*0x9e3779b1 ^ uint32(int(fx))*0x85ebca77 ^ uint32(int(fy))*0xc2b2ae3d)
	if sk.lit > 0 && float32(h&1023)/1024 < sk.lit {
		return rgb{250, 214, 140}.scale(.8 + float32(h>>10&255)/1000)
	}
	return c.mix(rgb{150, 170, 190}, .25)
}

// coarse samples fn on a grid every step pixels and returns a bilinear
// lookup by pixel.
func coarse(w, h, step int, fn func(u, v float64) float32) func(x, y int) float32 {
	gw, gh := w/step+2, h/step+2
	g := make([]float32, gw*gh)
	for j := range gh {
		for i := range gw {
			g[j*gw+i] = fn(float64(i*step)/float64(w), float64(j*step)/float64(h))
		}
	}
	inv := 1 / float32(step)
	return func(x, y int) float32 {
		i, j := x/step, y/step
		fx, fy := float32(x-i*step)*inv, float32(y-j*step)*inv
		a := g[j*gw+i] + (g[j*gw+i+1]-g[j*gw+i])*fx
		b := g[(j+1)*gw+i] + (g[(j+1)*gw+i+1]-g[(j+1)*gw+i])*fx
		return a + (b-a)*fy
	}
}

func smooth(a, b, x float64) float64 {
	t := math.Min(1, math.Max(0, (x-a)/(b-a)))
	return t * t * (3 - 2*t)
}

func hash32(a uint32) uint32 {
	a ^= a >> 16
	a *= 0x7feb352d
	a ^= a >> 15
	a *= 0x846ca68b
	a ^= a >> 16
	return a
}

// grain is film grain at a pixel: roughly normal, mean 0, deviation ~1.
func grain(seed uint32, x, y int) float32 {
	h := hash32(seed ^ uint32(x)*0x9e3779b1 ^ uint32(y)*0x85ebca77)
	return (float32(h&255) + float32(h>>8&255) + float32(h>>16&255) - 382.5) / 128
}

func lattice(seed uint32, i int) float64 {
	return float64(hash32(seed^uint32(i)*0x9e3779b1)) / (1 << 32)
}

// noise1 is smooth value noise in [0, 1).
func noise1(seed uint32, x float64) float64 {
	i := math.Floor(x)
	f := x - i
	t := f * f * (3 - 2*f)
	a, b := lattice(seed, int(i)), lattice(seed, int(i)+1)
	return a + (b-a)*t
}

// fbm1 is octaves of noise1, in [0, 1).
func fbm1(seed uint32, x float64, oct int) float64 {
	sum, amp, norm := 0.0, 1.0, 0.0
	for k := range oct {
		sum += amp * noise1(seed+uint32(k)*0x632be5ab, x)
		norm += amp
		amp *= .5
		x *= 2.03
	}
	return sum / norm
}

func lattice2(seed uint32, i, j int) float64 {
	return float64(hash32(seed^uint32(i)*0x9e3779b1^uint32(j)*0x85ebca77)) / (1 << 32)
}

func fbm2(seed uint32, x, y float64, oct int) float64 {
	sum, amp, norm := 0.0, 1.0, 0.0
	for k := range oct {
		i, j := math.Floor(x), math.Floor(y)
		fx, fy := x-i, y-j
		tx, ty := fx*fx*(3-2*fx), fy*fy*(3-2*fy)
		s := seed + uint32(k)*0x632be5ab
		a := lattice2(s, int(i), int(j)) + (lattice2(s, int(i)+1, int(j))-lattice2(s, int(i), int(j)))*tx
		b := lattice2(s, int(i), int(j)+1) + (lattice2(s, int(i)+1, int(j)+1)-lattice2(s, int(i), int(j)+1))*tx
		sum += amp * (a + (b-a)*ty)
		norm += amp
		amp *= .5
		x, y = x*2.03, y*2.03
	}
	return sum / norm
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

func clamp8(v float32) uint8 {
	if v < 0 {
		return 0
	}
	if v > 255 {
		return 255
	}
	return uint8(v + .5)
}
