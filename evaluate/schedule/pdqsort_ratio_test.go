package schedule

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// sortRatio leaves every slice as slices.SortFunc with ratioOrder.cmp
// does, element for element: on random items with equal ratios (scaled
// copies, whose cross products round apart, so the comparison is not
// transitive), duplicates, NaN and infinite sizes, from random and from
// nearly sorted starts (the value bound sorts its previous order again),
// of every length up to a few thousand.
func TestSortRatioMatchesSortFunc(t *testing.T) {
	for seed := range uint64(400) {
		rng := rand.New(rand.NewPCG(seed, 9))
		n := rng.IntN(40)
		if seed%4 == 0 {
			n = rng.IntN(5000)
		}
		o := &ratioOrder{weight: make([]float64, n), size: make([]float64, n)}
		for i := range n {
			switch k := rng.IntN(12); {
			case k == 0 && i > 0: // the same ratio, scaled
				j := rng.IntN(i)
				f := float64(1 + rng.IntN(7))
				o.weight[i], o.size[i] = o.weight[j]*f/3, o.size[j]*f/3
			case k == 1 && i > 0:
				j := rng.IntN(i)
				o.weight[i], o.size[i] = o.weight[j], o.size[j]
			case k == 2 && seed%10 == 3:
				o.size[i] = math.NaN()
			case k == 3 && seed%10 == 4:
				o.size[i] = math.Inf(1)
			default:
				o.weight[i] = float64(1+rng.IntN(1000)) / float64(1+rng.IntN(30))
				o.size[i] = rng.Float64() * 10
			}
		}
		data := rng.Perm(n)
		if seed%3 == 1 { // nearly sorted
			slices.SortFunc(data, o.cmp)
			for range n / 20 {
				a, b := rng.IntN(n), rng.IntN(n)
				data[a], data[b] = data[b], data[a]
			}
		}
		want := slices.Clone(data)
		slices.SortFunc(want, o.cmp)
		sortRatio(data, o)
		if diff := cmp.Diff(want, data); diff != "" {
			t.Fatalf("seed %d (%d items) (-SortFunc +sortRatio):\n%s", seed, n, diff)
		}
	}
}
