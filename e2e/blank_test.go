package e2e

import (
	"image"
	"image/color"
	"strings"
	"testing"
)

// The blank-screenshot check must be able to fail.
func TestBlankness(t *testing.T) {
	white := image.NewRGBA(image.Rect(0, 0, 1000, 600))
	for i := range white.Pix {
		white.Pix[i] = 0xff
	}
	if why := blankness(white); !strings.Contains(why, "distinct colours") {
		t.Errorf("white page: blankness = %q, want it called blank", why)
	}

	speck := image.NewRGBA(image.Rect(0, 0, 1000, 600))
	copy(speck.Pix, white.Pix)
	for i := range 40 {
		speck.Set(i, 0, color.RGBA{uint8(i * 6), 0, 0, 0xff})
	}
	if why := blankness(speck); !strings.Contains(why, "not white") {
		t.Errorf("white page with a speck: blankness = %q, want it called blank", why)
	}

	busy := image.NewRGBA(image.Rect(0, 0, 1000, 600))
	for y := range 600 {
		for x := range 1000 {
			busy.Set(x, y, color.RGBA{uint8(x), uint8(y), uint8(x + y), 0xff})
		}
	}
	if why := blankness(busy); why != "" {
		t.Errorf("busy page: blankness = %q, want none", why)
	}

	if why := blankness(image.NewRGBA(image.Rect(0, 0, 10, 10))); !strings.Contains(why, "only 10x10") {
		t.Errorf("tiny image: blankness = %q", why)
	}
}

func TestPDFPages(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"%PDF-1.4\n<< /Type /Pages /Count 7 /Kids [...] >>", 7},
		{"%PDF-1.4\n<< /Count 2 >> << /Count 5 >>", 5},
		{"<html>not a pdf</html> /Count 3", 0},
		{"%PDF-1.4\nno page tree", 0},
	}
	for _, tt := range tests {
		if got := pdfPages([]byte(tt.in)); got != tt.want {
			t.Errorf("pdfPages(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
