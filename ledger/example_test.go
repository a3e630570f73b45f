package ledger_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/objector/objector/ledger"
)

func Example() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "ledger")
	defer os.RemoveAll(dir)
	l, err := ledger.Open(ctx, filepath.Join(dir, "ledger.db"), nil)
	if err != nil {
		log.Fatal(err)
	}
	defer l.Close()

	day := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	_, err = l.Record(ctx, ledger.Request{
		Ref: "OBJ-ABCD-EFGH", Company: "linkedin", Entity: "LinkedIn Ireland Unlimited Company",
		Residence: "DE", Regime: "gdpr", Kind: "objection", Lang: "de",
		Date: day("2026-09-01"), Due: day("2026-10-01"), ExtensionLimit: day("2026-12-01"),
		Sender: ledger.Sender{Name: "Erika Mustermann", Email: "erika@example.org"},
		Files:  []string{filepath.Join(dir, "brief.pdf")},
	})
	if err != nil {
		log.Fatal(err)
	}
	overdue, err := l.List(ctx, ledger.Filter{AsOf: day("2026-10-05"), Overdue: true})
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range overdue {
		fmt.Println(r.Ref, r.Company, "due", r.Due.Format("2006-01-02"), r.Shown(day("2026-10-05")))
	}
	// Output: OBJ-ABCD-EFGH linkedin due 2026-10-01 overdue
}
