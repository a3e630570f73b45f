package jurisdiction_test

import (
	"fmt"
	"log"

	"github.com/objector/objector/jurisdiction"
)

// Which law applies depends on the date: Texas's privacy law took effect
// on 1 July 2024.
func ExampleRules_Resolve() {
	rules, err := jurisdiction.Default()
	if err != nil {
		log.Fatal(err)
	}
	for _, day := range []string{"2024-06-30", "2024-07-01"} {
		a, err := rules.Resolve("us-tx", jurisdiction.MustDate(day))
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(day, a.Regime, len(a.Rights) > 0)
	}
	// Output:
	// 2024-06-30 none false
	// 2024-07-01 us-state true
}

// GDPR "one month" is a calendar month: a request received on 31 January
// is due on the last day of February.
func ExampleDeadline_Due() {
	gdpr := jurisdiction.Deadline{Months: 1, ExtensionMonths: 2}
	fmt.Println(gdpr.Due(jurisdiction.MustDate("2026-01-31")))
	fmt.Println(gdpr.Due(jurisdiction.MustDate("2028-01-31")))
	fmt.Println(gdpr.Extended(jurisdiction.MustDate("2026-01-31")))
	// Output:
	// 2026-02-28
	// 2028-02-29
	// 2026-04-30
}

// An unknown code comes back with the nearest known ones.
func ExampleUnknownResidenceError() {
	rules, _ := jurisdiction.Default()
	_, err := rules.Resolve("DX", jurisdiction.MustDate("2026-11-24"))
	fmt.Println(err)
	// Output: unknown residence "DX" (did you mean DE, DK, MX?)
}
