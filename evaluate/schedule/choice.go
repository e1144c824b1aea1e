package schedule

import "slices"

// A choice's options are decided best first: an option waits, in a
// schedule generation pass, until every option of its choice with a
// better priority has been decided, even when that one still waits for
// its predecessors. So the best option that fits is chosen, not the one
// whose predecessors happen to be decided first.

// choiceChain links each choice's options by priority (pos[i]: lower
// first): next[i] is the option decided after i, prev[i] the one before
// (-1 for none). An option whose better option depends on it, directly or
// not, is not chained behind it (the two cannot both run anyway, and the
// wait would never end). nil when p has no choices.
func choiceChain(p *Problem, pos []int, succs [][]int) (next, prev []int) {
	if len(p.Choices) == 0 {
		return nil, nil
	}
	n := len(p.Tasks)
	next, prev = make([]int, n), make([]int, n)
	for i := range next {
		next[i], prev[i] = -1, -1
	}
	for _, opts := range p.Choices {
		byPos := slices.Clone(opts)
		slices.SortFunc(byPos, func(a, b int) int { return pos[a] - pos[b] })
		last := -1
		for _, i := range byPos {
			if last >= 0 && !reaches(succs, i, last) {
				next[last], prev[i] = i, last
			}
			last = i
		}
	}
	return next, prev
}

// reaches reports whether task b is a successor of task a, directly or not.
func reaches(succs [][]int, a, b int) bool {
	seen := map[int]bool{a: true}
	stack := []int{a}
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, j := range succs[i] {
			if j == b {
				return true
			}
			if !seen[j] {
				seen[j] = true
				stack = append(stack, j)
			}
		}
	}
	return false
}
