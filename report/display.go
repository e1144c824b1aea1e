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
	w := displayWalker{types: map[reflect.Type]*textType{}}
	if !w.typeOf(rv.Type()).text {
		return v
	}
	if nv, changed := w.escape(rv); changed {
		return nv.Interface().(T)
	}
	return v
}

type displayWalker struct {
	types map[reflect.Type]*textType
}

// textType is what the walker knows of a type: whether its values can
// hold a string, and its parts, so a walk looks each type up once per
// container, not once per value, and skips slices of numbers (cash flows)
// without looking at each element.
type textType struct {
	kind   reflect.Kind
	text   bool
	elem   *textType   // pointer, slice, array and map elements
	key    *textType   // map keys
	fields []textField // exported struct fields
}

type textField struct {
	index int
	t     *textType
}

// typeOf describes t, and every type t is made of.
func (w displayWalker) typeOf(t reflect.Type) *textType {
	if tt, ok := w.types[t]; ok {
		return tt
	}
	tt := w.build(t)
	// A recursive type was described while its parts were: settle whether
	// each can hold text, as long as that changes anything.
	for changed := true; changed; {
		changed = false
		for _, x := range w.types {
			if !x.text && x.holdsText() {
				x.text, changed = true, true
			}
		}
	}
	return tt
}

func (w displayWalker) build(t reflect.Type) *textType {
	if tt, ok := w.types[t]; ok {
		return tt
	}
	tt := &textType{kind: t.Kind()}
	w.types[t] = tt
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		tt.elem = w.build(t.Elem())
	case reflect.Map:
		tt.key, tt.elem = w.build(t.Key()), w.build(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() {
				tt.fields = append(tt.fields, textField{i, w.build(f.Type)})
			}
		}
	}
	tt.text = tt.holdsText()
	return tt
}

// holdsText reports whether tt can hold text, given what its parts say.
func (tt *textType) holdsText() bool {
	switch tt.kind {
	case reflect.String, reflect.Interface:
		return true
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return tt.elem.text
	case reflect.Map:
		return tt.key.text || tt.elem.text
	case reflect.Struct:
		for _, f := range tt.fields {
			if f.t.text {
				return true
			}
		}
	}
	return false
}

// escape returns the display form of v and whether it differs from v.
// v's type can hold text (typeOf(v.Type()).text).
func (w displayWalker) escape(v reflect.Value) (reflect.Value, bool) {
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
		if v.IsNil() || !w.typeOf(v.Elem().Type()).text {
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
		for _, f := range w.typeOf(v.Type()).fields {
			if !f.t.text {
				continue
			}
			i := f.index
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
		tt := w.typeOf(v.Type())
		escapeKey := func(k reflect.Value) (reflect.Value, bool) {
			if !tt.key.text {
				return k, false
			}
			return w.escape(k)
		}
		escapeElem := func(e reflect.Value) (reflect.Value, bool) {
			if !tt.elem.text {
				return e, false
			}
			return w.escape(e)
		}
		// Whether anything changes, looking through one reused key and
		// value (MapRange's Key and Value copy each).
		changed := false
		var key, elem reflect.Value
		if tt.key.text {
			key = reflect.New(v.Type().Key()).Elem()
		}
		if tt.elem.text {
			elem = reflect.New(v.Type().Elem()).Elem()
		}
		for it := v.MapRange(); it.Next() && !changed; {
			if key.IsValid() {
				key.SetIterKey(it)
				_, changed = w.escape(key)
			}
			if elem.IsValid() && !changed {
				elem.SetIterValue(it)
				_, changed = w.escape(elem)
			}
		}
		if !changed {
			return v, false
		}
		nv := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			k, _ := escapeKey(it.Key())
			e, _ := escapeElem(it.Value())
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
// already escapes the C0 controls and U+2028/U+2029. It also writes the
// '[' of "##[" (a GitHub Actions runner's legacy command prefix) as
// \u005b: the CLI's stream guard would otherwise break it up as "##\[",
// which is no JSON escape (review qa17 A3). data must be JSON as
// encoding/json writes it: such characters, and "##", can only be inside
// strings.
func escapeJSONText(data []byte) []byte {
	var out []byte
	last := 0
	for i := 0; i < len(data); {
		c := data[i]
		if c == '[' && i >= 2 && data[i-1] == '#' && data[i-2] == '#' {
			if out == nil {
				out = make([]byte, 0, len(data)+16)
			}
			out = append(out, data[last:i]...)
			out = append(out, `\u005b`...)
			i++
			last = i
			continue
		}
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
