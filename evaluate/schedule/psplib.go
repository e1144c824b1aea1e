package schedule

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// PSPLIBInstance is a single-mode RCPSP instance in PSPLIB's .sm format
// (Kolisch and Sprecher 1996). Jobs are 0-based here: job 0 is the source
// and job len-1 the sink, both dummies of duration 0.
type PSPLIBInstance struct {
	Horizon    int
	Capacities []int
	Jobs       []PSPLIBJob
}

// PSPLIBJob is one job: duration, demand per resource, successors (0-based).
type PSPLIBJob struct {
	Duration   int
	Demand     []int
	Successors []int
}

// ReadPSPLIB parses a single-mode .sm file. name is used in errors.
func ReadPSPLIB(r io.Reader, name string) (*PSPLIBInstance, error) {
	sc := bufio.NewScanner(r)
	var lines []string
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	fail := func(line int, format string, args ...any) error {
		return fmt.Errorf("%s:%d: %s", name, line+1, fmt.Sprintf(format, args...))
	}
	ints := func(line int) ([]int, error) {
		fields := strings.Fields(lines[line])
		out := make([]int, len(fields))
		for k, f := range fields {
			v, err := strconv.Atoi(f)
			if err != nil {
				return nil, fail(line, "%q is not an integer", f)
			}
			out[k] = v
		}
		return out, nil
	}
	find := func(prefix string) int {
		for k, l := range lines {
			if strings.HasPrefix(strings.TrimSpace(l), prefix) {
				return k
			}
		}
		return -1
	}
	after := func(prefix string) (int, error) {
		k := find(prefix)
		if k < 0 {
			return 0, fmt.Errorf("%s: no %q line", name, prefix)
		}
		_, v, ok := strings.Cut(lines[k], ":")
		if !ok {
			return 0, fail(k, "expected %q followed by a colon", prefix)
		}
		fields := strings.Fields(v)
		if len(fields) == 0 {
			return 0, fail(k, "no value after %q", prefix)
		}
		n, err := strconv.Atoi(fields[0])
		if err != nil {
			return 0, fail(k, "%q is not an integer", fields[0])
		}
		return n, nil
	}
	n, err := after("jobs (incl. supersource/sink )")
	if err != nil {
		return nil, err
	}
	horizon, err := after("horizon")
	if err != nil {
		return nil, err
	}
	nres, err := after("- renewable")
	if err != nil {
		return nil, err
	}
	if n < 2 || horizon < 0 || nres < 0 {
		return nil, fmt.Errorf("%s: %d jobs, horizon %d, %d resources: not an instance", name, n, horizon, nres)
	}
	inst := &PSPLIBInstance{Horizon: horizon, Jobs: make([]PSPLIBJob, n)}

	prec := find("PRECEDENCE RELATIONS:")
	if prec < 0 || prec+2+n > len(lines) {
		return nil, fmt.Errorf("%s: missing or short PRECEDENCE RELATIONS table", name)
	}
	for k := range n {
		line := prec + 2 + k
		v, err := ints(line)
		if err != nil {
			return nil, err
		}
		if len(v) < 3 || v[0] != k+1 || len(v) != 3+v[2] {
			return nil, fail(line, "expected job %d, modes, successor count and that many successors", k+1)
		}
		for _, s := range v[3:] {
			if s < 1 || s > n || s == k+1 {
				return nil, fail(line, "successor %d out of range 1..%d", s, n)
			}
			inst.Jobs[k].Successors = append(inst.Jobs[k].Successors, s-1)
		}
	}

	req := find("REQUESTS/DURATIONS:")
	if req < 0 || req+3+n > len(lines) {
		return nil, fmt.Errorf("%s: missing or short REQUESTS/DURATIONS table", name)
	}
	for k := range n {
		line := req + 3 + k
		v, err := ints(line)
		if err != nil {
			return nil, err
		}
		if len(v) != 3+nres || v[0] != k+1 || v[2] < 0 {
			return nil, fail(line, "expected job %d, mode, duration and %d demands", k+1, nres)
		}
		inst.Jobs[k].Duration = v[2]
		inst.Jobs[k].Demand = v[3:]
		for _, d := range v[3:] {
			if d < 0 {
				return nil, fail(line, "negative demand %d", d)
			}
		}
	}

	avail := find("RESOURCEAVAILABILITIES:")
	if avail < 0 || avail+2 >= len(lines) {
		return nil, fmt.Errorf("%s: missing RESOURCEAVAILABILITIES", name)
	}
	caps, err := ints(avail + 2)
	if err != nil {
		return nil, err
	}
	if len(caps) != nres {
		return nil, fail(avail+2, "expected %d capacities, found %d", nres, len(caps))
	}
	inst.Capacities = caps
	return inst, nil
}

// Problem maps the instance to a scheduling problem: every non-dummy job a
// mandatory task of weight 1, each renewable resource a resource with the
// same capacity in every period of the file's horizon. The dummy source
// and sink (duration 0) are dropped; their precedences carry no
// information. Task k is job k+1.
func (inst *PSPLIBInstance) Problem() *Problem {
	n := len(inst.Jobs)
	p := &Problem{Horizon: inst.Horizon}
	for r, c := range inst.Capacities {
		capacity := make([]float64, inst.Horizon)
		for t := range capacity {
			capacity[t] = float64(c)
		}
		p.Resources = append(p.Resources, Resource{ID: fmt.Sprintf("R%d", r+1), Capacity: capacity})
	}
	p.Tasks = make([]Task, n-2)
	for k := 1; k < n-1; k++ {
		j := &inst.Jobs[k]
		tk := &p.Tasks[k-1]
		tk.ID = fmt.Sprintf("job%d", k+1)
		tk.Duration = j.Duration
		tk.Budget = -1
		tk.Latest = inst.Horizon - 1
		tk.Weight = 1
		tk.Mandatory = true
		for r, d := range j.Demand {
			if d > 0 {
				tk.Demand = append(tk.Demand, Demand{Resource: r, Amount: float64(d)})
			}
		}
	}
	for k := 1; k < n-1; k++ {
		for _, s := range inst.Jobs[k].Successors {
			if s > 0 && s < n-1 {
				p.Tasks[s-1].Preds = append(p.Tasks[s-1].Preds, k-1)
			}
		}
	}
	return p
}

// ReadPSPLIBReference reads a PSPLIB results table (j30opt.sm, j120hrs.sm,
// j120lb.sm): every line whose first three fields are integers gives
// parameter, instance and a makespan (or bound). The key is "<par>_<inst>".
func ReadPSPLIBReference(r io.Reader) (map[string]int, error) {
	out := map[string]int{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 3 {
			continue
		}
		par, err1 := strconv.Atoi(f[0])
		inst, err2 := strconv.Atoi(f[1])
		v, err3 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil || err3 != nil {
			continue
		}
		out[fmt.Sprintf("%d_%d", par, inst)] = v
	}
	return out, sc.Err()
}
