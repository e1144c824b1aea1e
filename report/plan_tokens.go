package report

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

// tokenFields are the JSON fields of a plan that roadmap fills from a
// fixed vocabulary or with period labels (statuses, gates, currencies,
// "2027-Q3"), never with text from the roadmap. Renderers print them as
// they are, so a saved plan, which is hostile (docs/security.md), must
// hold nothing else in them.
var tokenFields = map[string]bool{
	"status": true, "lifecycle": true, "gate": true, "period": true, "currency": true,
	"start": true, "end": true, "go_live": true, "retired": true, "year": true, "label": true,
	"decided_by": true, "end_of_support": true, "gap": true, "severity": true, "strategy": true,
	"deadline": true, "finish": true, "kind": true, "started": true, "status_date": true,
}

// maxToken bounds a token's length: the longest roadmap writes is a
// date label or "calculated_risk".
const maxToken = 32

// checkPlanTokens refuses a plan with a token field that holds anything
// but letters, digits, '-', '_' and '.' (ranges such as
// "2027-Q3..2028-Q2"), at most maxToken of them.
func checkPlanTokens(p *evaluate.Plan) error {
	return checkTokens(reflect.ValueOf(p).Elem(), "")
}

func checkTokens(v reflect.Value, path string) error {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return checkTokens(v.Elem(), path)
		}
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.String {
			return nil // lists of ids and reasons: escaped where printed
		}
		for i := range v.Len() {
			if err := checkTokens(v.Index(i), path+"["+strconv.Itoa(i)+"]"); err != nil {
				return err
			}
		}
	case reflect.Map:
		if v.Type().Elem().Kind() == reflect.String {
			return nil
		}
		iter := v.MapRange()
		for iter.Next() {
			if err := checkTokens(iter.Value(), fmt.Sprintf("%s[%s]", path, hclspec.Quote(fmt.Sprint(iter.Key())))); err != nil {
				return err
			}
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			sub := name
			if path != "" {
				sub = path + "." + name
			}
			fv := v.Field(i)
			if fv.Kind() == reflect.Pointer && !fv.IsNil() && fv.Elem().Kind() == reflect.String {
				fv = fv.Elem()
			}
			if fv.Kind() == reflect.String {
				if tokenFields[name] && !isToken(fv.String()) {
					return fmt.Errorf("not a plan roadmap wrote: %s is %s, where roadmap writes a label such as \"2027-Q3\" or a word such as \"scheduled\"",
						sub, hclspec.Quote(fv.String()))
				}
				continue
			}
			if err := checkTokens(fv, sub); err != nil {
				return err
			}
		}
	}
	return nil
}

func isToken(s string) bool {
	if len(s) > maxToken || strings.Contains(strings.ToLower(s), "www.") {
		return false // "www." is a link in GitHub's Markdown
	}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
		default:
			return false
		}
	}
	return true
}
