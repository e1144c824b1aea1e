// Copyright 2022 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// This file is Go's pattern-defeating quicksort (slices.SortFunc, from
// the standard library's zsortanyfunc.go, Go 1.26), step for step, with
// the comparison of the value bound's items (ratioOrder.less) called
// directly instead of through a function value, which the compiler can
// then inline. The same comparisons in the same order give the same
// order as slices.SortFunc with ratioOrder.cmp, even where rounding
// makes that comparison intransitive (TestSortRatioMatchesSortFunc).

package schedule

import (
	"cmp"
	"math/bits"
)

// ratioOrder orders the value bound's items (task indices): higher
// weight per unit of size first, the index breaking ties.
type ratioOrder struct {
	weight, size []float64
}

// cmp is the comparison valueBound sorted with.
func (o *ratioOrder) cmp(a, b int) int {
	x, y := o.weight[a]*o.size[b], o.weight[b]*o.size[a]
	switch {
	case x > y:
		return -1
	case x < y:
		return 1
	}
	return cmp.Compare(a, b)
}

// less is o.cmp(a, b) < 0.
func (o *ratioOrder) less(a, b int) bool {
	x, y := o.weight[a]*o.size[b], o.weight[b]*o.size[a]
	return x > y || (!(x < y) && a < b)
}

// sortRatio is slices.SortFunc(data, o.cmp).
func sortRatio(data []int, o *ratioOrder) {
	n := len(data)
	pdqsortRatio(data, 0, n, bits.Len(uint(n)), o)
}

type pdqHint int // hint for pdqsort when choosing the pivot

const (
	pdqUnknown pdqHint = iota
	pdqIncreasing
	pdqDecreasing
)

// pdqXorshift paper: https://www.jstatsoft.org/article/view/v008i14/xorshift.pdf
type pdqXorshift uint64

func (r *pdqXorshift) Next() uint64 {
	*r ^= *r << 13
	*r ^= *r >> 7
	*r ^= *r << 17
	return uint64(*r)
}

func pdqNextPowerOfTwo(length int) uint {
	return 1 << bits.Len(uint(length))
}

func insertionSortRatio(data []int, a, b int, o *ratioOrder) {
	for i := a + 1; i < b; i++ {
		for j := i; j > a && (o.less(data[j], data[j-1])); j-- {
			data[j], data[j-1] = data[j-1], data[j]
		}
	}
}

// siftDownCmpFunc implements the heap property on data[lo:hi].
// first is an offset into the array where the root of the heap lies.
func siftDownRatio(data []int, lo, hi, first int, o *ratioOrder) {
	root := lo
	for {
		child := 2*root + 1
		if child >= hi {
			break
		}
		if child+1 < hi && (o.less(data[first+child], data[first+child+1])) {
			child++
		}
		if !(o.less(data[first+root], data[first+child])) {
			return
		}
		data[first+root], data[first+child] = data[first+child], data[first+root]
		root = child
	}
}

func heapSortRatio(data []int, a, b int, o *ratioOrder) {
	first := a
	lo := 0
	hi := b - a

	// Build heap with greatest element at top.
	for i := (hi - 1) / 2; i >= 0; i-- {
		siftDownRatio(data, i, hi, first, o)
	}

	// Pop elements, largest first, into end of data.
	for i := hi - 1; i >= 0; i-- {
		data[first], data[first+i] = data[first+i], data[first]
		siftDownRatio(data, lo, i, first, o)
	}
}

// pdqsortCmpFunc sorts data[a:b].
// The algorithm based on pattern-defeating quicksort(pdqsort), but without the optimizations from BlockQuicksort.
// pdqsort paper: https://arxiv.org/pdf/2106.05123.pdf
// C++ implementation: https://github.com/orlp/pdqsort
// Rust implementation: https://docs.rs/pdqsort/latest/pdqsort/
// limit is the number of allowed bad (very unbalanced) pivots before falling back to heapsort.
func pdqsortRatio(data []int, a, b, limit int, o *ratioOrder) {
	const maxInsertion = 12

	var (
		wasBalanced    = true // whether the last partitioning was reasonably balanced
		wasPartitioned = true // whether the slice was already partitioned
	)

	for {
		length := b - a

		if length <= maxInsertion {
			insertionSortRatio(data, a, b, o)
			return
		}

		// Fall back to heapsort if too many bad choices were made.
		if limit == 0 {
			heapSortRatio(data, a, b, o)
			return
		}

		// If the last partitioning was imbalanced, we need to breaking patterns.
		if !wasBalanced {
			breakPatternsRatio(data, a, b, o)
			limit--
		}

		pivot, hint := choosePivotRatio(data, a, b, o)
		if hint == pdqDecreasing {
			reverseRangeRatio(data, a, b, o)
			// The chosen pivot was pivot-a elements after the start of the array.
			// After reversing it is pivot-a elements before the end of the array.
			// The idea came from Rust's implementation.
			pivot = (b - 1) - (pivot - a)
			hint = pdqIncreasing
		}

		// The slice is likely already sorted.
		if wasBalanced && wasPartitioned && hint == pdqIncreasing {
			if partialInsertionSortRatio(data, a, b, o) {
				return
			}
		}

		// Probably the slice contains many duplicate elements, partition the slice into
		// elements equal to and elements greater than the pivot.
		if a > 0 && !(o.less(data[a-1], data[pivot])) {
			mid := partitionEqualRatio(data, a, b, pivot, o)
			a = mid
			continue
		}

		mid, alreadyPartitioned := partitionRatio(data, a, b, pivot, o)
		wasPartitioned = alreadyPartitioned

		leftLen, rightLen := mid-a, b-mid
		balanceThreshold := length / 8
		if leftLen < rightLen {
			wasBalanced = leftLen >= balanceThreshold
			pdqsortRatio(data, a, mid, limit, o)
			a = mid + 1
		} else {
			wasBalanced = rightLen >= balanceThreshold
			pdqsortRatio(data, mid+1, b, limit, o)
			b = mid
		}
	}
}

// partitionCmpFunc does one quicksort partition.
// Let p = data[pivot]
// Moves elements in data[a:b] around, so that data[i]<p and data[j]>=p for i<newpivot and j>newpivot.
// On return, data[newpivot] = p
func partitionRatio(data []int, a, b, pivot int, o *ratioOrder) (newpivot int, alreadyPartitioned bool) {
	data[a], data[pivot] = data[pivot], data[a]
	i, j := a+1, b-1 // i and j are inclusive of the elements remaining to be partitioned

	for i <= j && (o.less(data[i], data[a])) {
		i++
	}
	for i <= j && !(o.less(data[j], data[a])) {
		j--
	}
	if i > j {
		data[j], data[a] = data[a], data[j]
		return j, true
	}
	data[i], data[j] = data[j], data[i]
	i++
	j--

	for {
		for i <= j && (o.less(data[i], data[a])) {
			i++
		}
		for i <= j && !(o.less(data[j], data[a])) {
			j--
		}
		if i > j {
			break
		}
		data[i], data[j] = data[j], data[i]
		i++
		j--
	}
	data[j], data[a] = data[a], data[j]
	return j, false
}

// partitionEqualCmpFunc partitions data[a:b] into elements equal to data[pivot] followed by elements greater than data[pivot].
// It assumed that data[a:b] does not contain elements smaller than the data[pivot].
func partitionEqualRatio(data []int, a, b, pivot int, o *ratioOrder) (newpivot int) {
	data[a], data[pivot] = data[pivot], data[a]
	i, j := a+1, b-1 // i and j are inclusive of the elements remaining to be partitioned

	for {
		for i <= j && !(o.less(data[a], data[i])) {
			i++
		}
		for i <= j && (o.less(data[a], data[j])) {
			j--
		}
		if i > j {
			break
		}
		data[i], data[j] = data[j], data[i]
		i++
		j--
	}
	return i
}

// partialInsertionSortCmpFunc partially sorts a slice, returns true if the slice is sorted at the end.
func partialInsertionSortRatio(data []int, a, b int, o *ratioOrder) bool {
	const (
		maxSteps         = 5  // maximum number of adjacent out-of-order pairs that will get shifted
		shortestShifting = 50 // don't shift any elements on short arrays
	)
	i := a + 1
	for j := 0; j < maxSteps; j++ {
		for i < b && !(o.less(data[i], data[i-1])) {
			i++
		}

		if i == b {
			return true
		}

		if b-a < shortestShifting {
			return false
		}

		data[i], data[i-1] = data[i-1], data[i]

		// Shift the smaller one to the left.
		if i-a >= 2 {
			for j := i - 1; j >= 1; j-- {
				if !(o.less(data[j], data[j-1])) {
					break
				}
				data[j], data[j-1] = data[j-1], data[j]
			}
		}
		// Shift the greater one to the right.
		if b-i >= 2 {
			for j := i + 1; j < b; j++ {
				if !(o.less(data[j], data[j-1])) {
					break
				}
				data[j], data[j-1] = data[j-1], data[j]
			}
		}
	}
	return false
}

// breakPatternsCmpFunc scatters some elements around in an attempt to break some patterns
// that might cause imbalanced partitions in quicksort.
func breakPatternsRatio(data []int, a, b int, o *ratioOrder) {
	length := b - a
	if length >= 8 {
		random := pdqXorshift(length)
		modulus := pdqNextPowerOfTwo(length)

		for idx := a + (length/4)*2 - 1; idx <= a+(length/4)*2+1; idx++ {
			other := int(uint(random.Next()) & (modulus - 1))
			if other >= length {
				other -= length
			}
			data[idx], data[a+other] = data[a+other], data[idx]
		}
	}
}

// choosePivotCmpFunc chooses a pivot in data[a:b].
//
// [0,8): chooses a static pivot.
// [8,shortestNinther): uses the simple median-of-three method.
// [shortestNinther,∞): uses the Tukey ninther method.
func choosePivotRatio(data []int, a, b int, o *ratioOrder) (pivot int, hint pdqHint) {
	const (
		shortestNinther = 50
		maxSwaps        = 4 * 3
	)

	l := b - a

	var (
		swaps int
		i     = a + l/4*1
		j     = a + l/4*2
		k     = a + l/4*3
	)

	if l >= 8 {
		if l >= shortestNinther {
			// Tukey ninther method, the idea came from Rust's implementation.
			i = medianAdjacentRatio(data, i, &swaps, o)
			j = medianAdjacentRatio(data, j, &swaps, o)
			k = medianAdjacentRatio(data, k, &swaps, o)
		}
		// Find the median among i, j, k and stores it into j.
		j = medianRatio(data, i, j, k, &swaps, o)
	}

	switch swaps {
	case 0:
		return j, pdqIncreasing
	case maxSwaps:
		return j, pdqDecreasing
	default:
		return j, pdqUnknown
	}
}

// order2CmpFunc returns x,y where data[x] <= data[y], where x,y=a,b or x,y=b,a.
func order2Ratio(data []int, a, b int, swaps *int, o *ratioOrder) (int, int) {
	if o.less(data[b], data[a]) {
		*swaps++
		return b, a
	}
	return a, b
}

// medianCmpFunc returns x where data[x] is the median of data[a],data[b],data[c], where x is a, b, or c.
func medianRatio(data []int, a, b, c int, swaps *int, o *ratioOrder) int {
	a, b = order2Ratio(data, a, b, swaps, o)
	b, c = order2Ratio(data, b, c, swaps, o)
	a, b = order2Ratio(data, a, b, swaps, o)
	return b
}

// medianAdjacentCmpFunc finds the median of data[a - 1], data[a], data[a + 1] and stores the index into a.
func medianAdjacentRatio(data []int, a int, swaps *int, o *ratioOrder) int {
	return medianRatio(data, a-1, a, a+1, swaps, o)
}

func reverseRangeRatio(data []int, a, b int, o *ratioOrder) {
	i := a
	j := b - 1
	for i < j {
		data[i], data[j] = data[j], data[i]
		i++
		j--
	}
}
