package hclspec

import (
	"fmt"
	"math"
	"math/big"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// attrReader decodes the attributes of one block into Go values. It records
// every attribute's expression range in ranges (prefixed, "cost.one_time")
// and collects diagnostics instead of stopping at the first problem. An
// attribute whose value is unknown was already reported by whatever made it
// unknown (a failed variable or local), so it is skipped silently.
type attrReader struct {
	scope  *scope
	schema *hcl.BodySchema
	attrs  hcl.Attributes
	ranges Ranges
	prefix string
	diags  hcl.Diagnostics
}

func newAttrReader(s *scope, schema *hcl.BodySchema, attrs hcl.Attributes, ranges Ranges, prefix string) *attrReader {
	for name, a := range attrs {
		ranges[prefix+name] = a.Expr.Range()
	}
	return &attrReader{scope: s, schema: schema, attrs: attrs, ranges: ranges, prefix: prefix}
}

// required reports whether the schema requires the attribute. It is
// asked only of a null value, so a scan of the schema is enough (a map
// built for every block was a twentieth of loading a small roadmap).
func (r *attrReader) required(name string) bool {
	for _, as := range r.schema.Attributes {
		if as.Name == name {
			return as.Required
		}
	}
	return false
}

// has reports whether the attribute is present at all (even if null).
func (r *attrReader) has(name string) bool {
	_, ok := r.attrs[name]
	return ok
}

// fail reports a problem with an attribute's value.
func (r *attrReader) fail(name, summary, detail string) {
	a := r.attrs[name]
	r.failAt(a, a.Expr.Range(), summary, detail)
}

func (r *attrReader) failAt(a *hcl.Attribute, subject hcl.Range, summary, detail string) {
	r.diags = append(r.diags, &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  summary,
		Detail:   detail,
		Subject:  subject.Ptr(),
		Context:  a.Range.Ptr(),
	})
}

// value evaluates an attribute. ok is false when it is absent, null,
// unknown or failed to evaluate.
func (r *attrReader) value(name string) (cty.Value, *hcl.Attribute, bool) {
	a, present := r.attrs[name]
	if !present {
		return cty.NilVal, nil, false
	}
	v, diags := r.scope.eval(a.Expr)
	r.diags = append(r.diags, diags...)
	if diags.HasErrors() || !v.IsWhollyKnown() {
		return cty.NilVal, a, false
	}
	if v.IsNull() {
		// Null means "not set", as in Terraform; a required attribute
		// cannot be unset that way.
		if r.required(name) {
			r.failAt(a, a.Expr.Range(), "Required attribute is null",
				fmt.Sprintf("%q is required and must not be null.", r.prefix+name))
		}
		return cty.NilVal, a, false
	}
	return v, a, true
}

func (r *attrReader) eval(expr hcl.Expression) (cty.Value, bool) {
	v, diags := r.scope.eval(expr)
	r.diags = append(r.diags, diags...)
	if diags.HasErrors() || !v.IsWhollyKnown() || v.IsNull() {
		return cty.NilVal, false
	}
	return v, true
}

// conv converts v to ty, reporting a type error on subject.
func (r *attrReader) conv(a *hcl.Attribute, subject hcl.Range, v cty.Value, ty cty.Type) (cty.Value, bool) {
	out, err := convertValue(r.scope.meter, v, ty)
	if le, ok := err.(*limitError); ok {
		r.diags = append(r.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: le.summary, Detail: le.detail, Subject: subject.Ptr()})
		return cty.NilVal, false
	}
	if err != nil {
		hint := quotedNumberHint(v, err)
		if hint == "" {
			hint = typeHint(ty)
		}
		r.failAt(a, subject, "Incorrect attribute value type",
			strings.TrimSpace(fmt.Sprintf("Inappropriate value for attribute %q: %s. %s", r.prefix+a.Name, convertErrorText(err), hint)))
		return cty.NilVal, false
	}
	if !out.IsWhollyKnown() {
		return cty.NilVal, false
	}
	return out, true
}

func convertErrorText(err error) string {
	if pe, ok := err.(cty.PathError); ok && len(pe.Path) > 0 {
		return fmt.Sprintf("element %s: %s", formatPath(pe.Path), pe.Error())
	}
	return err.Error()
}

func formatPath(p cty.Path) string {
	s := ""
	for _, step := range p {
		switch st := step.(type) {
		case cty.IndexStep:
			if st.Key.Type() == cty.String {
				s += fmt.Sprintf("[%q]", st.Key.AsString())
			} else if st.Key.Type() == cty.Number {
				s += fmt.Sprintf("[%s]", st.Key.AsBigFloat().Text('f', -1))
			}
		case cty.GetAttrStep:
			s += "." + st.Name
		}
	}
	return s
}

func (r *attrReader) str(name string) (string, bool) {
	v, a, ok := r.value(name)
	if !ok {
		return "", false
	}
	v, ok = r.conv(a, a.Expr.Range(), v, cty.String)
	if !ok || v.IsNull() {
		return "", false
	}
	return v.AsString(), true
}

func (r *attrReader) boolean(name string) (bool, bool) {
	v, a, ok := r.value(name)
	if !ok {
		return false, false
	}
	v, ok = r.conv(a, a.Expr.Range(), v, cty.Bool)
	if !ok || v.IsNull() {
		return false, false
	}
	return v.True(), true
}

// num decodes a finite number.
func (r *attrReader) num(name string) (float64, bool) {
	v, a, ok := r.value(name)
	if !ok {
		return 0, false
	}
	return r.numFrom(a, a.Expr.Range(), v)
}

func (r *attrReader) numFrom(a *hcl.Attribute, subject hcl.Range, v cty.Value) (float64, bool) {
	v, ok := r.conv(a, subject, v, cty.Number)
	if !ok || v.IsNull() {
		return 0, false
	}
	f, ok := finiteFloat(v.AsBigFloat())
	if !ok {
		r.failAt(a, subject, "Value must be finite",
			fmt.Sprintf("%q must be a finite number; this expression gives infinity, or a number too large to hold (above about 1.8e308). Check for a division by zero or a wrong exponent.", r.prefix+a.Name))
		return 0, false
	}
	return f, true
}

func finiteFloat(b *big.Float) (float64, bool) {
	if b.IsInf() {
		return 0, false
	}
	f, _ := b.Float64()
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, false
	}
	return f, true
}

// integer decodes a whole number.
func (r *attrReader) integer(name, unit string) (int, bool) {
	f, ok := r.num(name)
	if !ok {
		return 0, false
	}
	if f != math.Trunc(f) {
		r.fail(name, "Not a whole number",
			fmt.Sprintf("%q must be a whole number of %s; got %s.", r.prefix+name, unit, formatNumber(f)))
		return 0, false
	}
	if math.Abs(f) > 1e9 {
		r.fail(name, "Value out of range",
			fmt.Sprintf("%q must be at most 1,000,000,000 %s; got %s.", r.prefix+name, unit, formatNumber(f)))
		return 0, false
	}
	return int(f), true
}

func (r *attrReader) strList(name string) ([]string, bool) {
	v, a, ok := r.value(name)
	if !ok {
		return nil, false
	}
	v, ok = r.conv(a, a.Expr.Range(), v, cty.List(cty.String))
	if !ok {
		return nil, false
	}
	out := []string{}
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		if e.IsNull() {
			r.fail(name, "Invalid list element", fmt.Sprintf("%q must not contain null.", r.prefix+name))
			return nil, false
		}
		out = append(out, e.AsString())
	}
	return out, true
}

// mapEntry is one key of a map attribute with the ranges of its key and value.
type mapEntry struct {
	Key   string
	Value float64
	// Estimate is a ranged value (pert() and the like), in maps that take
	// them; Value is then 0.
	Estimate   cty.Value
	KeyRange   hcl.Range
	ValueRange hcl.Range
}

// numMap decodes a map of numbers. When the attribute is written as a map
// literal each entry keeps its own key and value ranges; otherwise (merge(),
// local.x) every entry points at the whole expression and entries are sorted.
func (r *attrReader) numMap(name string) ([]mapEntry, *hcl.Attribute, bool) {
	return r.numMapOf(name, false)
}

// rangedNumMap is numMap for a map whose values may also be ranged
// estimates (effort).
func (r *attrReader) rangedNumMap(name string) ([]mapEntry, *hcl.Attribute, bool) {
	return r.numMapOf(name, true)
}

func (r *attrReader) numMapOf(name string, ranged bool) ([]mapEntry, *hcl.Attribute, bool) {
	a, present := r.attrs[name]
	if !present {
		return nil, nil, false
	}
	pairs, mapDiags := hcl.ExprMap(a.Expr)
	if mapDiags.HasErrors() {
		return r.numMapEvaluated(a, ranged)
	}
	var out []mapEntry
	if len(pairs) > 0 {
		out = make([]mapEntry, 0, len(pairs))
	}
	var seen keysSeen
	ok := true
	for _, p := range pairs {
		kv, kok := r.eval(p.Key)
		if !kok {
			ok = false
			continue
		}
		kv, kok = r.conv(a, p.Key.Range(), kv, cty.String)
		if !kok || kv.IsNull() {
			ok = false
			continue
		}
		key := kv.AsString()
		if first, dup := seen.add(key, p.Key.Range()); dup {
			r.failAt(a, p.Key.Range(), "Duplicate map key",
				fmt.Sprintf("%q already has the key %q, set at %s.", r.prefix+name, key, first.String()))
			ok = false
			continue
		}
		vv, diags := r.scope.eval(p.Value)
		r.diags = append(r.diags, diags...)
		if diags.HasErrors() || !vv.IsWhollyKnown() {
			ok = false
			continue
		}
		if vv.IsNull() {
			r.failAt(a, p.Value.Range(), "Invalid map element", fmt.Sprintf("%q must not be null.", r.prefix+name+"."+key))
			ok = false
			continue
		}
		if ranged && IsEstimate(vv) {
			out = append(out, mapEntry{Key: key, Estimate: vv, KeyRange: p.Key.Range(), ValueRange: p.Value.Range()})
			continue
		}
		f, vok := r.numFrom(a, p.Value.Range(), vv)
		if !vok {
			ok = false
			continue
		}
		out = append(out, mapEntry{Key: key, Value: f, KeyRange: p.Key.Range(), ValueRange: p.Value.Range()})
	}
	return out, a, ok
}

// keysSeen finds a map literal's duplicate keys: a list while it is
// short (a project's effort or goals: a map per attribute was a tenth of
// decoding a project), then a map.
type keysSeen struct {
	list []keySeen
	set  map[string]hcl.Range
}

type keySeen struct {
	key string
	at  hcl.Range
}

// keysSeenListed is how many keys keysSeen scans before it builds a map.
const keysSeenListed = 16

// add records key at rng; when key was seen before, it returns where,
// and dup, and records nothing.
func (k *keysSeen) add(key string, rng hcl.Range) (first hcl.Range, dup bool) {
	if k.set != nil {
		if first, dup := k.set[key]; dup {
			return first, true
		}
		k.set[key] = rng
		return hcl.Range{}, false
	}
	for _, e := range k.list {
		if e.key == key {
			return e.at, true
		}
	}
	k.list = append(k.list, keySeen{key, rng})
	if len(k.list) > keysSeenListed {
		k.set = make(map[string]hcl.Range, 2*len(k.list))
		for _, e := range k.list {
			k.set[e.key] = e.at
		}
		k.list = nil
	}
	return hcl.Range{}, false
}

func (r *attrReader) numMapEvaluated(a *hcl.Attribute, ranged bool) ([]mapEntry, *hcl.Attribute, bool) {
	v, ok := r.eval(a.Expr)
	if !ok {
		return nil, a, false
	}
	// A map or object holding ranges (merge(local.effort, ...)) is read
	// element by element; without ranges it converts as a whole.
	if !ranged || !(v.Type().IsObjectType() || v.Type().IsMapType()) || !holdsEstimate(v) {
		v, ok = r.conv(a, a.Expr.Range(), v, cty.Map(cty.Number))
		if !ok {
			return nil, a, false
		}
	}
	var out []mapEntry
	for it := v.ElementIterator(); it.Next(); {
		k, e := it.Element()
		if e.IsNull() {
			r.failAt(a, a.Expr.Range(), "Invalid map element", fmt.Sprintf("%q must not be null.", r.prefix+a.Name+"."+k.AsString()))
			ok = false
			continue
		}
		if IsEstimate(e) {
			out = append(out, mapEntry{Key: k.AsString(), Estimate: e, KeyRange: a.Expr.Range(), ValueRange: a.Expr.Range()})
			continue
		}
		f, fok := r.numFrom(a, a.Expr.Range(), e)
		if !fok {
			ok = false
			continue
		}
		out = append(out, mapEntry{Key: k.AsString(), Value: f, KeyRange: a.Expr.Range(), ValueRange: a.Expr.Range()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out, a, ok
}

// holdsEstimate reports whether a map or object value has a ranged element.
func holdsEstimate(v cty.Value) bool {
	if !v.IsWhollyKnown() || v.IsNull() {
		return false
	}
	for it := v.ElementIterator(); it.Next(); {
		if _, e := it.Element(); IsEstimate(e) {
			return true
		}
	}
	return false
}

// oneOf checks a word attribute against its allowed values.
func (r *attrReader) oneOf(name, summary string, s string, allowed ...string) bool {
	for _, w := range allowed {
		if s == w {
			return true
		}
	}
	detail := fmt.Sprintf("%q must be one of %s; got %q.", r.prefix+name, quoteList(allowed), s)
	if near := nearest(s, allowed); near != "" {
		detail += fmt.Sprintf(" Did you mean %q?", near)
	}
	r.fail(name, summary, detail)
	return false
}

// Range checks. Each reports on the attribute's expression and returns
// whether the value passed.

func (r *attrReader) nonNegativeMoney(name string, f float64) bool {
	if f >= 0 {
		return true
	}
	r.fail(name, "Negative money amount",
		fmt.Sprintf("%q is an amount of money and must be zero or more; got %s.", r.prefix+name, formatNumber(f)))
	return false
}

func (r *attrReader) probability(name string, f float64) bool {
	if f >= 0 && f <= 1 {
		return true
	}
	r.fail(name, "Probability out of range",
		fmt.Sprintf("%q is a probability and must be between 0 and 1; got %s.", r.prefix+name, formatNumber(f)))
	return false
}

func (r *attrReader) between(name string, f, lo, hi float64, hint string) bool {
	if f >= lo && f <= hi {
		return true
	}
	detail := fmt.Sprintf("%q must be between %s and %s; got %s.", r.prefix+name, formatNumber(lo), formatNumber(hi), formatNumber(f))
	if hint != "" {
		detail += " " + hint
	}
	r.fail(name, "Value out of range", detail)
	return false
}

func formatNumber(f float64) string {
	return big.NewFloat(f).Text('g', 10)
}

func quoteList(words []string) string {
	s := ""
	for i, w := range words {
		switch {
		case i == 0:
		case i == len(words)-1:
			s += " or "
		default:
			s += ", "
		}
		s += fmt.Sprintf("%q", w)
	}
	return s
}
