package batch

import (
	"runtime/debug"
	"testing"
)

// TestTuneGC checks that TuneGC sets the throughput settings, leaves one
// the environment gives alone, and restores what it found.
func TestTuneGC(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	oldPercent := debug.SetGCPercent(150)
	oldLimit := debug.SetMemoryLimit(1 << 40)
	defer debug.SetGCPercent(oldPercent)
	defer debug.SetMemoryLimit(oldLimit)

	restore := TuneGC()
	if got := debug.SetGCPercent(-1); got != gcPercent {
		t.Errorf("GC percent during the run = %d, want %d", got, gcPercent)
	}
	debug.SetGCPercent(gcPercent)
	if got := debug.SetMemoryLimit(-1); got != memoryLimit {
		t.Errorf("memory limit during the run = %d, want %d", got, memoryLimit)
	}
	restore()
	if got := debug.SetGCPercent(-1); got != 150 {
		t.Errorf("GC percent after the run = %d, want 150", got)
	}
	debug.SetGCPercent(150)
	if got := debug.SetMemoryLimit(-1); got != 1<<40 {
		t.Errorf("memory limit after the run = %d, want %d", got, int64(1<<40))
	}

	t.Setenv("GOGC", "50")
	restore = TuneGC()
	if got := debug.SetGCPercent(-1); got != 150 {
		t.Errorf("with GOGC set, GC percent = %d, want 150 (left alone)", got)
	}
	debug.SetGCPercent(150)
	if got := debug.SetMemoryLimit(-1); got != memoryLimit {
		t.Errorf("with GOGC set, memory limit = %d, want %d", got, memoryLimit)
	}
	restore()
}
