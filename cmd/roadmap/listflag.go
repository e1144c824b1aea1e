package main

import (
	"bytes"
	"encoding/csv"
	"strings"

	"github.com/spf13/pflag"
)

// listFlag is a repeatable string flag that parses, completes and shows in
// help exactly as pflag's StringArray (every value kept whole) or
// StringSlice (each value split as a line of CSV). pflag's own values
// write their empty default as CSV when the flag is defined, through a
// 4 KB buffer: 137 KB for the command tree's flags on every run of every
// command (docs/performance.md, "A 30-job roadmap").
type listFlag struct {
	target  *[]string
	split   bool // StringSlice: "a,b" is two values
	changed bool
	// clean, when set, rewrites each value as it is read.
	clean func(string) string
}

// stringArrayFlag defines --name as pflag's fs.StringArrayVar(target,
// name, nil, usage) does.
func stringArrayFlag(fs *pflag.FlagSet, target *[]string, name, usage string) {
	defineListFlag(fs, &listFlag{target: target}, name, usage)
}

// stringSliceFlag defines --name as pflag's fs.StringSliceVar(target,
// name, nil, usage) does.
func stringSliceFlag(fs *pflag.FlagSet, target *[]string, name, usage string) {
	defineListFlag(fs, &listFlag{target: target, split: true}, name, usage)
}

// projectIDsFlag is stringSliceFlag for project ids: spaces around each
// id are dropped ("a, b" as people type it) and the reference form
// project.a, copied from the HCL files, is taken as a (an id has no dot).
func projectIDsFlag(fs *pflag.FlagSet, target *[]string, name, usage string) {
	defineListFlag(fs, &listFlag{target: target, split: true, clean: projectIDArg}, name, usage)
}

// projectIDArg is one project id of a flag, cleaned as projectIDsFlag says.
func projectIDArg(s string) string {
	s = strings.TrimSpace(s)
	if id, ok := strings.CutPrefix(s, "project."); ok && id != "" {
		return strings.TrimSpace(id)
	}
	return s
}

func defineListFlag(fs *pflag.FlagSet, v *listFlag, name, usage string) {
	*v.target = nil
	fs.Var(v, name, usage)
	// pflag shows no default for its own list flags when the list is
	// empty; for other types it only leaves out an empty text.
	fs.Lookup(name).DefValue = ""
}

// Set adds the values of one occurrence of the flag; the first replaces
// the default, as pflag's do.
func (l *listFlag) Set(s string) error {
	values := []string{s}
	if l.split {
		var err error
		if values, err = readCSVLine(s); err != nil {
			return err
		}
	}
	if l.clean != nil {
		for i, v := range values {
			values[i] = l.clean(v)
		}
	}
	if !l.changed {
		*l.target = values
		l.changed = true
		return nil
	}
	*l.target = append(*l.target, values...)
	return nil
}

// readCSVLine splits a StringSlice value as pflag does (no values for "").
func readCSVLine(s string) ([]string, error) {
	if s == "" {
		return []string{}, nil
	}
	return csv.NewReader(strings.NewReader(s)).Read()
}

// Type is pflag's name of the type: help shows it for a flag whose usage
// names no value, and completion knows the flag may be repeated.
func (l *listFlag) Type() string {
	if l.split {
		return "stringSlice"
	}
	return "stringArray"
}

// String is the values as pflag writes them: one line of CSV in brackets.
func (l *listFlag) String() string {
	if len(*l.target) == 0 {
		return "[]"
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write(*l.target) // an error is only possible for a bad separator
	w.Flush()
	return "[" + strings.TrimSuffix(b.String(), "\n") + "]"
}

// GetSlice tells cobra's completion the flag takes several values.
func (l *listFlag) GetSlice() []string { return *l.target }
