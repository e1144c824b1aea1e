// Package release checks the release configuration (.goreleaser.yaml) and,
// after `make release-snapshot`, the archives it built.
package release

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"
)

var dist = flag.String("dist", "", "the dist/ directory of a goreleaser build to check (make release-snapshot)")

const repo = "../.."

// config is the part of .goreleaser.yaml the tests read.
type config struct {
	Version int `yaml:"version"`
	Before  struct {
		Hooks []string `yaml:"hooks"`
	} `yaml:"before"`
	Builds []struct {
		ID      string   `yaml:"id"`
		Main    string   `yaml:"main"`
		Binary  string   `yaml:"binary"`
		Env     []string `yaml:"env"`
		Goos    []string `yaml:"goos"`
		Goarch  []string `yaml:"goarch"`
		Flags   []string `yaml:"flags"`
		Ldflags []string `yaml:"ldflags"`
	} `yaml:"builds"`
	Archives []struct {
		NameTemplate    string `yaml:"name_template"`
		Formats         []string
		FormatOverrides []struct {
			Goos    string   `yaml:"goos"`
			Formats []string `yaml:"formats"`
		} `yaml:"format_overrides"`
		Files []any `yaml:"files"`
	} `yaml:"archives"`
	Checksum struct {
		NameTemplate string `yaml:"name_template"`
		Algorithm    string `yaml:"algorithm"`
	} `yaml:"checksum"`
	Sboms []struct {
		Artifacts string `yaml:"artifacts"`
		Cmd       string `yaml:"cmd"`
	} `yaml:"sboms"`
	Release struct {
		ExtraFiles []struct {
			Glob string `yaml:"glob"`
		} `yaml:"extra_files"`
	} `yaml:"release"`
}

func readConfig(t *testing.T) config {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repo, ".goreleaser.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var c config
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&c); err != nil {
		t.Fatal(err)
	}
	return c
}

// archiveFile is one entry of an archive's files: list.
type archiveFile struct{ src, dst string }

func (c config) archiveFiles(t *testing.T) []archiveFile {
	t.Helper()
	var out []archiveFile
	for _, f := range c.Archives[0].Files {
		switch v := f.(type) {
		case string:
			out = append(out, archiveFile{src: v})
		case map[string]any:
			src, _ := v["src"].(string)
			dst, _ := v["dst"].(string)
			out = append(out, archiveFile{src: src, dst: dst})
		default:
			t.Fatalf("archive file entry %v", f)
		}
	}
	return out
}

// TestReleaseConfig checks what the issue asks of a release: static
// builds for six platforms that know their version, archives with the
// licence, docs, man pages and completions, checksums, an SBOM, and the
// JSON Schemas published beside them.
func TestReleaseConfig(t *testing.T) {
	c := readConfig(t)
	if c.Version != 2 || len(c.Builds) != 1 || len(c.Archives) != 1 {
		t.Fatalf("want format version 2, one build and one archive: %+v", c)
	}
	b := c.Builds[0]
	if b.Main != "./cmd/roadmap" || b.Binary != "roadmap" {
		t.Errorf("build main %q binary %q", b.Main, b.Binary)
	}
	if !slices.Contains(b.Env, "CGO_ENABLED=0") {
		t.Errorf("build env %v: want CGO_ENABLED=0 (static binaries)", b.Env)
	}
	if diff := cmp.Diff([]string{"linux", "darwin", "windows"}, b.Goos); diff != "" {
		t.Errorf("goos (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"amd64", "arm64"}, b.Goarch); diff != "" {
		t.Errorf("goarch (-want +got):\n%s", diff)
	}
	ld := strings.Join(b.Ldflags, " ")
	for _, v := range []string{"main.version=v{{ .Version }}", "main.commit=", "main.date="} {
		if !strings.Contains(ld, "-X "+v) {
			t.Errorf("ldflags %q do not set %s", ld, v)
		}
	}
	a := c.Archives[0]
	// The Action downloads roadmap_<version>_<os>_<arch>.tar.gz (.zip on
	// Windows) and checks it against checksums.txt.
	if a.NameTemplate != "{{ .ProjectName }}_{{ .Version }}_{{ .Os }}_{{ .Arch }}" {
		t.Errorf("archive name %q: scripts/action/install.sh expects roadmap_VERSION_OS_ARCH", a.NameTemplate)
	}
	install, err := os.ReadFile(filepath.Join(repo, "scripts", "action", "install.sh"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(install), `archive="roadmap_${number}_${os}_${arch}.${ext}"`) ||
		!strings.Contains(string(install), `"$base/`+c.Checksum.NameTemplate+`"`) {
		t.Error("scripts/action/install.sh does not download the archives and checksums this config names")
	}
	if diff := cmp.Diff([]string{"tar.gz"}, a.Formats); diff != "" || len(a.FormatOverrides) != 1 || a.FormatOverrides[0].Goos != "windows" || a.FormatOverrides[0].Formats[0] != "zip" {
		t.Errorf("archive formats %v %+v: want tar.gz, zip on windows", a.Formats, a.FormatOverrides)
	}
	// Every file an archive lists exists now, or is made by a hook.
	hooks := strings.Join(c.Before.Hooks, "\n")
	for _, f := range c.archiveFiles(t) {
		matches, _ := filepath.Glob(filepath.Join(repo, f.src))
		if len(matches) == 0 && !strings.Contains(hooks, "completions") {
			t.Errorf("archive file %q matches nothing", f.src)
		}
	}
	for _, want := range []string{"LICENSE", "README.md", "CHANGELOG.md", "docs/man/*.1", "completions/*"} {
		if !slices.ContainsFunc(c.archiveFiles(t), func(f archiveFile) bool { return f.src == want }) {
			t.Errorf("the archives lack %s", want)
		}
	}
	if c.Checksum.NameTemplate != "checksums.txt" || c.Checksum.Algorithm != "sha256" {
		t.Errorf("checksum %+v", c.Checksum)
	}
	if len(c.Sboms) != 1 || c.Sboms[0].Artifacts != "binary" || c.Sboms[0].Cmd != "cyclonedx-gomod" {
		t.Errorf("sboms %+v: want a CycloneDX SBOM per binary", c.Sboms)
	}
	if len(c.Release.ExtraFiles) != 1 || c.Release.ExtraFiles[0].Glob != "docs/schema/*.json" {
		t.Errorf("release extra files %+v: want the JSON Schemas", c.Release.ExtraFiles)
	}
	if schemas, _ := filepath.Glob(filepath.Join(repo, "docs", "schema", "*.json")); len(schemas) < 3 {
		t.Errorf("docs/schema holds %d schemas, want plan, plan-diff and diagnostics", len(schemas))
	}
}

// TestGoreleaserCheck runs `goreleaser check` when goreleaser is
// installed (make release-check does the same).
func TestGoreleaserCheck(t *testing.T) {
	bin, err := exec.LookPath("goreleaser")
	if err != nil {
		// scripts/ci-deps.sh installs it into GOPATH/bin.
		gopath, _ := exec.Command("go", "env", "GOPATH").Output()
		bin = filepath.Join(strings.TrimSpace(string(gopath)), "bin", "goreleaser")
		if _, statErr := os.Stat(bin); statErr != nil {
			t.Skip("goreleaser is not installed (scripts/ci-deps.sh, or go install github.com/goreleaser/goreleaser/v2@v2.17.0)")
		}
	}
	cmd := exec.Command(bin, "check")
	cmd.Dir = repo
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("goreleaser check: %v\n%s", err, out)
	}
}

// artifact is an entry of dist/artifacts.json.
type artifact struct {
	Name   string `json:"name"`
	Path   string `json:"path"`
	Goos   string `json:"goos"`
	Goarch string `json:"goarch"`
	Type   string `json:"type"`
}

// TestSnapshot checks a goreleaser build's dist/ (make release-snapshot
// runs it with -dist): the six archives hold what the config lists, the
// checksums match, every binary has its SBOM, and the binary for this
// machine runs and knows its version.
func TestSnapshot(t *testing.T) {
	if *dist == "" {
		t.Skip("no -dist: run make release-snapshot")
	}
	data, err := os.ReadFile(filepath.Join(*dist, "artifacts.json"))
	if err != nil {
		t.Fatal(err)
	}
	var artifacts []artifact
	if err := json.Unmarshal(data, &artifacts); err != nil {
		t.Fatal(err)
	}
	var archives, sboms []artifact
	for _, a := range artifacts {
		switch a.Type {
		case "Archive":
			archives = append(archives, a)
		case "SBOM":
			sboms = append(sboms, a)
		}
	}
	if len(archives) != 6 {
		t.Fatalf("%d archives, want 6 (linux, darwin, windows x amd64, arm64)", len(archives))
	}
	if len(sboms) != 6 {
		t.Errorf("%d SBOMs, want one per binary", len(sboms))
	}
	sums := map[string]string{}
	checksums, err := os.ReadFile(filepath.Join(*dist, "checksums.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(checksums)), "\n") {
		sum, name, _ := strings.Cut(line, "  ")
		sums[name] = sum
	}
	manPages, _ := filepath.Glob(filepath.Join(repo, "docs", "man", "*.1"))
	for _, a := range archives {
		t.Run(a.Name, func(t *testing.T) {
			path := filepath.Join(*dist, filepath.Base(a.Path))
			body, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprintf("%x", sha256.Sum256(body)); sums[a.Name] != got {
				t.Errorf("checksums.txt says %q, the file's is %s", sums[a.Name], got)
			}
			files := archiveEntries(t, a.Name, body)
			exe := "roadmap"
			if a.Goos == "windows" {
				exe = "roadmap.exe"
			}
			want := []string{exe, "LICENSE", "README.md", "CHANGELOG.md",
				"completions/_roadmap", "completions/roadmap.bash", "completions/roadmap.fish", "completions/roadmap.ps1"}
			for _, m := range manPages {
				want = append(want, "man/"+filepath.Base(m))
			}
			slices.Sort(want)
			names := make([]string, 0, len(files))
			for name := range files {
				names = append(names, name)
			}
			slices.Sort(names)
			if diff := cmp.Diff(want, names); diff != "" {
				t.Errorf("files (-config +archive):\n%s", diff)
			}
			if a.Goos == runtime.GOOS && a.Goarch == runtime.GOARCH {
				bin := filepath.Join(t.TempDir(), exe)
				if err := os.WriteFile(bin, files[exe], 0o755); err != nil {
					t.Fatal(err)
				}
				out, err := exec.Command(bin, "version").Output()
				if err != nil || !strings.HasPrefix(string(out), "roadmap v") || strings.Contains(string(out), "roadmap dev") {
					t.Errorf("the released binary says %q (%v)", out, err)
				}
			}
		})
	}
}

// archiveEntries reads a .tar.gz or .zip into name -> content.
func archiveEntries(t *testing.T, name string, body []byte) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	switch path.Ext(name) {
	case ".zip":
		zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			if f.FileInfo().IsDir() {
				continue
			}
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			data, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
			files[f.Name] = data
		}
	default:
		gz, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		tr := tar.NewReader(gz)
		for {
			h, err := tr.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			if h.Typeflag != tar.TypeReg {
				continue
			}
			data, err := io.ReadAll(tr)
			if err != nil {
				t.Fatal(err)
			}
			files[h.Name] = data
		}
	}
	return files
}

// TestReleaseNotes: the notes of a release are its CHANGELOG section, and
// a version without one is refused.
func TestReleaseNotes(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"scripts/release/notes.sh"} {
		data, err := os.ReadFile(filepath.Join(repo, p))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p), data, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	changelog := "# Changelog\n\n## [Unreleased]\n\n- next\n\n## [1.2.0] - 2027-01-15\n\n### Added\n\n- a thing\n\n## [1.1.0] - 2026-12-01\n\n- older\n"
	if err := os.WriteFile(filepath.Join(dir, "CHANGELOG.md"), []byte(changelog), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("bash", filepath.Join(dir, "scripts/release/notes.sh"), "v1.2.0").Output()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff("\n### Added\n\n- a thing\n", string(out)); diff != "" {
		t.Errorf("notes (-want +got):\n%s", diff)
	}
	if err := exec.Command("bash", filepath.Join(dir, "scripts/release/notes.sh"), "v9.9.9").Run(); err == nil {
		t.Error("notes of a version without a CHANGELOG section: want a failure")
	}
}

// TestReleaseWorkflow: the tag workflow publishes with the goreleaser and
// cyclonedx-gomod the Makefile and scripts/ci-deps.sh pin (so make
// release-snapshot checks what a release will build), with the
// CHANGELOG's notes, and moves the major tag the Action's users follow.
func TestReleaseWorkflow(t *testing.T) {
	read := func(p string) string {
		data, err := os.ReadFile(filepath.Join(repo, p))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	var wf struct {
		On struct {
			Push struct {
				Tags []string `yaml:"tags"`
			} `yaml:"push"`
		} `yaml:"on"`
		Permissions map[string]string `yaml:"permissions"`
		Jobs        map[string]struct {
			Steps []struct {
				Uses string            `yaml:"uses"`
				Run  string            `yaml:"run"`
				With map[string]string `yaml:"with"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal([]byte(read(".github/workflows/release.yml")), &wf); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"v[0-9]+.[0-9]+.[0-9]+"}, wf.On.Push.Tags); diff != "" {
		t.Errorf("release tags (-want +got):\n%s", diff)
	}
	if wf.Permissions["contents"] != "write" {
		t.Errorf("permissions %v: publishing needs contents: write", wf.Permissions)
	}
	makefile := read("Makefile")
	pinned := func(name string) string {
		m := regexp.MustCompile(`(?m)^` + name + `\s*\?=\s*(\S+)$`).FindStringSubmatch(makefile)
		if m == nil {
			t.Fatalf("the Makefile does not pin %s", name)
		}
		return m[1]
	}
	goreleaser, cyclonedx := pinned("GORELEASER_VERSION"), pinned("CYCLONEDX_GOMOD_VERSION")
	deps := read("scripts/ci-deps.sh")
	for _, want := range []string{"GORELEASER_VERSION:-" + goreleaser, "CYCLONEDX_GOMOD_VERSION:-" + cyclonedx} {
		if !strings.Contains(deps, want) {
			t.Errorf("scripts/ci-deps.sh lacks %q: the versions differ from the Makefile's", want)
		}
	}
	var runs []string
	var action map[string]string
	for _, job := range wf.Jobs {
		for _, s := range job.Steps {
			runs = append(runs, s.Run)
			if strings.HasPrefix(s.Uses, "goreleaser/goreleaser-action@") {
				action = s.With
			}
		}
	}
	all := strings.Join(runs, "\n")
	if action == nil {
		t.Fatal("no goreleaser/goreleaser-action step")
	}
	if action["version"] != goreleaser {
		t.Errorf("the workflow's goreleaser %q, the Makefile's %q", action["version"], goreleaser)
	}
	if !strings.Contains(action["args"], "release --clean --release-notes") {
		t.Errorf("goreleaser args %q: want release --clean --release-notes FILE", action["args"])
	}
	for _, want := range []string{
		`scripts/release/notes.sh "$GITHUB_REF_NAME"`,
		"go install github.com/CycloneDX/cyclonedx-gomod/cmd/cyclonedx-gomod@" + cyclonedx,
		`git push -f origin "refs/tags/$major"`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the release workflow does not run %q", want)
		}
	}
}
