package main

import (
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/objector/objector"
)

// encloseFlag lists enclosures under the letter; repeatable.
func encloseFlag() cli.Flag {
	return &cli.StringSliceFlag{Name: "enclose", Usage: "list `TEXT` as an enclosure of the letter (repeat for more)", EnvVars: envs("enclose")}
}

// signatureFlag names an image of the signature for PDF letters.
func signatureFlag() cli.Flag {
	return &cli.StringFlag{Name: "signature", Usage: "PDF: a PNG or JPEG `FILE` of your signature, printed above the signature line", EnvVars: envs("signature")}
}

// applyExtras adds the --enclose texts to l and returns the image of
// --signature, or nil.
func applyExtras(c *cli.Context, l *objector.Letter) ([]byte, error) {
	for _, e := range c.StringSlice("enclose") {
		if e = strings.TrimSpace(e); e != "" {
			l.Enclosures = append(l.Enclosures, e)
		}
	}
	path := c.String("signature")
	if path == "" {
		return nil, nil
	}
	sig, err := os.ReadFile(path)
	if err != nil {
		return nil, &usageError{msg: "--signature: " + err.Error(), hint: "give a PNG or JPEG file of your signature, for example --signature signature.png"}
	}
	if len(sig) == 0 {
		return nil, &usageError{msg: "--signature: " + path + " is empty", hint: "give a PNG or JPEG file of your signature, for example --signature signature.png"}
	}
	return sig, nil
}
