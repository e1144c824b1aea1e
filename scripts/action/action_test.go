// Package action tests the roadmap GitHub Action (action.yml and the
// scripts beside this file) by running it against real git repositories,
// a real roadmap binary and a local stand-in for GitHub's API.
package action

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const (
	releaseTag = "v9.9.9"
	repoName   = "acme/plans"
	prNumber   = 7
	token      = "test-token"
	marker     = "<!-- roadmap-plan-diff -->"
)

// fixture is what every scenario shares: the built roadmap, its release
// archive and the action's directory.
type fixture struct {
	actionDir string
	binary    string
	archive   []byte
	archName  string
}

// built is the fixture TestMain makes once for every test: building
// roadmap is the slow part.
var built struct {
	fixture *fixture
	err     error
}

func TestMain(m *testing.M) {
	flag.Parse()
	var dir string
	if !testing.Short() {
		var err error
		dir, err = os.MkdirTemp("", "roadmap-action-test-")
		if err == nil {
			built.fixture, built.err = buildFixture(dir)
		} else {
			built.err = err
		}
	}
	code := m.Run()
	if dir != "" {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}

// buildFixture builds roadmap into dir and packs its release archive.
func buildFixture(dir string) (*fixture, error) {
	actionDir, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		return nil, err
	}
	f := &fixture{actionDir: actionDir, binary: filepath.Join(dir, "roadmap")}
	build := exec.Command("go", "build", "-ldflags", "-X main.version="+releaseTag, "-o", f.binary, "./cmd/roadmap")
	build.Dir = actionDir
	if out, err := build.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("go build: %v\n%s", err, out)
	}
	f.archName = fmt.Sprintf("roadmap_%s_%s_%s.tar.gz", strings.TrimPrefix(releaseTag, "v"), runtime.GOOS, runtime.GOARCH)
	f.archive, err = tarGz(map[string]string{"roadmap": f.binary, "LICENSE": filepath.Join(actionDir, "LICENSE")})
	return f, err
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	if testing.Short() {
		t.Skip("builds roadmap and runs the action's scripts")
	}
	for _, tool := range []string{"bash", "git", "curl", "jq", "tar"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.fixture
}

// tarGz packs files (name in the archive -> path) as a release does.
func tarGz(files map[string]string) ([]byte, error) {
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		data, err := os.ReadFile(files[name])
		if err != nil {
			return nil, err
		}
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o755, Size: int64(len(data))}); err != nil {
			return nil, err
		}
		if _, err := tw.Write(data); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	if err := gz.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// comment is one pull-request comment held by the fake GitHub.
type comment struct {
	ID   int64  `json:"id"`
	Body string `json:"body"`
	User struct {
		Login string `json:"login"`
		Type  string `json:"type"`
	} `json:"user"`
}

// fakeGitHub serves the release downloads and the REST API calls the
// action makes, and records them.
type fakeGitHub struct {
	t         *testing.T
	mu        sync.Mutex
	comments  []comment
	nextID    int64
	calls     []string // "METHOD path"
	readOnly  bool     // the token may not write (a fork's pull request)
	archive   []byte
	archName  string
	badSum    bool // checksums.txt does not match
	noRelease bool // the release has no binaries
}

func (g *fakeGitHub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.calls = append(g.calls, r.Method+" "+r.URL.Path)
	download := "/roadmap-as-code/roadmap/releases/download/" + releaseTag + "/"
	switch {
	case strings.HasPrefix(r.URL.Path, download):
		if g.noRelease {
			http.NotFound(w, r)
			return
		}
		switch strings.TrimPrefix(r.URL.Path, download) {
		case g.archName:
			w.Write(g.archive)
		case "checksums.txt":
			sum := sha256.Sum256(g.archive)
			if g.badSum {
				sum[0] ^= 1
			}
			fmt.Fprintf(w, "%x  %s\n%x  roadmap_9.9.9_other_os.tar.gz\n", sum, g.archName, sha256.Sum256(nil))
		default:
			http.NotFound(w, r)
		}
		return
	case r.URL.Path == "/api/repos/roadmap-as-code/roadmap/releases/latest":
		fmt.Fprintf(w, `{"tag_name": %q}`, releaseTag)
		return
	case r.URL.Path == "/api/repos/roadmap-as-code/roadmap/releases":
		fmt.Fprintf(w, `[{"tag_name": "v10.0.0", "draft": false, "prerelease": false}, {"tag_name": "v9.10.0-rc.1", "draft": false, "prerelease": true}, {"tag_name": %q, "draft": false, "prerelease": false}]`, releaseTag)
		return
	}
	if r.Header.Get("Authorization") != "Bearer "+token {
		http.Error(w, `{"message": "Bad credentials"}`, http.StatusUnauthorized)
		return
	}
	list := fmt.Sprintf("/api/repos/%s/issues/%d/comments", repoName, prNumber)
	switch {
	case r.Method == http.MethodGet && r.URL.Path == list:
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		per, _ := strconv.Atoi(r.URL.Query().Get("per_page"))
		if page < 1 || per < 1 {
			http.Error(w, "want page and per_page", http.StatusBadRequest)
			return
		}
		from, to := min((page-1)*per, len(g.comments)), min(page*per, len(g.comments))
		json.NewEncoder(w).Encode(g.comments[from:to])
	case r.Method == http.MethodPost && r.URL.Path == list:
		if g.readOnly {
			http.Error(w, `{"message": "Resource not accessible by integration"}`, http.StatusForbidden)
			return
		}
		var in struct{ Body string }
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		g.nextID++
		c := comment{ID: 1000 + g.nextID, Body: in.Body}
		c.User.Login, c.User.Type = "github-actions[bot]", "Bot"
		g.comments = append(g.comments, c)
		w.WriteHeader(http.StatusCreated)
		json.NewEncoder(w).Encode(c)
	case r.Method == http.MethodPatch && strings.HasPrefix(r.URL.Path, fmt.Sprintf("/api/repos/%s/issues/comments/", repoName)):
		id, _ := strconv.ParseInt(filepath.Base(r.URL.Path), 10, 64)
		var in struct{ Body string }
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		for i := range g.comments {
			if g.comments[i].ID == id {
				g.comments[i].Body = in.Body
				json.NewEncoder(w).Encode(g.comments[i])
				return
			}
		}
		http.NotFound(w, r)
	case r.URL.Path == "/api/user":
		http.Error(w, `{"message": "Resource not accessible by integration"}`, http.StatusForbidden)
	default:
		http.NotFound(w, r)
	}
}

// humanComments adds n comments by people, so the list is paginated.
func (g *fakeGitHub) humanComments(n int) {
	for range n {
		g.nextID++
		c := comment{ID: 1000 + g.nextID, Body: "Looks good to me."}
		c.User.Login, c.User.Type = "alice", "User"
		g.comments = append(g.comments, c)
	}
}

// git runs git in dir.
func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_GLOBAL=/dev/null")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// pullRequest makes an "origin" repository whose main branch holds the
// starter roadmap in plans/, and a clone checked out at a pull request's
// head that changes it with edit; it returns the clone.
func pullRequest(t *testing.T, actionDir string, edit func(files map[string]string)) string {
	t.Helper()
	top := t.TempDir()
	origin, work := filepath.Join(top, "origin.git"), filepath.Join(top, "work")
	git(t, top, "init", "-q", "--bare", "-b", "main", origin)
	git(t, top, "clone", "-q", origin, work)
	starter := filepath.Join(actionDir, "examples", "starter")
	entries, err := os.ReadDir(starter)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(starter, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = string(data)
	}
	write := func() {
		for name, content := range files {
			path := filepath.Join(work, "plans", name)
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	write()
	git(t, work, "checkout", "-q", "-b", "main")
	git(t, work, "add", "-A")
	git(t, work, "commit", "-q", "-m", "the roadmap")
	git(t, work, "push", "-q", "origin", "main")
	git(t, work, "checkout", "-q", "-b", "change")
	edit(files)
	write()
	git(t, work, "add", "-A")
	git(t, work, "commit", "-q", "-m", "a change")
	return work
}

// env is the runner's environment for a pull_request event.
func (f *fixture) env(t *testing.T, server string, path string) map[string]string {
	t.Helper()
	event := filepath.Join(t.TempDir(), "event.json")
	if err := os.WriteFile(event, []byte(fmt.Sprintf(`{"pull_request": {"number": %d}}`, prNumber)), 0o644); err != nil {
		t.Fatal(err)
	}
	runnerOS := map[string]string{"linux": "Linux", "darwin": "macOS", "windows": "Windows"}[runtime.GOOS]
	runnerArch := map[string]string{"amd64": "X64", "arm64": "ARM64"}[runtime.GOARCH]
	return map[string]string{
		"PATH":                     path,
		"HOME":                     t.TempDir(),
		"GIT_CONFIG_GLOBAL":        "/dev/null",
		"CI":                       "true",
		"GITHUB_ACTIONS":           "true",
		"GITHUB_EVENT_NAME":        "pull_request",
		"GITHUB_EVENT_PATH":        event,
		"GITHUB_BASE_REF":          "main",
		"GITHUB_HEAD_REF":          "change",
		"GITHUB_REPOSITORY":        repoName,
		"GITHUB_ACTION_REPOSITORY": "roadmap-as-code/roadmap",
		"GITHUB_SERVER_URL":        server,
		"GITHUB_API_URL":           server + "/api",
		"RUNNER_OS":                runnerOS,
		"RUNNER_ARCH":              runnerArch,
		"RUNNER_TEMP":              t.TempDir(),
	}
}

// systemPath is a PATH with the tools the scripts use but no roadmap and
// no go: the install step must provide roadmap.
func systemPath(t *testing.T) string {
	t.Helper()
	bin := t.TempDir()
	for _, tool := range []string{"bash", "git", "curl", "jq", "tar", "gzip", "unzip", "awk", "sha256sum", "shasum", "mktemp", "install", "mkdir", "rm", "cat", "grep", "head", "uname", "dirname", "mv", "env", "cp", "sh"} {
		if p, err := exec.LookPath(tool); err == nil {
			if err := os.Symlink(p, filepath.Join(bin, tool)); err != nil {
				t.Fatal(err)
			}
		}
	}
	return bin
}

func TestActionPullRequest(t *testing.T) {
	f := newFixture(t)
	gh := &fakeGitHub{t: t, archive: f.archive, archName: f.archName}
	gh.humanComments(120) // more than a page
	server := httptest.NewServer(gh)
	defer server.Close()

	// The change delays retire_tape by making cloud_backup longer.
	work := pullRequest(t, f.actionDir, func(files map[string]string) {
		files["projects.hcl"] = strings.Replace(files["projects.hcl"], `duration    = "6 months"`, `duration    = "9 months"`, 1)
	})
	run := workflowRun{
		Inputs:    map[string]string{"directory": "plans"},
		Env:       f.env(t, server.URL, systemPath(t)),
		Workspace: work,
		Token:     token,
		ActionRef: releaseTag,
	}
	res := runAction(t, f.actionDir, run)
	if len(res.Failed) > 0 {
		t.Fatalf("steps failed: %v\n%s", res.Failed, res.Log)
	}
	if !strings.Contains(res.Log, "Installed roadmap "+releaseTag+" (release binary") {
		t.Errorf("not installed from the release:\n%s", res.Log)
	}
	wantOutputs := map[string]string{"exit-code": "2", "changed": "true", "comment-id": "1121", "report-files": ""}
	if diff := cmp.Diff(wantOutputs, res.Outputs); diff != "" {
		t.Errorf("outputs (-want +got):\n%s", diff)
	}
	if got := res.annotations(); len(got) != 0 {
		t.Errorf("annotations on a clean change: %q", got)
	}
	bot := gh.comments[len(gh.comments)-1]
	if bot.User.Type != "Bot" || !strings.Contains(bot.Body, marker) || !strings.Contains(bot.Body, "retire_tape") {
		t.Errorf("the comment:\n%s", bot.Body)
	}
	for _, want := range []string{"## roadmap: `plans`", "✅ **Formatting**", "✅ **Validation**", marker, "retire_tape"} {
		if !strings.Contains(res.Summary, want) {
			t.Errorf("the job summary lacks %q:\n%s", want, res.Summary)
		}
	}

	// A second push: the same comment is updated, not a new one added.
	count := len(gh.comments)
	res = runAction(t, f.actionDir, run)
	if len(res.Failed) > 0 {
		t.Fatalf("steps failed: %v\n%s", res.Failed, res.Log)
	}
	if len(gh.comments) != count || res.Outputs["comment-id"] != "1121" {
		t.Errorf("comments %d -> %d, comment-id %q: want the comment updated", count, len(gh.comments), res.Outputs["comment-id"])
	}
	if !slices.Contains(gh.calls, fmt.Sprintf("PATCH /api/repos/%s/issues/comments/1121", repoName)) {
		t.Errorf("no PATCH among the calls: %q", gh.calls)
	}
}

// TestActionReportsProblems: unformatted files, a failed error check and
// a read-only token (a fork's pull request) are all reported, the comment
// problem only as a warning, and the job fails at the end.
func TestActionReportsProblems(t *testing.T) {
	f := newFixture(t)
	gh := &fakeGitHub{t: t, archive: f.archive, archName: f.archName, readOnly: true}
	server := httptest.NewServer(gh)
	defer server.Close()
	work := pullRequest(t, f.actionDir, func(files map[string]string) {
		// Unformatted, and the capital budget cut below the check's line.
		files["roadmap.hcl"] = strings.Replace(files["roadmap.hcl"], "  default     = 600000", "  default = 100000", 1)
	})
	run := workflowRun{
		Inputs:    map[string]string{"directory": "plans", "version": "latest"},
		Env:       f.env(t, server.URL, systemPath(t)),
		Workspace: work,
		Token:     token,
	}
	res := runAction(t, f.actionDir, run)
	if diff := cmp.Diff([]string{"Result"}, res.Failed); diff != "" {
		t.Fatalf("failed steps (-want +got):\n%s\n%s", diff, res.Log)
	}
	got := res.annotations()
	want := []string{
		"::error file=plans/roadmap.hcl,title=Not formatted::plans/roadmap.hcl is not formatted: run roadmap fmt plans",
		"::error file=plans/checks.hcl,line=3,col=19,endLine=3,endColumn=52,title=Check capex_headroom failed::The plan spends more than two years of capital budget.",
		"::warning title=roadmap::Could not post the plan comment (posting the plan comment: HTTP 403): the token may not write to this pull request, as for pull requests from forks. The plan diff is in the job summary.",
		"::error title=roadmap::files are not formatted; the plan failed (an error, or a failed check of severity error)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("annotations (-want +got):\n%s", diff)
	}
	if res.Outputs["exit-code"] != "1" {
		t.Errorf("exit-code %q, want 1", res.Outputs["exit-code"])
	}
	for _, want := range []string{"❌ **Formatting**", "-  default = 100000", "❌ **Plan**", marker} {
		if !strings.Contains(res.Summary, want) {
			t.Errorf("the job summary lacks %q:\n%s", want, res.Summary)
		}
	}

	// fail-on never: the same problems, reported, and the job passes.
	run.Inputs["fail-on"] = "never"
	if res := runAction(t, f.actionDir, run); len(res.Failed) > 0 {
		t.Errorf("fail-on never: steps failed: %v", res.Failed)
	}
}

// TestActionInvalidRoadmap stops after validation, with the annotations,
// and does not plan or comment.
func TestActionInvalidRoadmap(t *testing.T) {
	f := newFixture(t)
	gh := &fakeGitHub{t: t, archive: f.archive, archName: f.archName}
	server := httptest.NewServer(gh)
	defer server.Close()
	work := pullRequest(t, f.actionDir, func(files map[string]string) {
		files["projects.hcl"] = strings.Replace(files["projects.hcl"], "effort      = { platform = 2 }", "effort      = { platfrom = 2 }", 1)
	})
	res := runAction(t, f.actionDir, workflowRun{
		Inputs:    map[string]string{"directory": "plans", "format": "sarif"},
		Env:       f.env(t, server.URL, systemPath(t)),
		Workspace: work, Token: token, ActionRef: releaseTag,
	})
	if diff := cmp.Diff([]string{"Result"}, res.Failed); diff != "" {
		t.Fatalf("failed steps (-want +got):\n%s\n%s", diff, res.Log)
	}
	got := res.annotations()
	if len(got) != 2 || !strings.HasPrefix(got[0], "::error file=plans/projects.hcl,line=") || !strings.Contains(got[0], "title=Unknown team::") ||
		got[1] != "::error title=roadmap::the roadmap has errors" {
		t.Errorf("annotations: %q", got)
	}
	if len(gh.comments) != 0 || slices.ContainsFunc(gh.calls, func(c string) bool { return strings.Contains(c, "/comments") }) {
		t.Errorf("commented on an invalid roadmap: %q", gh.calls)
	}
	report := res.Outputs["report-files"]
	if !strings.HasSuffix(report, "validate.sarif") {
		t.Fatalf("report-files %q", report)
	}
	var sarif struct {
		Runs []struct {
			Results []json.RawMessage `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(readString(t, report)), &sarif); err != nil || len(sarif.Runs) != 1 || len(sarif.Runs[0].Results) != 1 {
		t.Errorf("validate.sarif: %v\n%s", err, readString(t, report))
	}
}

// TestActionInstall covers the ways to get roadmap: a major tag resolved
// to its newest release, a branch built with go install, and a release
// whose checksum does not match (refused, never run).
func TestActionInstall(t *testing.T) {
	f := newFixture(t)
	install := filepath.Join(f.actionDir, "scripts", "action", "install.sh")
	runInstall := func(t *testing.T, gh *fakeGitHub, version, path string) (string, error) {
		server := httptest.NewServer(gh)
		defer server.Close()
		env := f.env(t, server.URL, path)
		env["INPUT_VERSION"] = version
		env["GITHUB_PATH"] = filepath.Join(t.TempDir(), "path")
		cmd := exec.Command("bash", install)
		for k, v := range env {
			cmd.Env = append(cmd.Env, k+"="+v)
		}
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	t.Run("major tag", func(t *testing.T) {
		out, err := runInstall(t, &fakeGitHub{t: t, archive: f.archive, archName: f.archName}, "v9", systemPath(t))
		if err != nil || !strings.Contains(out, "Installed roadmap "+releaseTag+" (release binary") || !strings.Contains(out, "roadmap "+releaseTag+" (") {
			t.Errorf("%v\n%s", err, out)
		}
	})
	t.Run("branch, built with go install", func(t *testing.T) {
		path := systemPath(t)
		// A stand-in go that records its arguments and "builds" roadmap.
		fakeGo := fmt.Sprintf("#!/bin/sh\necho \"$@\" > %q\ncp %q \"$GOBIN/roadmap\"\n", filepath.Join(path, "go-args"), f.binary)
		if err := os.WriteFile(filepath.Join(path, "go"), []byte(fakeGo), 0o755); err != nil {
			t.Fatal(err)
		}
		out, err := runInstall(t, &fakeGitHub{t: t, archive: f.archive, archName: f.archName}, "main", path)
		if err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		if got := readString(t, filepath.Join(path, "go-args")); got != "install github.com/roadmap-as-code/roadmap/cmd/roadmap@main\n" {
			t.Errorf("go %s", got)
		}
	})
	t.Run("no go for a branch", func(t *testing.T) {
		out, err := runInstall(t, &fakeGitHub{t: t, archive: f.archive, archName: f.archName}, "main", systemPath(t))
		if err == nil || !strings.Contains(out, "add actions/setup-go before this Action") {
			t.Errorf("want a failure naming setup-go: %v\n%s", err, out)
		}
	})
	t.Run("checksum mismatch", func(t *testing.T) {
		out, err := runInstall(t, &fakeGitHub{t: t, archive: f.archive, archName: f.archName, badSum: true}, releaseTag, systemPath(t))
		if err == nil || !strings.Contains(out, "the checksum of "+f.archName+" does not match") || strings.Contains(out, "roadmap "+releaseTag+" (") {
			t.Errorf("want a refusal: %v\n%s", err, out)
		}
	})
	t.Run("flag-like version", func(t *testing.T) {
		out, err := runInstall(t, &fakeGitHub{t: t}, "--help", systemPath(t))
		if err == nil || !strings.Contains(out, "is not a release tag, a branch or a commit") {
			t.Errorf("want a refusal: %v\n%s", err, out)
		}
	})
}
