package diff

import "github.com/roadmap-as-code/roadmap/evaluate"

// SystemChange is a system of the technology audit whose audit differs:
// its end of support, replacement, go-live, gap or run cost. Before or
// After is null when the system is absent on that side.
type SystemChange struct {
	ID      string                `json:"id"`
	Title   string                `json:"title"`
	Kind    string                `json:"kind"` // added | removed | changed
	Before  *evaluate.SystemAudit `json:"before"`
	After   *evaluate.SystemAudit `json:"after"`
	Changes []Change              `json:"changes"`
}

// GapOpens reports whether the system has a gap after the change and had
// none before (or did not exist).
func (c SystemChange) GapOpens() bool {
	return hasGap(c.After) && !hasGap(c.Before)
}

// GapCloses reports whether the system had a gap before the change and has
// none after (or no longer exists).
func (c SystemChange) GapCloses() bool {
	return hasGap(c.Before) && !hasGap(c.After)
}

func hasGap(s *evaluate.SystemAudit) bool {
	return s != nil && s.Gap != "" && s.Gap != evaluate.GapNone
}

// ChoiceChange is a choice block whose chosen option differs, or that was
// added or removed. Before and After are the chosen options, null when no
// option runs; DecidedBy says what picked After (see
// evaluate.ChoiceResult).
type ChoiceChange struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	Kind      string  `json:"kind"` // added | removed | changed
	Before    *string `json:"before"`
	After     *string `json:"after"`
	DecidedBy string  `json:"decided_by"`
}

// diffSystems lists the systems whose audit changed: in the after plan's
// order, then the removed ones in the before plan's order. A plan saved
// before the technology audit has no systems: every system of the other
// side shows as added or removed.
func diffSystems(before, after *evaluate.Plan) []SystemChange {
	bm := make(map[string]*evaluate.SystemAudit, len(before.Systems))
	for i := range before.Systems {
		bm[before.Systems[i].ID] = &before.Systems[i]
	}
	inAfter := make(map[string]bool, len(after.Systems))
	out := []SystemChange{}
	for i := range after.Systems {
		a := &after.Systems[i]
		inAfter[a.ID] = true
		b := bm[a.ID]
		if b == nil {
			out = append(out, SystemChange{ID: a.ID, Title: a.Title, Kind: KindAdded, After: a, Changes: []Change{}})
			continue
		}
		if cs := systemChanges(b, a); len(cs) > 0 {
			out = append(out, SystemChange{ID: a.ID, Title: a.Title, Kind: KindChanged, Before: b, After: a, Changes: cs})
		}
	}
	for i := range before.Systems {
		if b := &before.Systems[i]; !inAfter[b.ID] {
			out = append(out, SystemChange{ID: b.ID, Title: b.Title, Kind: KindRemoved, Before: b, Changes: []Change{}})
		}
	}
	return out
}

// systemChanges lists what differs between two audits of a system, in a
// fixed order. Periods compare by label.
func systemChanges(b, a *evaluate.SystemAudit) []Change {
	var cs changes
	cs.label("end_of_support", eosLabel(b), eosLabel(a))
	cs.label("replacement", b.Replacement, a.Replacement)
	cs.label("go_live", b.GoLive, a.GoLive)
	cs.str("gap", b.Gap, a.Gap)
	cs.int("gap_periods", b.GapPeriods, a.GapPeriods)
	cs.num("run_cost_per_year", b.RunCostPerYear, a.RunCostPerYear)
	cs.num("risk", b.Risk, a.Risk)
	return cs.list()
}

// eosLabel is a system's end of support as written, nil when it has none.
func eosLabel(s *evaluate.SystemAudit) *string { return s.EndOfSupport }

// diffChoices lists the choices whose chosen option changed, by id.
func diffChoices(before, after *evaluate.Plan) []ChoiceChange {
	bm := map[string]*evaluate.ChoiceResult{}
	for i := range before.Choices {
		bm[before.Choices[i].ID] = &before.Choices[i]
	}
	am := map[string]*evaluate.ChoiceResult{}
	for i := range after.Choices {
		am[after.Choices[i].ID] = &after.Choices[i]
	}
	out := []ChoiceChange{}
	for _, id := range unionIDs(bm, am) {
		b, a := bm[id], am[id]
		switch {
		case b == nil:
			out = append(out, ChoiceChange{ID: id, Title: a.Title, Kind: KindAdded, After: a.Chosen, DecidedBy: a.DecidedBy})
		case a == nil:
			out = append(out, ChoiceChange{ID: id, Title: b.Title, Kind: KindRemoved, Before: b.Chosen})
		case !sameLabel(b.Chosen, a.Chosen):
			out = append(out, ChoiceChange{ID: id, Title: a.Title, Kind: KindChanged, Before: b.Chosen, After: a.Chosen, DecidedBy: a.DecidedBy})
		}
	}
	return out
}
