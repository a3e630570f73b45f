module github.com/objector/objector

go 1.23.0

require (
	github.com/BurntSushi/toml v1.4.0
	github.com/emersion/go-message v0.18.2
	github.com/jung-kurt/gofpdf v1.16.2
	github.com/nicksnyder/go-i18n/v2 v2.4.1
	github.com/rogpeppe/go-internal v1.13.1
	github.com/urfave/cli/v2 v2.27.6
	github.com/xuri/excelize/v2 v2.9.1
	golang.org/x/image v0.25.0
	golang.org/x/sync v0.14.0
	golang.org/x/term v0.32.0
	golang.org/x/text v0.25.0
)

require (
	github.com/cpuguy83/go-md2man/v2 v2.0.5 // indirect
	github.com/richardlehane/mscfb v1.0.4 // indirect
	github.com/richardlehane/msoleps v1.0.4 // indirect
	github.com/russross/blackfriday/v2 v2.1.0 // indirect
	github.com/tiendc/go-deepcopy v1.6.0 // indirect
	github.com/xrash/smetrics v0.0.0-20240521201337-686a1a2994c1 // indirect
	github.com/xuri/efp v0.0.1 // indirect
	github.com/xuri/nfp v0.0.1 // indirect
	golang.org/x/crypto v0.38.0 // indirect
	golang.org/x/net v0.40.0 // indirect
	golang.org/x/sys v0.33.0 // indirect
	golang.org/x/tools v0.22.0 // indirect
)
