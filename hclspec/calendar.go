package hclspec

import (
	"fmt"
	"strconv"
	"time"
)

// Calendar maps 0-based period indexes to dates and labels. Period 0 is
// the period containing the roadmap's start date.
type Calendar struct {
	Unit  PeriodUnit
	Start time.Time // first day of period 0, UTC
}

// PeriodsPerYear is 52, 12, 4 or 1.
func (c Calendar) PeriodsPerYear() int {
	return PeriodsPerYear(c.Unit)
}

// PeriodsPerYear is 52 for weeks, 12 for months, 4 for quarters, 1 for years.
func PeriodsPerYear(u PeriodUnit) int {
	switch u {
	case Week:
		return 52
	case Month:
		return 12
	case Year:
		return 1
	default:
		return 4
	}
}

// NewCalendar aligns start to the beginning of its period.
func NewCalendar(unit PeriodUnit, start time.Time) Calendar {
	return Calendar{Unit: unit, Start: periodStart(unit, start)}
}

func periodStart(u PeriodUnit, t time.Time) time.Time {
	y, m, d := t.Date()
	switch u {
	case Week:
		wd := int(t.Weekday())
		if wd == 0 {
			wd = 7
		}
		return time.Date(y, m, d-(wd-1), 0, 0, 0, 0, time.UTC)
	case Month:
		return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	case Year:
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	default:
		q := (int(m) - 1) / 3
		return time.Date(y, time.Month(q*3+1), 1, 0, 0, 0, 0, time.UTC)
	}
}

// PeriodDate is the first day of period i.
func (c Calendar) PeriodDate(i int) time.Time {
	switch c.Unit {
	case Week:
		return c.Start.AddDate(0, 0, 7*i)
	case Month:
		return c.Start.AddDate(0, i, 0)
	case Year:
		return c.Start.AddDate(i, 0, 0)
	default:
		return c.Start.AddDate(0, 3*i, 0)
	}
}

// Label is "2027-W27", "2027-07", "2027-Q3" or "2027".
func (c Calendar) Label(i int) string {
	t := c.PeriodDate(i)
	switch c.Unit {
	case Week:
		y, w := t.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case Month:
		return fmt.Sprintf("%04d-%02d", t.Year(), int(t.Month()))
	case Year:
		return fmt.Sprintf("%04d", t.Year())
	default:
		return fmt.Sprintf("%04d-Q%d", t.Year(), (int(t.Month())-1)/3+1)
	}
}

// IndexOf is the index of the period containing t (negative before start).
func (c Calendar) IndexOf(t time.Time) int {
	t = periodStart(c.Unit, t)
	switch c.Unit {
	case Week:
		return int(t.Sub(c.Start).Hours()/24) / 7
	case Month:
		return (t.Year()-c.Start.Year())*12 + int(t.Month()) - int(c.Start.Month())
	case Year:
		return t.Year() - c.Start.Year()
	default:
		return ((t.Year()-c.Start.Year())*12 + int(t.Month()) - int(c.Start.Month())) / 3
	}
}

// fitsPattern reports whether s has the form of pattern, in which each
// '9' stands for an ASCII digit and every other byte for itself. Dates
// are matched this way rather than by regular expressions, which every
// run of the CLI compiled at start-up.
func fitsPattern(s, pattern string) bool {
	if len(s) != len(pattern) {
		return false
	}
	for i := range len(s) {
		if pattern[i] == '9' {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		} else if s[i] != pattern[i] {
			return false
		}
	}
	return true
}

// The dates a roadmap may name: from the first day of MinYear to the last
// of MaxYear. Every label then has a four-digit year that parses back
// (year 0 would give ISO weeks of year -1, "-001-W52"), and renderers
// never meet a date they cannot write.
const (
	MinYear = 1900
	MaxYear = 9999
)

// ParseDateSpan parses "YYYY-MM-DD", "YYYY-MM", "YYYY-Qn", "YYYY-Www" (ISO
// week) or "YYYY" into the half-open span of days [from, to) it names,
// which must lie within the years MinYear to MaxYear.
func ParseDateSpan(s string) (from, to time.Time, err error) {
	from, to, err = parseDateSpan(s)
	if err == nil && (from.Year() < MinYear || to.After(EndOfDates())) {
		return from, to, fmt.Errorf("%q is outside the dates a roadmap may name, the years %d to %d", s, MinYear, MaxYear)
	}
	return from, to, err
}

// EndOfDates is the day after the last a roadmap may name.
func EndOfDates() time.Time {
	return time.Date(MaxYear+1, 1, 1, 0, 0, 0, 0, time.UTC)
}

func parseDateSpan(s string) (from, to time.Time, err error) {
	atoi := func(x string) int { n, _ := strconv.Atoi(x); return n }
	switch {
	case fitsPattern(s, "9999-99-99"):
		y, mo, d := atoi(s[:4]), atoi(s[5:7]), atoi(s[8:])
		from = time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
		if mo < 1 || mo > 12 || from.Day() != d {
			return from, to, fmt.Errorf("%q is not a calendar date", s)
		}
		return from, from.AddDate(0, 0, 1), nil
	case fitsPattern(s, "9999-99"):
		mo := atoi(s[5:])
		if mo < 1 || mo > 12 {
			return from, to, fmt.Errorf("%q: month must be 01..12", s)
		}
		from = time.Date(atoi(s[:4]), time.Month(mo), 1, 0, 0, 0, 0, time.UTC)
		return from, from.AddDate(0, 1, 0), nil
	case fitsPattern(s, "9999-Q9") && s[6] >= '1' && s[6] <= '4':
		from = time.Date(atoi(s[:4]), time.Month((atoi(s[6:])-1)*3+1), 1, 0, 0, 0, 0, time.UTC)
		return from, from.AddDate(0, 3, 0), nil
	case fitsPattern(s, "9999-W99"):
		y, w := atoi(s[:4]), atoi(s[6:])
		// ISO week 1 is the week holding January 4th.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		from = periodStart(Week, jan4).AddDate(0, 0, 7*(w-1))
		if gy, gw := from.ISOWeek(); w < 1 || gy != y || gw != w {
			return from, to, fmt.Errorf("%q: year %d has no ISO week %d", s, y, w)
		}
		return from, from.AddDate(0, 0, 7), nil
	case fitsPattern(s, "9999"):
		from = time.Date(atoi(s), 1, 1, 0, 0, 0, 0, time.UTC)
		return from, from.AddDate(1, 0, 0), nil
	}
	return from, to, fmt.Errorf("%q is not a date: use \"YYYY-MM-DD\", \"YYYY-MM\", \"YYYY-Qn\", \"YYYY-Www\" or \"YYYY\"", s)
}

// FirstPeriod is the index of the period holding the first day of s.
func (c Calendar) FirstPeriod(s string) (int, error) {
	from, _, err := ParseDateSpan(s)
	if err != nil {
		return 0, err
	}
	return c.IndexOf(from), nil
}

// LastPeriod is the index of the period holding the last day of s.
func (c Calendar) LastPeriod(s string) (int, error) {
	_, to, err := ParseDateSpan(s)
	if err != nil {
		return 0, err
	}
	return c.IndexOf(to.AddDate(0, 0, -1)), nil
}
