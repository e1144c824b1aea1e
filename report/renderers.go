package report

import (
	"fmt"
	"io"
	"maps"
	"slices"
)

// renderers maps a --format name to a renderer of one kind of result.
type renderers[T any] map[string]func(io.Writer, *T, Options) error

// formats lists the format names, sorted.
func (rs renderers[T]) formats() []string { return slices.Sorted(maps.Keys(rs)) }

// render writes v in the named format. what names v in errors ("plan
// diff"); forWhat, when set, qualifies an unknown format (" for a plan
// diff"). Every format but JSON renders a display copy (see display.go);
// JSON keeps the data exact.
func (rs renderers[T]) render(w io.Writer, v *T, format string, o Options, what, forWhat string) error {
	r, ok := rs[format]
	if !ok {
		return fmt.Errorf("unknown format %q%s: use one of %v", format, forWhat, rs.formats())
	}
	if v == nil {
		return fmt.Errorf("no %s to render", what)
	}
	if format != "json" {
		v = displayCopy(v)
	}
	return r(w, v, o)
}
