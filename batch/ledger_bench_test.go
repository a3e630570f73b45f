package batch

import (
	"context"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/objector/objector"
	"github.com/objector/objector/ledger"
)

// BenchmarkBatchLedger runs the same 10,000-row eml batch without and
// with a ledger, and reports letters/s and the process's CPU time (user +
// system) per letter, which other load on the machine disturbs less than
// the wall clock: recording must add under 10 % to the run (see
// ledger/BENCHMARKS.md). Run with -benchtime=1x, several times (-count).
func BenchmarkBatchLedger(b *testing.B) {
	const n = 10000
	defer TuneGC()()
	g, err := objector.New(objector.Config{}) // prepared once, outside the figures
	if err != nil {
		b.Fatal(err)
	}
	for _, withLedger := range []bool{false, true} {
		name := "ledger=off"
		if withLedger {
			name = "ledger=on"
		}
		b.Run("eml/rows=10000/"+name, func(b *testing.B) {
			b.ReportAllocs()
			var elapsed, cpu time.Duration
			for i := 0; i < b.N; i++ {
				dir := b.TempDir()
				opts := Options{Generator: g, Input: CSV, OutDir: dir, Formats: []objector.Format{objector.FormatEML}, AsOf: asOf, Workers: benchWorkers}
				var l *ledger.Ledger
				if withLedger {
					var err error
					if l, err = ledger.Open(context.Background(), filepath.Join(dir, "ledger.db"), nil); err != nil {
						b.Fatal(err)
					}
					opts.Ledger = l
				}
				runtime.GC()
				start, cpu0 := time.Now(), cpuTime()
				sum, err := Run(context.Background(), &rowSource{n: n}, opts)
				elapsed += time.Since(start)
				cpu += cpuTime() - cpu0
				if err != nil {
					b.Fatal(err)
				}
				if l != nil {
					l.Close()
					if sum.Recorded != n {
						b.Fatalf("%d recorded, want %d", sum.Recorded, n)
					}
				}
			}
			b.ReportMetric(float64(n*b.N)/elapsed.Seconds(), "letters/s")
			b.ReportMetric(float64(cpu.Microseconds())/float64(n*b.N), "cpu-µs/letter")
		})
	}
}

// cpuTime returns the CPU time (user + system) the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
