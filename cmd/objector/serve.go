package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/objector/objector"
	"github.com/objector/objector/web"
)

func serveCommand() *cli.Command {
	return &cli.Command{
		Name:      "serve",
		Usage:     "serve a web page on this computer that writes the letter",
		UsageText: "objector serve [--addr 127.0.0.1:8080] [--open]",
		Description: `Serves one page in the browser for people who prefer a form to
commands: where you live, the company, your details; it shows the rights
you have and gives the letter as a PDF, an email draft, a mailto: link,
the text for the company's own form or a calendar date. The page keeps
nothing, sets no cookies and loads nothing from elsewhere; it answers on
this computer only unless --addr says otherwise. Ctrl+C stops it.

Examples:
  objector serve --open
  objector serve --addr 127.0.0.1:9000`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "addr", Value: "127.0.0.1:8080", Usage: "the `HOST:PORT` to listen on; 0.0.0.0 exposes the page to the network", EnvVars: envs("addr")},
			&cli.BoolFlag{Name: "open", Usage: "open the page in the default browser", EnvVars: envs("open")},
		},
		Action: func(c *cli.Context) error {
			if err := noTrailingFlags(c); err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM)
			defer stop()
			var open func(string) error
			if c.Bool("open") {
				open = openBrowser
			}
			return serve(ctx, c.String("addr"), open, c.App.ErrWriter)
		},
	}
}

// serve serves the page on addr until ctx is done, telling the person on
// stderr where it is; open, if not nil, opens that address in a browser.
func serve(ctx context.Context, addr string, open func(url string) error, stderr io.Writer) error {
	gen, err := objector.New(objector.Config{})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return &usageError{msg: fmt.Sprintf("--addr %s: %v", addr, err), hint: "choose another port, for example --addr 127.0.0.1:8081"}
	}
	url := "http://" + pageHost(addr, ln.Addr().(*net.TCPAddr)) + "/"
	if !ln.Addr().(*net.TCPAddr).IP.IsLoopback() {
		fmt.Fprintf(stderr, "objector: warning: %s is reachable from other computers: anyone who can reach it can use the page, and what people type travels unencrypted; put it behind a reverse proxy with HTTPS, or use --addr 127.0.0.1:PORT\n", ln.Addr())
	}
	srv := &http.Server{
		Handler:           web.New(gen, web.Options{}),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		// net/http logs the client's address with some errors: keep no
		// trace of who used the page.
		ErrorLog: log.New(io.Discard, "", 0),
	}
	fmt.Fprintf(stderr, "objector: the page is at %s (Ctrl+C stops it)\n", url)
	if open != nil {
		if err := open(url); err != nil {
			fmt.Fprintf(stderr, "objector: note: could not open a browser (%v); open %s yourself\n", err, url)
		}
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Fprintln(stderr, "objector: stopped")
	return nil
}

// pageHost returns the host:port a browser on this computer reaches a
// listener on a, which listens on addr: an unspecified address (0.0.0.0,
// [::], or none) is reached on loopback, IPv6 only if addr asked for it.
func pageHost(addr string, a *net.TCPAddr) string {
	ip := a.IP
	if ip.IsUnspecified() {
		ip = net.IPv4(127, 0, 0, 1)
		if host, _, err := net.SplitHostPort(addr); err == nil && strings.Contains(host, ":") {
			ip = net.IPv6loopback
		}
	}
	return net.JoinHostPort(ip.String(), fmt.Sprint(a.Port))
}

// openBrowser opens url in the default browser: xdg-open on Linux and
// the BSDs, open on macOS, start on Windows.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("cmd", "/c", "start", "", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() // reap it; the browser outlives nothing of ours
	return nil
}
