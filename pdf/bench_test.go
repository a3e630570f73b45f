package pdf

import (
	"bufio"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/objector/objector/letter"
)

// BenchmarkLetterPDF renders one two-page letter.
func BenchmarkLetterPDF(b *testing.B) {
	r, err := NewRenderer()
	if err != nil {
		b.Fatal(err)
	}
	l := fixture()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := r.Write(io.Discard, l, Options{Creator: "objector test"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFit cuts a one-line text of n characters with an ellipsis
// (fitLine, as for a name beside the window) and breaks a word of n
// characters into lines (wrap, as for the recipient): the time grows with
// the part that is printed, not with n.
func BenchmarkFit(b *testing.B) {
	pdf := measuringDoc(b, senderSize)
	for _, n := range []int{100, 10_000, 100_000} {
		name := strings.Repeat("Erika ", n/6+1)[:n]
		word := strings.Repeat("Ä", n)
		b.Run("fitLine/runes="+strconv.Itoa(n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				fitLine(pdf, name, 75)
			}
		})
		b.Run("wrap/runes="+strconv.Itoa(n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				wrap(pdf, word, 75)
			}
		})
	}
}

// BenchmarkLongField renders the letter of BenchmarkLetterPDF with a
// sender name, or a body paragraph (the person's reasons), as long as
// Write accepts, and with a 100,000-character name, which Write refuses.
func BenchmarkLongField(b *testing.B) {
	r, err := NewRenderer()
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		edit func(l *letter.Letter)
		fail bool
	}{
		{"short", func(*letter.Letter) {}, false},
		{"name=1000", func(l *letter.Letter) { l.Sender.Name = strings.Repeat("Erika ", 1000/6+1)[:1000] }, false},
		{"reason=20000", func(l *letter.Letter) { l.Body = append(l.Body, strings.Repeat("Grund ", 20_000/6)) }, false},
		{"name=100000", func(l *letter.Letter) { l.Sender.Name = strings.Repeat("Erika ", 100_000/6+1)[:100_000] }, true},
	} {
		b.Run(c.name, func(b *testing.B) {
			l := fixture()
			c.edit(l)
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if err := r.Write(io.Discard, l, Options{}); (err != nil) != c.fail {
					b.Fatalf("Write = %v", err)
				}
			}
		})
	}
}

// BenchmarkPDF1000 renders 1,000 letters per iteration with one shared
// Renderer and GOMAXPROCS workers, as a batch run does, and reports
// letters per second and the process's peak resident memory.
func BenchmarkPDF1000(b *testing.B) {
	r, err := NewRenderer()
	if err != nil {
		b.Fatal(err)
	}
	layouts := []Options{{Paper: "a4", Window: "left"}, {Paper: "a4", Window: "right"}, {Paper: "letter", Window: "left"}}
	workers := runtime.GOMAXPROCS(0)
	const n = 1000
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		jobs := make(chan int)
		errs := make(chan error, workers)
		var wg sync.WaitGroup
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				l := fixture() // each worker its own letter, as a batch row
				for j := range jobs {
					opt := layouts[j%len(layouts)]
					opt.Creator = "objector test"
					if err := r.Write(io.Discard, l, opt); err != nil {
						errs <- err
						return
					}
				}
			}()
		}
		for j := 0; j < n; j++ {
			jobs <- j
		}
		close(jobs)
		wg.Wait()
		close(errs)
		for err := range errs {
			b.Fatal(err)
		}
	}
	elapsed := time.Since(start)
	b.ReportMetric(float64(n*b.N)/elapsed.Seconds(), "letters/s")
	if kb := peakRSSKiB(); kb > 0 {
		b.ReportMetric(float64(kb)/1024, "peak-RSS-MiB")
	}
}

// peakRSSKiB returns the process's peak resident set size (VmHWM) in KiB,
// or 0 where /proc is not available.
func peakRSSKiB() int {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), "VmHWM:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			return n
		}
	}
	return 0
}
