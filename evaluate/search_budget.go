package evaluate

import (
	"sync"
	"time"
)

// SearchBudget is one total of search time shared by the optimiser runs
// of several plans (the columns of compare, the levels of frontier):
// each search, when it starts, gets min(its own time limit, what is left
// of the total / the columns yet to start), and gives back what it did
// not use. Safe for concurrent searches. Where the total is ample every
// search gets its own limit, so plans ended by their schedule budget are
// the same as without it.
type SearchBudget struct {
	mu        sync.Mutex
	total     time.Duration
	left      time.Duration // total less what running and ended searches took
	columns   int           // columns not yet started
	shortened bool
}

// NewSearchBudget shares total among columns searches.
func NewSearchBudget(total time.Duration, columns int) *SearchBudget {
	return &SearchBudget{total: total, left: total, columns: max(columns, 1)}
}

// Total is the time all searches together may take.
func (b *SearchBudget) Total() time.Duration { return b.total }

// SetColumns says how many columns will search, when the caller that
// made the budget could not know (frontier's levels).
func (b *SearchBudget) SetColumns(n int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.columns = max(n, 1)
}

// Shortened says whether some search got less than its own limit.
func (b *SearchBudget) Shortened() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.shortened
}

// take reserves a search's time: limit, or less when the total's share
// is less. short is true then.
func (b *SearchBudget) take(limit time.Duration) (share time.Duration, short bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	share = max(b.left, 0) / time.Duration(max(b.columns, 1))
	if b.columns > 1 {
		b.columns--
	}
	if share >= limit {
		share = limit
	} else {
		short = true
		b.shortened = true
	}
	b.left -= share
	return share, short
}

// give returns what a search given share did not spend (or takes what
// it overran: the clock is read every few schedules).
func (b *SearchBudget) give(share, spent time.Duration) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.left += share - spent
}
