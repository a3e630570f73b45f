package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/objector/objector"
	"github.com/objector/objector/internal/suggest"
)

// finish gives every command of app the behaviour objector's commands
// share: an unknown flag gets a did-you-mean instead of the whole help,
// and an error about a flag whose value came from an OBJECTOR_ variable
// names the variable. args are the process's arguments.
func finish(app *cli.App, args []string) {
	app.OnUsageError = usageHook
	var walk func([]*cli.Command)
	walk = func(cmds []*cli.Command) {
		for _, cmd := range cmds {
			cmd.OnUsageError = usageHook
			if action := cmd.Action; action != nil {
				cmd.Action = func(c *cli.Context) error { return blameEnv(c, args, action(c)) }
			}
			walk(cmd.Subcommands)
		}
	}
	walk(app.Commands)
}

// usageHook turns a flag parsing error into a usage error: for an unknown
// flag, with the flags closest to it.
func usageHook(c *cli.Context, err error, _ bool) error {
	help := "objector --help"
	var flags []cli.Flag
	if c.Command != nil && c.Command.Name != "" {
		help = "objector " + c.Command.FullName() + " --help"
		flags = c.Command.Flags
	} else {
		flags = c.App.Flags
	}
	// The flag package has no error type for this; its message is the
	// only way to tell.
	if _, name, ok := strings.Cut(err.Error(), "flag provided but not defined: "); ok {
		name = strings.TrimLeft(name, "-")
		var names []string
		for _, f := range flags {
			for _, n := range f.Names() {
				if len(n) > 1 {
					names = append(names, n)
				}
			}
		}
		ue := &usageError{msg: "unknown flag --" + name, hint: "run '" + help + "' for the flags"}
		if near := suggest.Closest(name, names, 3, 3); len(near) > 0 {
			for i := range near {
				near[i] = "--" + near[i]
			}
			ue.hint = "did you mean " + strings.Join(near, " or ") + "? " + ue.hint
		}
		return ue
	}
	return &usageError{msg: err.Error(), hint: "run '" + help + "' for the flags"}
}

// blameEnv returns err, naming the OBJECTOR_ variable that set the flag
// err is about when that flag was not given on the command line.
func blameEnv(c *cli.Context, args []string, err error) error {
	if err == nil {
		return nil
	}
	var (
		ue   *usageError
		fe   *objector.FieldError
		flag string
	)
	switch {
	case errors.As(err, &ue):
		flag = ue.flag
	case errors.As(err, &fe):
		flag = strings.TrimPrefix(fieldFlags[fe.Field], "--")
	}
	if flag == "" || os.Getenv(envName(flag)) == "" || onCommandLine(c, args, flag) {
		return err
	}
	return &envError{env: envName(flag), flag: flag, err: err}
}

// onCommandLine reports whether flag, or one of its aliases, is among
// args.
func onCommandLine(c *cli.Context, args []string, flag string) bool {
	names := []string{flag}
	if c.Command != nil {
		for _, f := range c.Command.Flags {
			if n := f.Names(); len(n) > 0 && n[0] == flag {
				names = n
			}
		}
	}
	for _, a := range args {
		if a == "--" {
			break
		}
		a = strings.TrimLeft(a, "-")
		a, _, _ = strings.Cut(a, "=")
		for _, n := range names {
			if a == n {
				return true
			}
		}
	}
	return false
}

// envError is an error about a flag whose value came from the
// environment.
type envError struct {
	env, flag string
	err       error
}

func (e *envError) Error() string {
	return e.err.Error() + " (the value comes from " + e.env + " in the environment)"
}

func (e *envError) Unwrap() error { return e.err }

// envHint is the second hint for an [*envError].
func (e *envError) hint() string {
	return fmt.Sprintf("unset %s, or give --%s on the command line to override it", e.env, e.flag)
}
