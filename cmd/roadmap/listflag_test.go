package main

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// TestListFlagMatchesPflag parses the same command lines with listFlag and
// with pflag's StringArray and StringSlice: the same values, errors, type
// names, texts and help.
func TestListFlagMatchesPflag(t *testing.T) {
	lines := [][]string{
		nil,
		{"--x", "a"},
		{"--x", "a", "--x", "b"},
		{"--x=a,b", "--x", "c"},
		{"--x", ""},
		{"--x", "", "--x", "a"},
		{"--x", `"a,b",c`},
		{"--x", `a"b`},
		{"--x", `"a`},
		{"--x", "a b", "--x", "  c ,d"},
		{"--x", "a\nb"},
		{"--x", "é,😀"},
		{"--x", "a", "--x", `x"y`},
	}
	for _, split := range []bool{false, true} {
		for _, args := range lines {
			t.Run(fmt.Sprintf("split=%v/%q", split, args), func(t *testing.T) {
				var mine, theirs, mineY, theirsY []string
				ours := pflag.NewFlagSet("roadmap", pflag.ContinueOnError)
				ref := pflag.NewFlagSet("roadmap", pflag.ContinueOnError)
				if split {
					stringSliceFlag(ours, &mine, "x", "the `ID` to use (repeatable)")
					ref.StringSliceVar(&theirs, "x", nil, "the `ID` to use (repeatable)")
					stringSliceFlag(ours, &mineY, "y", "no value named")
					ref.StringSliceVar(&theirsY, "y", nil, "no value named")
				} else {
					stringArrayFlag(ours, &mine, "x", "the `ID` to use (repeatable)")
					ref.StringArrayVar(&theirs, "x", nil, "the `ID` to use (repeatable)")
					stringArrayFlag(ours, &mineY, "y", "no value named")
					ref.StringArrayVar(&theirsY, "y", nil, "no value named")
				}
				errOurs, errRef := ours.Parse(args), ref.Parse(args)
				if fmt.Sprint(errOurs) != fmt.Sprint(errRef) {
					t.Fatalf("error %v, pflag's %v", errOurs, errRef)
				}
				if diff := cmp.Diff(theirs, mine); diff != "" {
					t.Errorf("values (-pflag +listFlag):\n%s", diff)
				}
				o, r := ours.Lookup("x"), ref.Lookup("x")
				if o.Value.Type() != r.Value.Type() || o.Value.String() != r.Value.String() || o.Changed != r.Changed {
					t.Errorf("type %q, text %q, changed %v; pflag's %q, %q, %v",
						o.Value.Type(), o.Value.String(), o.Changed, r.Value.Type(), r.Value.String(), r.Changed)
				}
				if got, want := ours.FlagUsages(), ref.FlagUsages(); got != want {
					t.Errorf("help %q, pflag's %q", got, want)
				}
				got, ok := o.Value.(cobra.SliceValue)
				want := r.Value.(cobra.SliceValue)
				if !ok {
					t.Errorf("completion does not see a list")
				} else if diff := cmp.Diff(want.GetSlice(), got.GetSlice(), cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("GetSlice (-pflag +listFlag):\n%s", diff)
				}
			})
		}
	}
}
