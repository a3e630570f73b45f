module github.com/objector/objector

go 1.22

require (
	github.com/BurntSushi/toml v1.4.0
	github.com/emersion/go-message v0.18.2
	github.com/jung-kurt/gofpdf v1.16.2
	github.com/nicksnyder/go-i18n/v2 v2.4.1
	github.com/rogpeppe/go-internal v1.13.1
	github.com/urfave/cli/v2 v2.27.6
	golang.org/x/image v0.23.0
	golang.org/x/sync v0.10.0
	golang.org/x/term v0.27.0
	golang.org/x/text v0.21.0
)

require (
	github.com/cpuguy83/go-md2man/v2 v2.0.5 // indirect
	github.com/russross/blackfriday/v2 v2.1.0 // indirect
	github.com/xrash/smetrics v0.0.0-20240521201337-686a1a2994c1 // indirect
	golang.org/x/sys v0.28.0 // indirect
	golang.org/x/tools v0.22.0 // indirect
)
