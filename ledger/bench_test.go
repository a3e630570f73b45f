package ledger

import (
	"context"
	"fmt"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// BenchmarkRecord records requests in groups of 1,000 (as a batch does)
// and reports the time and the process's CPU time (user + system) per
// request.
func BenchmarkRecord(b *testing.B) {
	ctx := context.Background()
	l, err := Open(ctx, filepath.Join(b.TempDir(), "ledger.db"), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	group := make([]Request, 1000)
	var cpu time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		for j := range group {
			group[j] = sample(fmt.Sprintf("OBJ-%06d-%04d", i, j), "linkedin", "2026-09-01", "2026-10-01")
		}
		b.StartTimer()
		cpu0 := cpuTime()
		if _, err := l.Record(ctx, group...); err != nil {
			b.Fatal(err)
		}
		cpu += cpuTime() - cpu0
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(group)), "µs/request")
	b.ReportMetric(float64(cpu.Microseconds())/float64(b.N*len(group)), "cpu-µs/request")
}

// cpuTime returns the CPU time (user + system) the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
