package main

import (
	"encoding/json"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// buildInfo says which roadmap is running: what `roadmap version` prints
// and the plan records as roadmap_version.
type buildInfo struct {
	Version  string `json:"roadmap_version"` // "v1.2.3", a pseudo-version, or "dev"
	Revision string `json:"revision"`        // VCS commit, "" when unknown
	Time     string `json:"revision_time"`   // commit time (RFC 3339), "" when unknown
	Dirty    bool   `json:"dirty"`           // built from a checkout with uncommitted changes
	Go       string `json:"go_version"`
	Platform string `json:"platform"` // GOOS/GOARCH
}

// buildStamp is what -ldflags -X set (empty when nothing was set).
type buildStamp struct{ Version, Commit, Date string }

// devVersion names a build whose version nobody recorded.
const devVersion = "dev"

// newBuildInfo combines the -ldflags stamp, which wins where it is set,
// with the build information Go embeds (bi may be nil): the main module's
// version for `go install ...@v1.2.3`, the vcs.* settings for a build in a
// git checkout.
func newBuildInfo(stamp buildStamp, bi *debug.BuildInfo) buildInfo {
	info := buildInfo{
		Version: stamp.Version, Revision: stamp.Commit, Time: stamp.Date,
		Go: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH,
	}
	if bi != nil {
		if bi.GoVersion != "" {
			info.Go = bi.GoVersion
		}
		if v := bi.Main.Version; info.Version == "" && v != "" && v != "(devel)" {
			info.Version = v
		}
		vcs := map[string]string{}
		for _, s := range bi.Settings {
			vcs[s.Key] = s.Value
		}
		if info.Revision == "" {
			info.Revision = vcs["vcs.revision"]
			info.Dirty = vcs["vcs.modified"] == "true"
		}
		if info.Time == "" {
			info.Time = vcs["vcs.time"]
		}
	}
	if info.Version == "" {
		info.Version = devVersion
	}
	// A version Go derived from a dirty checkout says so already
	// ("v1.2.4-0.20261201...-abcdef+dirty").
	if strings.HasSuffix(info.Version, "+dirty") {
		info.Dirty = true
	}
	return info
}

// infoForVersion is the build information of a given version string, for
// Execute's callers (tests) that only name a version.
func infoForVersion(version string) buildInfo {
	return buildInfo{Version: version, Go: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
}

// line is what `roadmap version` and `roadmap --version` print:
// "roadmap v1.2.3 (commit 0123456789ab, 2026-12-01T10:00:00Z, go1.26.8, linux/amd64)".
func (b buildInfo) line() string {
	var parts []string
	if b.Revision != "" {
		rev := b.Revision
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if b.Dirty {
			rev += ", modified"
		}
		parts = append(parts, "commit "+rev)
	}
	if b.Time != "" {
		parts = append(parts, b.Time)
	}
	parts = append(parts, b.Go, b.Platform)
	return fmt.Sprintf("roadmap %s (%s)", b.Version, strings.Join(parts, ", "))
}

func newVersionCmd(info buildInfo, s *Streams) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Print the roadmap version",
		Long: `Print the version of roadmap, the commit it was built from when known, and
the Go version and platform. A release or "go install ...@v1.2.3" prints its
version; a build from a git checkout prints "dev" (or Go's pseudo-version)
and the commit.`,
		Example: `  roadmap version
  roadmap version --json | jq -r .roadmap_version`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !asJSON {
				_, err := fmt.Fprintln(s.Out, info.line())
				return err
			}
			data, err := json.MarshalIndent(info, "", "  ")
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(s.Out, "%s\n", data)
			return err
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the version information as JSON")
	return cmd
}
