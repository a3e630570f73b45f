package batch

import (
	"os"
	"runtime/debug"
)

// The garbage collector's settings for a run (see [TuneGC]). A PDF letter
// allocates about 5 MB that is garbage once the file is written (gofpdf
// parses the font and makes two zlib writers for every document), while
// the live heap (directory, messages, letters in flight) stays at
// 10-25 MiB. Go's default (GOGC=100) then collects after every few letters,
// about a quarter of the CPU of a PDF batch.
const (
	// gcPercent lets the heap grow to nine times the live heap between
	// collections...
	gcPercent = 800
	// memoryLimit ...until it reaches 128 MiB, the soft limit for all of
	// the Go runtime's memory, which keeps the process well below
	// 200 MiB whatever the run's length.
	memoryLimit = 128 << 20
)

// TuneGC sets the process's garbage collector for the throughput of a long
// run (debug.SetGCPercent(800) and debug.SetMemoryLimit of 128 MiB: few
// collections, and a process that stays below 200 MiB) and returns a
// function that restores the settings it found. A setting the environment gives (GOGC,
// GOMEMLIMIT) is left as it is, so a user can override either.
//
// The settings are the whole process's: TuneGC is for a program that runs
// batches (objector batch calls it around [Run]), not for a library to
// call behind its caller's back, and not for concurrent use.
func TuneGC() (restore func()) {
	percent, limit := -2, int64(-1)
	if os.Getenv("GOGC") == "" {
		percent = debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		limit = debug.SetMemoryLimit(memoryLimit)
	}
	return func() {
		if percent != -2 {
			debug.SetGCPercent(percent)
		}
		if limit >= 0 {
			debug.SetMemoryLimit(limit)
		}
	}
}
