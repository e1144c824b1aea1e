package symlink

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestResolve(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "rm")
	outside := filepath.Join(root, "outside.hcl")
	mustWrite(t, outside)
	for _, f := range []string{"rm/a.hcl", "rm/shared/b.hcl", "rm/.env", "rm/.git/config", "rm/shared/.c.hcl"} {
		mustWrite(t, filepath.Join(root, f))
	}
	cases := []struct {
		name, link, to string
		want           string // the target relative to dir, or "" when refused
		reason         Reason
	}{
		{name: "same directory", link: "x.hcl", to: "a.hcl", want: "a.hcl"},
		{name: "absolute, inside", link: "abs.hcl", to: filepath.Join(dir, "a.hcl"), want: "a.hcl"},
		{name: "subdirectory", link: "y.hcl", to: "shared/b.hcl", want: "shared/b.hcl"},
		{name: "chain of links", link: "z.hcl", to: "x.hcl", want: "a.hcl"},
		{name: "out and back", link: "back.hcl", to: "../rm/a.hcl", want: "a.hcl"},
		{name: "parent directory", link: "up.hcl", to: "../outside.hcl", reason: Outside},
		{name: "absolute, outside", link: "etc.hcl", to: outside, reason: Outside},
		{name: "hidden file", link: "settings.hcl", to: ".env", reason: Hidden},
		{name: "inside a hidden directory", link: "git.hcl", to: ".git/config", reason: Hidden},
		{name: "hidden file in a subdirectory", link: "c.hcl", to: "shared/.c.hcl", reason: Hidden},
		{name: "dangling", link: "gone.hcl", to: "nothing.hcl", reason: Broken},
		{name: "loop", link: "loop.hcl", to: "loop.hcl", reason: Broken},
	}
	for _, c := range cases {
		if err := os.Symlink(c.to, filepath.Join(dir, c.link)); err != nil {
			t.Skipf("cannot make symbolic links: %v", err)
		}
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Resolve(filepath.Join(dir, c.link))
			if c.reason != 0 {
				reason, refused := IsRefused(err)
				if !refused || reason != c.reason {
					t.Fatalf("Resolve = %q, %v; want refused with reason %d", got, err, c.reason)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want, _ := filepath.EvalSymlinks(filepath.Join(dir, c.want))
			if got != want {
				t.Errorf("Resolve = %q, want %q", got, want)
			}
		})
	}
}

func TestResolveLeavesPlainFilesAlone(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain.hcl")
	mustWrite(t, plain)
	for _, p := range []string{plain, filepath.Join(dir, "missing.hcl")} {
		if got, err := Resolve(p); err != nil || got != p {
			t.Errorf("Resolve(%q) = %q, %v; want the path unchanged", p, got, err)
		}
	}
}

// TestResolvePath: every directory on the path that is a link is held to
// the rule, not only the last name (review qa17 A4).
func TestResolvePath(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	for _, f := range []string{"repo/site/sub/x", "repo/.git/hooks/x", "repo/plain/x", "outside/x"} {
		mustWrite(t, filepath.Join(root, f))
	}
	links := map[string]string{
		"repo/reports":       "../outside",
		"repo/abs":           filepath.Join(root, "outside"),
		"repo/hooks":         ".git/hooks",
		"repo/pages":         "site/sub",
		"repo/site/up":       "..",
		"repo/site/sub/away": "../../../outside",
		"repo/gone":          "nowhere",
		"repo/self":          ".",
	}
	for link, to := range links {
		if err := os.Symlink(to, filepath.Join(root, link)); err != nil {
			t.Skipf("cannot make symbolic links: %v", err)
		}
	}
	t.Chdir(repo)
	cases := []struct {
		path   string
		want   string // relative to repo, when allowed
		reason Reason
		link   string // the link named in the refusal
	}{
		{path: "plain/plan.json", want: "plain/plan.json"},
		{path: "new/dir/plan.json", want: "new/dir/plan.json"},
		{path: "pages/plan.json", want: "site/sub/plan.json"},
		{path: "./pages/../plan.json", want: "site/plan.json"},
		{path: "self/self/plan.json", want: "plan.json"},
		{path: "site/up/plain/plan.json", reason: Outside, link: "site/up"},
		{path: "reports/plan.json", reason: Outside, link: "reports"},
		{path: "reports/new/plan.json", reason: Outside, link: "reports"},
		{path: "abs/plan.json", reason: Outside, link: "abs"},
		{path: "hooks/pre-commit", reason: Hidden, link: "hooks"},
		{path: "pages/away/plan.json", reason: Outside, link: "site/sub/away"},
		{path: "gone/plan.json", reason: Broken, link: "gone"},
		{path: filepath.Join(repo, "reports", "plan.json"), reason: Outside, link: filepath.Join(repo, "reports")},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			got, err := ResolvePath(c.path)
			if c.reason != 0 {
				var e *Error
				if !errors.As(err, &e) || e.Reason != c.reason || e.Link != c.link {
					t.Fatalf("ResolvePath = %q, %v; want link %s refused with reason %d", got, err, c.link, c.reason)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != filepath.FromSlash(c.want) {
				t.Errorf("ResolvePath = %q, want %q", got, c.want)
			}
		})
	}
}

func mustWrite(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
}
