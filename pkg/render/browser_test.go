package render

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// chromium finds a headless browser, or skips the test: the browser
// checks run where Chromium is installed (apt-get install chromium).
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{os.Getenv("SRM_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if name == "" {
			continue
		}
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	t.Skip("no Chromium: install it (apt-get install chromium) to run the browser checks")
	return ""
}

// screenshot renders a file in headless Chromium at the given size.
func screenshot(t *testing.T, file string, width, height int) image.Image {
	t.Helper()
	dir := t.TempDir()
	out := filepath.Join(dir, "shot.png")
	cmd := exec.Command(chromium(t),
		"--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
		"--force-device-scale-factor=1", "--user-data-dir="+filepath.Join(dir, "profile"),
		"--window-size="+strconv.Itoa(width)+","+strconv.Itoa(height),
		"--screenshot="+out, "file://"+file)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, msg)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func hexColor(s string) color.RGBA {
	var c color.RGBA
	fmt.Sscanf(s, "#%02x%02x%02x", &c.R, &c.G, &c.B)
	c.A = 255
	return c
}

func distance(a color.Color, b color.RGBA) int {
	r, g, bl, _ := a.RGBA()
	dr, dg, db := int(r>>8)-int(b.R), int(g>>8)-int(b.G), int(bl>>8)-int(b.B)
	return max(dr, -dr) + max(dg, -dg) + max(db, -db)
}

// TestBrowserRendersTheDiagram renders the SVG in Chromium and checks that
// every box shows its owner's colour where the layout put it.
func TestBrowserRendersTheDiagram(t *testing.T) {
	t.Parallel()
	chromium(t)
	m := loadWith(t, "")
	d := canonicalDiagram(t, m)
	var b bytes.Buffer
	if err := d.SVG(&b, m); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "diagram.svg")
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	boxes, _, bottom := d.boxes(m)
	_, legendH := d.legend(bottom + 12)
	img := screenshot(t, file, d.width(), bottom+12+legendH+dgMargin)
	for _, bx := range boxes {
		if bx.cell == nil {
			continue
		}
		want := hexColor(swatchOf(m, bx.cell.Owner).Fill)
		// Inside the coloured inner box, above its first line of text.
		got := img.At(bx.x+bx.w-12, bx.y+7)
		if distance(got, want) > 60 {
			t.Errorf("%s/%s (%s): pixel %v, want about %v", bx.target.ID(), bx.item.ID, bx.cell.Owner, got, want)
		}
	}
}

// TestBrowserRendersTheTablePage renders the HTML page in Chromium and
// checks that each owner's colour covers a fair area of the table.
func TestBrowserRendersTheTablePage(t *testing.T) {
	t.Parallel()
	chromium(t)
	m := loadWith(t, "")
	d := canonicalDiagram(t, m)
	mx := m.Matrix(d.Provider, d.Title, d.Targets, append(append(d.Layers[:0:0], d.Layers...), d.Across...))
	var b bytes.Buffer
	if err := MatrixHTML(&b, m, mx); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "table.html")
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	img := screenshot(t, file, 1100, 900)
	counts := map[string]int{}
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y += 2 {
		for x := bounds.Min.X; x < bounds.Max.X; x += 2 {
			c := img.At(x, y)
			for _, role := range []string{"provider", "customer", "shared", "n/a"} {
				if distance(c, hexColor(swatches[role].Fill)) < 40 {
					counts[role]++
				}
			}
		}
	}
	for _, role := range []string{"provider", "customer", "shared", "n/a"} {
		if counts[role] < 200 {
			t.Errorf("%s colour covers %d sampled pixels, want the cells painted (counts %v)", role, counts[role], counts)
		}
	}
}
