package report

import (
	"strings"
	"testing"
)

func TestReadAllLimited(t *testing.T) {
	if data, err := readAllLimited(strings.NewReader("abcdef"), 6); err != nil || string(data) != "abcdef" {
		t.Errorf("at the limit: %q, %v", data, err)
	}
	if _, err := readAllLimited(strings.NewReader("abcdefg"), 6); err == nil || !strings.Contains(err.Error(), "far more than a saved plan") {
		t.Errorf("over the limit: err = %v", err)
	}
}
