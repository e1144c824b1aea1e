package main

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNewBuildInfo(t *testing.T) {
	platform := runtime.GOOS + "/" + runtime.GOARCH
	vcs := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	tests := []struct {
		name  string
		stamp buildStamp
		bi    *debug.BuildInfo
		want  buildInfo
	}{
		{
			name: "nothing known",
			want: buildInfo{Version: "dev", Go: runtime.Version(), Platform: platform},
		},
		{
			name: "go install at a tag",
			bi:   &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v2.1.0"}},
			want: buildInfo{Version: "v2.1.0", Go: "go1.26.8", Platform: platform},
		},
		{
			name: "go build in a dirty checkout",
			bi: &debug.BuildInfo{
				GoVersion: "go1.26.8",
				Main:      debug.Module{Version: "(devel)"},
				Settings: vcs("vcs", "git", "vcs.revision", "0123456789abcdef0123456789abcdef01234567",
					"vcs.time", "2026-12-01T10:00:00Z", "vcs.modified", "true"),
			},
			want: buildInfo{
				Version: "dev", Revision: "0123456789abcdef0123456789abcdef01234567",
				Time: "2026-12-01T10:00:00Z", Dirty: true, Go: "go1.26.8", Platform: platform,
			},
		},
		{
			name: "pseudo-version of a dirty checkout",
			bi: &debug.BuildInfo{
				GoVersion: "go1.26.8",
				Main:      debug.Module{Version: "v2.1.1-0.20261201100000-0123456789ab+dirty"},
			},
			want: buildInfo{Version: "v2.1.1-0.20261201100000-0123456789ab+dirty", Dirty: true, Go: "go1.26.8", Platform: platform},
		},
		{
			name:  "ldflags win over the build information",
			stamp: buildStamp{Version: "v2.2.0", Commit: "fedcba", Date: "2026-12-24T00:00:00Z"},
			bi: &debug.BuildInfo{
				GoVersion: "go1.26.8",
				Main:      debug.Module{Version: "v2.1.0"},
				Settings:  vcs("vcs.revision", "0123", "vcs.time", "2026-12-01T10:00:00Z", "vcs.modified", "true"),
			},
			want: buildInfo{Version: "v2.2.0", Revision: "fedcba", Time: "2026-12-24T00:00:00Z", Go: "go1.26.8", Platform: platform},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, newBuildInfo(tt.stamp, tt.bi)); diff != "" {
				t.Errorf("newBuildInfo (-want +got):\n%s", diff)
			}
		})
	}
}

func TestBuildInfoLine(t *testing.T) {
	tests := []struct {
		info buildInfo
		want string
	}{
		{buildInfo{Version: "v2.1.0", Go: "go1.26.8", Platform: "linux/amd64"}, "roadmap v2.1.0 (go1.26.8, linux/amd64)"},
		{
			buildInfo{Version: "dev", Revision: "0123456789abcdef0123", Time: "2026-12-01T10:00:00Z", Dirty: true, Go: "go1.26.8", Platform: "darwin/arm64"},
			"roadmap dev (commit 0123456789ab, modified, 2026-12-01T10:00:00Z, go1.26.8, darwin/arm64)",
		},
	}
	for _, tt := range tests {
		if got := tt.info.line(); got != tt.want {
			t.Errorf("line() = %q, want %q", got, tt.want)
		}
	}
}

func TestVersionJSON(t *testing.T) {
	res := runCLI(t, "version", "--json")
	res.wantExit(t, 0)
	var got map[string]any
	if err := json.Unmarshal([]byte(res.Stdout), &got); err != nil {
		t.Fatalf("%v\n%s", err, res.Stdout)
	}
	want := map[string]any{
		"roadmap_version": "test", "revision": "", "revision_time": "", "dirty": false,
		"go_version": runtime.Version(), "platform": runtime.GOOS + "/" + runtime.GOARCH,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("version --json (-want +got):\n%s", diff)
	}
}

// TestPlanRecordsRoadmapVersion: the JSON plan says which roadmap made it
// (the tests' fixed version "test", so goldens stay put across releases).
func TestPlanRecordsRoadmapVersion(t *testing.T) {
	res := runCLI(t, "plan", "--format", "json", exampleDir)
	res.wantExit(t, 0)
	var plan struct {
		RoadmapVersion *string `json:"roadmap_version"`
	}
	if err := json.Unmarshal([]byte(res.Stdout), &plan); err != nil {
		t.Fatal(err)
	}
	if plan.RoadmapVersion == nil || *plan.RoadmapVersion != "test" {
		t.Errorf("roadmap_version = %v, want \"test\"", plan.RoadmapVersion)
	}
}

// TestReleaseBuildVersion builds the binary the way releases do, with
// -ldflags, and asks it its version.
func TestReleaseBuildVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "roadmap")
	ldflags := "-X main.version=v9.8.7 -X main.commit=0123456789abcdef -X main.date=2026-12-01T10:00:00Z"
	build := exec.Command("go", "build", "-ldflags", ldflags, "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "version").Output()
	if err != nil {
		t.Fatal(err)
	}
	want := "roadmap v9.8.7 (commit 0123456789ab, 2026-12-01T10:00:00Z, "
	if !strings.HasPrefix(string(out), want) {
		t.Errorf("version printed %q, want it to start %q", out, want)
	}
}
