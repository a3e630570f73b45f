package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/urfave/cli/v2"
)

// profile holds the defaults a person keeps in
// $XDG_CONFIG_HOME/objector/profile.toml so they need not type them.
type profile struct {
	Name    string   `toml:"name"`
	Email   string   `toml:"email"`
	Address []string `toml:"address"`
	Account string   `toml:"account"`
	Lang    string   `toml:"lang"`
	// An agent's details, used by commands with --agent-name (batch).
	AgentName    string   `toml:"agent_name"`
	AgentAddress []string `toml:"agent_address"`
	AgentEmail   string   `toml:"agent_email"`
}

// profilePath returns the profile file's path: --profile, or
// $XDG_CONFIG_HOME/objector/profile.toml, or ~/.config/objector/profile.toml.
func profilePath(c *cli.Context) string {
	if p := c.String("profile"); p != "" {
		return p
	}
	dir := os.Getenv("XDG_CONFIG_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(home, ".config")
	}
	return filepath.Join(dir, "objector", "profile.toml")
}

// applyProfile sets the flags the person did not give (on the command line
// or in the environment) from the profile file, if there is one.
func applyProfile(c *cli.Context) error {
	path := profilePath(c)
	if path == "" {
		return nil
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) && !c.IsSet("profile") {
		return nil
	}
	if err != nil {
		return &usageError{msg: "profile: " + err.Error(), hint: "check the file given with --profile (or OBJECTOR_PROFILE), or leave it out"}
	}
	p, perr := parseProfile(b)
	if perr != nil {
		perr.msg = fmt.Sprintf("profile %s: %s", path, perr.msg)
		return perr
	}
	set := func(flag, value string) error {
		if value == "" || c.IsSet(flag) || !hasFlag(c, flag) {
			return nil
		}
		return c.Set(flag, value)
	}
	for _, kv := range [][2]string{{"name", p.Name}, {"email", p.Email}, {"account", p.Account}, {"lang", p.Lang}, {"address", strings.Join(p.Address, "\n")},
		{"agent-name", p.AgentName}, {"agent-email", p.AgentEmail}, {"agent-address", strings.Join(p.AgentAddress, "\n")}} {
		if err := set(kv[0], kv[1]); err != nil {
			return err
		}
	}
	return nil
}

// parseProfile decodes a profile file strictly: unknown keys are errors.
// The error says what is wrong without the file's name.
func parseProfile(b []byte) (profile, *usageError) {
	var p profile
	md, err := toml.NewDecoder(bytes.NewReader(b)).Decode(&p)
	if err != nil {
		return profile{}, &usageError{msg: err.Error(), hint: "the profile is TOML with the keys name, email, address (a list of lines), account, lang, agent_name, agent_address (a list of lines) and agent_email"}
	}
	if und := md.Undecoded(); len(und) > 0 {
		return profile{}, &usageError{msg: fmt.Sprintf("unknown key %s", und[0]), hint: "the profile knows the keys name, email, address, account, lang, agent_name, agent_address and agent_email"}
	}
	return p, nil
}

// hasFlag reports whether the command defines the flag, so that a profile
// key a command does not use (name for batch, agent_name for letter) is
// skipped rather than an error.
func hasFlag(c *cli.Context, name string) bool {
	if c.Command == nil {
		return false
	}
	for _, f := range c.Command.Flags {
		for _, n := range f.Names() {
			if n == name {
				return true
			}
		}
	}
	return false
}
