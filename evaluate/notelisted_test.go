package evaluate

import (
	"testing"

	"github.com/roadmap-as-code/roadmap/evaluate/schedule"
)

// A note lists up to noteListed holders and runs of periods from an
// obstacle, which lists up to schedule.MaxListed: fewer there would
// shorten the notes.
func TestObstaclesListWhatNotesList(t *testing.T) {
	if schedule.MaxListed < noteListed {
		t.Fatalf("schedule.MaxListed = %d, below noteListed = %d", schedule.MaxListed, noteListed)
	}
}
