package objector_test

import (
	"context"
	"io"
	"testing"

	"github.com/objector/objector"
)

// BenchmarkGenerate composes one letter (German residence, English).
func BenchmarkGenerate(b *testing.B) {
	g := generator(b)
	req := person("DE", "en")
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := g.Generate(ctx, req); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRender writes one composed letter in each format a batch
// writes.
func BenchmarkRender(b *testing.B) {
	g := generator(b)
	l, err := g.Generate(context.Background(), person("DE", "en"))
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range []objector.Format{objector.FormatEML, objector.FormatText, objector.FormatPDF} {
		b.Run(string(f), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if err := g.Render(io.Discard, l, f, objector.RenderOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
