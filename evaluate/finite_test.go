package evaluate

import (
	"math"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestWalkFloatsPaths(t *testing.T) {
	type leaf struct {
		V     float64 `json:"v"`
		Label string  `json:"label"`
	}
	type doc struct {
		Items  []leaf               `json:"items"`
		ByName map[string]*leaf     `json:"by_name"`
		Series map[string][]float64 `json:"series,omitempty"`
		Plain  float64
		hidden float64
		Ints   []int `json:"ints"`
	}
	inf, nan := math.Inf(1), math.NaN()
	d := doc{
		Items:  []leaf{{V: 1}, {V: inf}},
		ByName: map[string]*leaf{"b": {V: nan}, "a": {V: -inf}, "c": nil},
		Series: map[string][]float64{"x": {0, 1, inf}},
		Plain:  nan,
		hidden: inf,
		Ints:   []int{1, 2},
	}
	var got []string
	walkFloats(reflect.ValueOf(d), "", func(path string, v float64) { got = append(got, path) })
	want := []string{`items[1].v`, `by_name["a"].v`, `by_name["b"].v`, `series["x"][2]`, `Plain`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("paths (-want +got):\n%s", diff)
	}
}
