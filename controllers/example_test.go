package controllers_test

import (
	"fmt"
	"log"

	"github.com/objector/objector/controllers"
	"github.com/objector/objector/jurisdiction"
)

// The responsible entity depends on where the person lives, not on the
// company's brand: LinkedIn Ireland for the EU, LinkedIn Corporation for
// the UK and the US.
func ExampleRecord_For() {
	dir, err := controllers.Default()
	if err != nil {
		log.Fatal(err)
	}
	rec, err := dir.Lookup("LinkedIn")
	if err != nil {
		log.Fatal(err)
	}
	for _, region := range []jurisdiction.Region{jurisdiction.RegionEU, jurisdiction.RegionUK, jurisdiction.RegionUS} {
		e, err := rec.For(region, jurisdiction.MustDate("2026-11-24"))
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(region, e.Name)
	}
	// Output:
	// eu LinkedIn Ireland Unlimited Company
	// uk LinkedIn Corporation
	// us LinkedIn Corporation
}

// A company's AI-training policy is dated: LinkedIn excluded EU members
// until it relied on legitimate interests from 3 November 2025.
func ExampleRecord_AI() {
	dir, _ := controllers.Default()
	rec, _ := dir.Lookup("linkedin")
	for _, day := range []string{"2025-06-01", "2025-11-03"} {
		fmt.Println(day, rec.AI(jurisdiction.RegionEU, jurisdiction.MustDate(day)).Status)
	}
	// Output:
	// 2025-06-01 excluded
	// 2025-11-03 active
}
