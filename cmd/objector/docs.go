package main

import (
	"fmt"
	"io"

	"github.com/urfave/cli/v2"
)

// The hidden commands below write files that come from the command
// definitions themselves, so they cannot drift from them: the manual page
// and the shell completions that release archives carry
// (.goreleaser.yaml runs them).

func manCommand() *cli.Command {
	return &cli.Command{
		Name:   "man",
		Usage:  "write objector's manual page (troff) to standard output",
		Hidden: true,
		Action: func(c *cli.Context) error {
			if err := noTrailingFlags(c); err != nil {
				return err
			}
			page, err := c.App.ToManWithSection(1) // section 1: user commands
			if err != nil {
				return fmt.Errorf("writing the manual page: %w", err)
			}
			_, err = io.WriteString(c.App.Writer, page)
			return err
		},
	}
}

func completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "write the shell completion script for bash, zsh or fish to standard output",
		UsageText: "objector completion bash|zsh|fish",
		Hidden:    true,
		Action: func(c *cli.Context) error {
			var script string
			switch shell := c.Args().First(); shell {
			case "bash":
				script = bashCompletion
			case "zsh":
				script = zshCompletion
			case "fish":
				s, err := c.App.ToFishCompletion()
				if err != nil {
					return fmt.Errorf("writing the fish completion: %w", err)
				}
				script = s
			default:
				return &usageError{msg: fmt.Sprintf("no completion for the shell %q", shell), hint: "give bash, zsh or fish, for example: objector completion bash > /etc/bash_completion.d/objector"}
			}
			_, err := io.WriteString(c.App.Writer, script)
			return err
		},
	}
}

// bashCompletion asks objector itself for the words that may follow
// (urfave/cli's --generate-bash-completion), so it knows every command and
// flag of the binary it completes.
const bashCompletion = `# bash completion for objector; source it, or put it in
# /etc/bash_completion.d/objector or ~/.local/share/bash-completion/completions/objector
_objector() {
	local cur="${COMP_WORDS[COMP_CWORD]}" words
	if [[ "$cur" == -* ]]; then
		words=$("${COMP_WORDS[@]:0:COMP_CWORD}" "$cur" --generate-bash-completion 2>/dev/null)
	else
		words=$("${COMP_WORDS[@]:0:COMP_CWORD}" --generate-bash-completion 2>/dev/null)
	fi
	COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -o default -F _objector objector
`

// zshCompletion does the same for zsh.
const zshCompletion = `#compdef objector
# zsh completion for objector; put it in a folder of $fpath as _objector
_objector() {
	local -a candidates
	if [[ "${words[CURRENT]}" == -* ]]; then
		candidates=(${(f)"$(${words[1,CURRENT]} --generate-bash-completion 2>/dev/null)"})
	else
		candidates=(${(f)"$(${words[1,CURRENT-1]} --generate-bash-completion 2>/dev/null)"})
	fi
	compadd -a candidates
}
compdef _objector objector
`
