package batch

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/objector/objector"
)

// rowSource generates a CSV of n rows on the fly, so the benchmark's input
// takes no memory: the batch's own memory is what is measured.
type rowSource struct {
	n, i int
	buf  []byte
}

var benchResidences = []string{"DE", "US-CA", "AT", "US-VA", "GB", "IE", "CH", "US-CO"}

func (s *rowSource) Read(p []byte) (int, error) {
	for len(s.buf) == 0 {
		switch {
		case s.i > s.n:
			return 0, io.EOF
		case s.i == 0:
			s.buf = append(s.buf, header...)
		default:
			k := strconv.Itoa(s.i)
			s.buf = append(s.buf, "Person "+k+",p"+k+"@example.org,"+benchResidences[s.i%len(benchResidences)]+",linkedin,\"Street "+k+"; 10115 City\"\n"...)
		}
		s.i++
	}
	n := copy(p, s.buf)
	s.buf = s.buf[n:]
	return n, nil
}

// BenchmarkBatch runs batches of 1,000 and 10,000 rows (one letter each)
// per format and reports letters/s and the peak heap in use, sampled every
// 5 ms: flat memory means the 10,000-row figure matches the 1,000-row one.
// The garbage collector is set by TuneGC, as objector batch does (GOGC=100
// in the environment measures Go's default). Run with -benchtime=1x; see
// BENCHMARKS.md.
func BenchmarkBatch(b *testing.B) {
	defer TuneGC()()
	for _, format := range []string{"pdf", "eml", "txt"} {
		f, err := objector.ParseFormat(format)
		if err != nil {
			b.Logf("skipping %s: %v", format, err)
			continue
		}
		for _, n := range []int{1000, 10000} {
			b.Run(fmt.Sprintf("%s/rows=%d", format, n), func(b *testing.B) {
				if _, err := objector.New(objector.Config{}); err != nil { // prepared once per process, outside the figures
					b.Fatal(err)
				}
				b.ReportAllocs()
				var letters int
				var elapsed time.Duration
				var peak uint64
				for i := 0; i < b.N; i++ {
					dir := b.TempDir()
					runtime.GC()
					stop := sampleHeap(&peak)
					start := time.Now()
					sum, err := Run(context.Background(), &rowSource{n: n}, Options{Input: CSV, OutDir: dir, Formats: []objector.Format{f}, AsOf: asOf, Workers: benchWorkers})
					elapsed += time.Since(start)
					stop()
					if err != nil {
						b.Fatal(err)
					}
					if sum.Written != n {
						b.Fatalf("%d letters written, want %d", sum.Written, n)
					}
					letters += sum.Written
				}
				b.ReportMetric(float64(letters)/elapsed.Seconds(), "letters/s")
				b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
			})
		}
	}
}

// sampleHeap records the largest HeapInuse until stop is called.
func sampleHeap(peak *uint64) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapInuse > *peak {
				*peak = m.HeapInuse
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}

var benchWorkers, _ = strconv.Atoi(envOr("OBJECTOR_BENCH_WORKERS", "0"))

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
