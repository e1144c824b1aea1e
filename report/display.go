package report

import (
	"reflect"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/internal/safetext"
)

// Every string a renderer shows comes from a roadmap, a variable, a file
// name or a saved plan, all of which a pull request can choose. So the
// renderers never see them raw: RenderPlan, RenderDiff, RenderGraph and
// RenderCI hand them a display copy of their input, in which every
// terminal control sequence and bidirectional override is written out as
// \uXXXX (safetext.Escape); the diagnostics renderers do the same to the
// diagnostics and scrub the source lines they quote. JSON outputs keep
// the data exact instead, with those characters as JSON escapes
// (escapeJSONText). Each format still escapes its own syntax (Markdown,
// HTML, Mermaid, DOT, workflow-command properties), and the CLI's
// streams neutralise workflow commands line by line.

// displayCopy returns v with every string reachable from it, through
// struct fields, pointers, slices, arrays, maps (keys too) and interfaces,
// passed through safetext.Escape. What needs no change is shared, not
// copied, so a clean plan costs a walk and no allocation. v must hold no
// cycle; unexported fields are copied as they are.
func displayCopy[T any](v T) T {
	rv := reflect.ValueOf(&v).Elem()
	w := displayWalker{hasText: map[reflect.Type]bool{}}
	if nv, changed := w.escape(rv); changed {
		return nv.Interface().(T)
	}
	return v
}

type displayWalker struct {
	hasText map[reflect.Type]bool // whether a type can hold a string
}

// canHoldText reports whether values of t can hold a string, so slices of
// numbers (cash flows) are skipped without looking at each element.
func (w displayWalker) canHoldText(t reflect.Type) bool {
	if v, ok := w.hasText[t]; ok {
		return v
	}
	w.hasText[t] = false // a recursive type holds text only through another field
	var v bool
	switch t.Kind() {
	case reflect.String, reflect.Interface:
		v = true
	case reflect.Pointer, reflect.Slice, reflect.Array:
		v = w.canHoldText(t.Elem())
	case reflect.Map:
		v = w.canHoldText(t.Key()) || w.canHoldText(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() && w.canHoldText(f.Type) {
				v = true
				break
			}
		}
	}
	w.hasText[t] = v
	return v
}

// escape returns the display form of v and whether it differs from v.
func (w displayWalker) escape(v reflect.Value) (reflect.Value, bool) {
	if !w.canHoldText(v.Type()) {
		return v, false
	}
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		if !safetext.NeedsEscape(s) {
			return v, false
		}
		nv := reflect.New(v.Type()).Elem()
		nv.SetString(safetext.Escape(s))
		return nv, true
	case reflect.Pointer:
		if v.IsNil() {
			return v, false
		}
		ne, changed := w.escape(v.Elem())
		if !changed {
			return v, false
		}
		np := reflect.New(v.Type().Elem())
		np.Elem().Set(ne)
		return np, true
	case reflect.Interface:
		if v.IsNil() {
			return v, false
		}
		ne, changed := w.escape(v.Elem())
		if !changed {
			return v, false
		}
		ni := reflect.New(v.Type()).Elem()
		ni.Set(ne)
		return ni, true
	case reflect.Struct:
		var nv reflect.Value
		for i := range v.NumField() {
			if !v.Type().Field(i).IsExported() {
				continue
			}
			nf, changed := w.escape(v.Field(i))
			if !changed {
				continue
			}
			if !nv.IsValid() {
				nv = reflect.New(v.Type()).Elem()
				nv.Set(v)
			}
			nv.Field(i).Set(nf)
		}
		if nv.IsValid() {
			return nv, true
		}
		return v, false
	case reflect.Slice, reflect.Array:
		var nv reflect.Value
		for i := range v.Len() {
			ne, changed := w.escape(v.Index(i))
			if !changed {
				continue
			}
			if !nv.IsValid() {
				if v.Kind() == reflect.Slice {
					nv = reflect.MakeSlice(v.Type(), v.Len(), v.Len())
				} else {
					nv = reflect.New(v.Type()).Elem()
				}
				reflect.Copy(nv, v)
			}
			nv.Index(i).Set(ne)
		}
		if nv.IsValid() {
			return nv, true
		}
		return v, false
	case reflect.Map:
		if v.IsNil() {
			return v, false
		}
		changed := false
		for it := v.MapRange(); it.Next() && !changed; {
			_, kc := w.escape(it.Key())
			_, vc := w.escape(it.Value())
			changed = kc || vc
		}
		if !changed {
			return v, false
		}
		nv := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			k, _ := w.escape(it.Key())
			e, _ := w.escape(it.Value())
			nv.SetMapIndex(k, e)
		}
		return nv, true
	}
	return v, false
}

// displayDiagnostics returns copies of diags and files fit to print: the
// summary, detail and file names escaped, and the source of every file
// scrubbed of terminal controls byte for byte (safetext.ScrubSource), so
// snippet ranges still point at the same bytes. HCL prints the values of
// an expression's variables quoted with Go's %q, which escapes them.
func displayDiagnostics(diags hcl.Diagnostics, files map[string]*hcl.File) (hcl.Diagnostics, map[string]*hcl.File) {
	out := make(hcl.Diagnostics, len(diags))
	for i, d := range diags {
		if d == nil {
			continue
		}
		c := *d
		c.Summary = safetext.Escape(c.Summary)
		c.Detail = safetext.Escape(c.Detail)
		c.Subject = displayRange(c.Subject)
		c.Context = displayRange(c.Context)
		out[i] = &c
	}
	var shown map[string]*hcl.File
	if files != nil {
		shown = make(map[string]*hcl.File, len(files))
		for name, f := range files {
			if f != nil && len(f.Bytes) > 0 {
				if src := safetext.ScrubSource(f.Bytes); &src[0] != &f.Bytes[0] {
					c := *f
					c.Bytes = src
					f = &c
				}
			}
			shown[safetext.Escape(name)] = f
		}
	}
	return out, shown
}

func displayRange(r *hcl.Range) *hcl.Range {
	if r == nil || !safetext.NeedsEscape(r.Filename) {
		return r
	}
	c := *r
	c.Filename = safetext.Escape(c.Filename)
	return &c
}

// escapeJSONText rewrites the characters JSON may carry raw but a
// terminal would act on (DEL, C1 controls, bidirectional overrides) as
// \uXXXX escapes, which decode to the same characters. encoding/json
// already escapes the C0 controls and U+2028/U+2029. data must be JSON as
// encoding/json writes it: such characters can only be inside strings.
func escapeJSONText(data []byte) []byte {
	var out []byte
	last := 0
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf && c != 0x7f {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if safetext.Unsafe(r) {
			if out == nil {
				out = make([]byte, 0, len(data)+16)
			}
			out = append(out, data[last:i]...)
			out = append(out, safetext.Escape(string(r))...)
			last = i + size
		}
		i += size
	}
	if out == nil {
		return data
	}
	return append(out, data[last:]...)
}
