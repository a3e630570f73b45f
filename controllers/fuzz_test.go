package controllers_test

import (
	"io/fs"
	"reflect"
	"strconv"
	"testing"
	"testing/fstest"
	"unicode"
	"unicode/utf8"

	"github.com/objector/objector/controllers"
	"github.com/objector/objector/jurisdiction"
)

// FuzzParse feeds arbitrary bytes to Parse, the parser of the records a
// person passes with --controllers. It must never panic; a record it
// accepts must load as a file named after its id, be found by its id, hold
// only valid one-line text (nothing that could break a letter or an email
// header), and answer every region on any date without panicking.
func FuzzParse(f *testing.F) {
	entries, err := fs.ReadDir(controllers.Data, ".")
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		b, err := fs.ReadFile(controllers.Data, e.Name())
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(""))
	f.Add([]byte("id = \"x\"\nname = \"X\"\nnotes = [\"no entity known\"]\n"))
	f.Add([]byte("id = \"x\"\nname = \"X\"\n[[entity]]\nregions = [\"eu\"]\nname = \"X\\nBcc: a@b.c\"\naddress = [\"A\"]\neffective_from = 2020-01-01\nsource = \"https://example.com\"\nchecked = 2026-01-01\n"))
	f.Add([]byte("id = \"x\"\nname = \"X\"\nbogus = 1\n"))
	dates := []jurisdiction.Date{{}, jurisdiction.MustDate("1970-01-01"), jurisdiction.MustDate("2026-11-24"), jurisdiction.MustDate("9999-12-31")}
	f.Fuzz(func(t *testing.T, b []byte) {
		rec, err := controllers.Parse(b)
		if err != nil {
			if rec != nil {
				t.Fatalf("Parse returned a record and the error %v", err)
			}
			return
		}
		d, err := controllers.Load(fstest.MapFS{rec.ID + ".toml": &fstest.MapFile{Data: b}})
		if err != nil {
			t.Fatalf("Parse accepts the record, Load of %s.toml does not: %v", rec.ID, err)
		}
		if got, err := d.Lookup(rec.ID); err != nil || got.ID != rec.ID {
			t.Fatalf("Lookup(%q) = %v, %v", rec.ID, got, err)
		}
		checkText(t, reflect.ValueOf(rec).Elem(), "record")
		for _, reg := range jurisdiction.Regions {
			for _, day := range dates {
				if e, err := rec.For(reg, day); err == nil && e == nil {
					t.Fatalf("For(%s, %s) returned neither an entity nor an error", reg, day)
				}
				rec.AI(reg, day)
				rec.SettingsFor(reg, day, controllers.Purposes)
				rec.FormsFor(reg, day, controllers.Purposes)
			}
		}
	})
}

// checkText fails t if a string reachable from v is not valid UTF-8 or
// holds a control character or a Unicode line or paragraph separator.
func checkText(t *testing.T, v reflect.Value, path string) {
	t.Helper()
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		if !utf8.ValidString(s) {
			t.Fatalf("%s: %q is not valid UTF-8", path, s)
		}
		for _, r := range s {
			if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
				t.Fatalf("%s: %q holds the control character %U", path, s, r)
			}
		}
	case reflect.Pointer:
		if !v.IsNil() {
			checkText(t, v.Elem(), path)
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			checkText(t, v.Index(i), path+"["+strconv.Itoa(i)+"]")
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				checkText(t, v.Field(i), path+"."+v.Type().Field(i).Name)
			}
		}
	}
}
