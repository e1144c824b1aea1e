package hclspec

import (
	"math"
	"slices"
)

// needsIndex answers, for every project at once, what it cannot run
// without (itself, its dependencies and the projects together with it,
// transitively) as far as the load checks care: the options of choices
// among them and the projects among them that cannot run. It works on the
// strongly connected components of the needs graph (a together group is
// one), children first, so a load costs time linear in the projects and
// their links, not the square or cube of a long chain or group's length.
type needsIndex struct {
	comp []int // each project's component (index into cfg.Projects order)
	// order lists the components children first: a component comes after
	// every component it needs.
	order [][]int
	// options[c] lists, sorted by id, the options component c needs;
	// out[c] the projects it needs that cannot run (excluded, on hold or
	// cancelled), sorted. A chain's components share one list.
	options [][]string
	out     [][]string
	// firstClash[c] is the clashes (choice id, smaller option, larger) that
	// appear first at component c: none of its children holds them.
	firstClash [][][3]string
	children   [][]int // the components each component needs directly
	work       int     // steps closureSize took
}

func newNeedsIndex(cfg *Config, choiceOf map[string]*Choice, groups [][]string) *needsIndex {
	n := len(cfg.Projects)
	index := make(map[string]int, n)
	for i, p := range cfg.Projects {
		index[p.ID] = i
	}
	// Edges: each dependency, and each together group as a ring, so a
	// group is one component without its n*n pairs.
	edges := make([][]int, n)
	for i, p := range cfg.Projects {
		for _, id := range p.DependsOn {
			if j, ok := index[id]; ok {
				edges[i] = append(edges[i], j)
			}
		}
	}
	for _, g := range groups {
		for k, id := range g {
			i, j := index[id], index[g[(k+1)%len(g)]]
			edges[i] = append(edges[i], j)
		}
	}
	x := &needsIndex{comp: make([]int, n)}
	x.tarjan(edges)

	x.options = make([][]string, len(x.order))
	x.out = make([][]string, len(x.order))
	x.firstClash = make([][][3]string, len(x.order))
	x.children = make([][]int, len(x.order))
	for c, members := range x.order {
		var own, ownExcl []string
		for _, i := range members {
			p := cfg.Projects[i]
			if _, ok := choiceOf[p.ID]; ok {
				own = append(own, p.ID)
			}
			if p.Excluded || p.Status == OnHold || p.Status == Cancelled {
				ownExcl = append(ownExcl, p.ID)
			}
		}
		slices.Sort(own)
		slices.Sort(ownExcl)
		opts, excl := own, ownExcl
		seen := map[int]bool{c: true}
		children := map[[3]string]bool{}
		for _, i := range members {
			for _, j := range edges[i] {
				d := x.comp[j]
				if seen[d] {
					continue
				}
				seen[d] = true
				x.children[c] = append(x.children[c], d)
				opts = mergeSorted(opts, x.options[d])
				excl = mergeSorted(excl, x.out[d])
				for _, k := range clashes(x.options[d], choiceOf) {
					children[k] = true
				}
			}
		}
		x.options[c], x.out[c] = opts, excl
		for _, k := range clashes(opts, choiceOf) {
			if !children[k] {
				x.firstClash[c] = append(x.firstClash[c], k)
			}
		}
	}
	return x
}

// tarjan fills comp and order with the strongly connected components of
// edges, children first. It keeps its own stack: a chain of 50,000
// projects must not recurse 50,000 deep.
func (x *needsIndex) tarjan(edges [][]int) {
	n := len(edges)
	num, low := make([]int, n), make([]int, n)
	onStack := make([]bool, n)
	for i := range num {
		num[i] = -1
	}
	var stack []int
	type frame struct{ v, next int }
	counter := 0
	for root := range n {
		if num[root] >= 0 {
			continue
		}
		calls := []frame{{root, 0}}
		num[root], low[root] = counter, counter
		counter++
		stack = append(stack, root)
		onStack[root] = true
		for len(calls) > 0 {
			f := &calls[len(calls)-1]
			if f.next < len(edges[f.v]) {
				w := edges[f.v][f.next]
				f.next++
				if num[w] < 0 {
					num[w], low[w] = counter, counter
					counter++
					stack = append(stack, w)
					onStack[w] = true
					calls = append(calls, frame{w, 0})
				} else if onStack[w] {
					low[f.v] = min(low[f.v], num[w])
				}
				continue
			}
			v := f.v
			calls = calls[:len(calls)-1]
			if len(calls) > 0 {
				u := calls[len(calls)-1].v
				low[u] = min(low[u], low[v])
			}
			if low[v] != num[v] {
				continue
			}
			var members []int
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[w] = false
				x.comp[w] = len(x.order)
				members = append(members, w)
				if w == v {
					break
				}
			}
			slices.Sort(members)
			x.order = append(x.order, members)
		}
	}
}

// mergeSorted is the sorted union of two sorted lists; a itself when b
// adds nothing.
func mergeSorted(a, b []string) []string {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	out := make([]string, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			out = append(out, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i, j = i+1, j+1
		}
	}
	if len(out) == len(a) {
		return a
	}
	return out
}

// clashes are the clashes opts shows: for each choice, its smallest option
// in opts with each other one (choice id, smaller, larger).
func clashes(opts []string, choiceOf map[string]*Choice) [][3]string {
	var out [][3]string
	first := map[*Choice]string{}
	for _, id := range opts {
		c := choiceOf[id]
		if f, ok := first[c]; ok {
			out = append(out, [3]string{c.ID, f, id})
			continue
		}
		first[c] = id
	}
	return out
}

// closureWork bounds the steps closureSize may take over one load, so
// thousands of projects showing one clash above a long chain cannot take
// minutes to name it.
const closureWork = 5_000_000

// closureSize is how many projects component c needs, itself included: a
// walk of the components it reaches, only for components where a clash
// first appears. It is math.MaxInt once the load's closureWork is spent.
func (x *needsIndex) closureSize(c int) int {
	seen := map[int]bool{c: true}
	queue := []int{c}
	size := 0
	for k := 0; k < len(queue); k++ {
		if x.work++; x.work > closureWork {
			return math.MaxInt
		}
		d := queue[k]
		size += len(x.order[d])
		for _, e := range x.children[d] {
			if !seen[e] {
				seen[e] = true
				queue = append(queue, e)
			}
		}
	}
	return size
}

// of is the component of project i.
func (x *needsIndex) of(i int) int { return x.comp[i] }
