package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestMakeFuzzRunsEveryTarget: `make fuzz` lists every Fuzz function of
// the repository (package:Name in FUZZ_TARGETS), and docs/security.md's
// table names each, so a target added later is fuzzed and documented.
func TestMakeFuzzRunsEveryTarget(t *testing.T) {
	root := filepath.Join("..", "..")
	var inRepo []string
	fuzzFunc := regexp.MustCompile(`(?m)^func (Fuzz\w+)\(`)
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "node_modules") && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		for _, m := range fuzzFunc.FindAllSubmatch(src, -1) {
			inRepo = append(inRepo, filepath.ToSlash(rel)+":"+string(m[1]))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	makefile, err := os.ReadFile(filepath.Join(root, "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?s)FUZZ_TARGETS := \\\n(.*?)\n[^\t]`).FindSubmatch(makefile)
	if m == nil {
		t.Fatal("no FUZZ_TARGETS in the Makefile")
	}
	listed := strings.Fields(strings.ReplaceAll(string(m[1]), "\\", ""))
	slices.Sort(inRepo)
	slices.Sort(listed)
	if !slices.Equal(inRepo, listed) {
		t.Errorf("FUZZ_TARGETS\n%v\nFuzz functions in the repository\n%v", listed, inRepo)
	}
	doc, err := os.ReadFile(filepath.Join(root, "docs", "security.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, target := range inRepo {
		name := target[strings.Index(target, ":")+1:]
		if !strings.Contains(string(doc), "| `"+name+"` |") {
			t.Errorf("docs/security.md's fuzzing table has no row for %s", name)
		}
	}
}
