package evaluate

import (
	"testing"
	"time"
)

// TestSearchBudgetShares: each search gets min(its limit, what is left /
// columns yet to start), and what a search leaves unused goes to the next.
func TestSearchBudgetShares(t *testing.T) {
	b := NewSearchBudget(60*time.Second, 4)
	steps := []struct {
		limit, spent time.Duration
		want         time.Duration
		short        bool
	}{
		{5 * time.Second, 5 * time.Second, 5 * time.Second, false}, // 60/4 = 15 > 5
		{100 * time.Second, 30 * time.Second, 55 * time.Second / 3, true},
		{100 * time.Second, 1 * time.Second, 25 * time.Second / 2, true}, // 55 - 30 = 25 left, 2 columns
		{100 * time.Second, 30 * time.Second, 24 * time.Second, true},    // the last takes all that is left, and overruns it
	}
	for k, s := range steps {
		share, short := b.take(s.limit)
		if share != s.want || short != s.short {
			t.Errorf("search %d: share %s short %v, want %s %v", k, share, short, s.want, s.short)
		}
		b.give(share, s.spent)
	}
	if !b.Shortened() {
		t.Error("Shortened is false after short shares")
	}
	// Spent beyond the total: nothing is left, and the share is 0.
	if share, short := b.take(time.Second); share != 0 || !short {
		t.Errorf("after the total: share %s short %v, want 0 true", share, short)
	}
}
