package batch_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/objector/objector"
	"github.com/objector/objector/batch"
)

// Many letters from a spreadsheet: the bad row is reported with its line
// and the run goes on.
func ExampleRun() {
	dir, err := os.MkdirTemp("", "letters")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	rows := `name,email,residence,controller
Erika Mustermann,erika@example.org,DE,linkedin
Sam Doe,sam@example.org,US-CA,linkedin;x
Nobody,not-an-email,FR,linkedin
`
	sum, err := batch.Run(context.Background(), strings.NewReader(rows), batch.Options{
		Input:   batch.CSV,
		OutDir:  dir,
		Formats: []objector.Format{objector.FormatPDF, objector.FormatEML},
		Workers: 2,
	})
	fmt.Println(sum.Rows, "rows,", sum.Written, "letters,", sum.Files, "files,", sum.Failed, "failed")
	var re *batch.RowError
	if errors.As(err, &re) {
		fmt.Println("line", re.Line, re.Field)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			fmt.Println(e.Name())
		}
	}
	// Output:
	// 3 rows, 3 letters, 6 files, 1 failed
	// line 4 email
	// 000001-linkedin-de.eml
	// 000001-linkedin-de.pdf
	// 000002-linkedin-en.eml
	// 000002-linkedin-en.pdf
	// 000002-x-en.eml
	// 000002-x-en.pdf
	// manifest.csv
}

// A CSV file as a German Excel saves it: a byte-order mark, semicolons,
// German column names, a date written day first.
func ExampleNewRowReader() {
	export := "\ufeffName;E-Mail;Wohnort;Firma;Gesendet am\r\n" +
		"Erika Mustermann;erika@example.org;DE;linkedin;01.04.2026\r\n"
	rr, err := batch.NewRowReader(strings.NewReader(export), batch.CSV, batch.ReadOptions{})
	if err != nil {
		log.Fatal(err)
	}
	defer rr.Close()
	row, err := rr.Next()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(row.Line, row.Residence, row.Controllers, row.Sent)
	// Output:
	// 2 DE [linkedin] 2026-04-01
}
