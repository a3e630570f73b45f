package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestServe starts the page on a free loopback port, fetches it, and stops
// it the way Ctrl+C does.
func TestServe(t *testing.T) {
	for _, c := range []struct {
		addr        string
		wantWarning bool
	}{
		{"127.0.0.1:0", false},
		{"0.0.0.0:0", true},
	} {
		t.Run(c.addr, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			pr, pw := io.Pipe()
			opened := make(chan string, 1)
			done := make(chan error, 1)
			go func() {
				done <- serve(ctx, c.addr, func(url string) error { opened <- url; return nil }, pw)
				pw.Close()
			}()
			lines := bufio.NewScanner(pr)
			var url string
			warned := false
			for url == "" && lines.Scan() {
				line := lines.Text()
				if strings.HasPrefix(line, "objector: warning:") {
					warned = true
				}
				if _, after, ok := strings.Cut(line, "the page is at "); ok {
					url, _, _ = strings.Cut(after, " ")
				}
			}
			if warned != c.wantWarning {
				t.Errorf("--addr %s: warning about exposure %v, want %v", c.addr, warned, c.wantWarning)
			}
			if !strings.HasPrefix(url, "http://127.0.0.1:") {
				t.Fatalf("the page's address %q is not on loopback", url)
			}
			go io.Copy(io.Discard, pr)
			select {
			case got := <-opened:
				if got != url {
					t.Errorf("--open opened %q, want %q", got, url)
				}
			case <-time.After(5 * time.Second):
				t.Error("--open did not open the page")
			}
			resp, err := http.Get(url)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `<form id="letter-form"`) {
				t.Errorf("GET %s: status %d, want the page", url, resp.StatusCode)
			}
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("serve returned %v after the stop", err)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("serve did not stop")
			}
		})
	}
}

func TestServeBusyPort(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	go serve(ctx, "127.0.0.1:0", nil, pw)
	line, _ := bufio.NewReader(pr).ReadString('\n')
	go io.Copy(io.Discard, pr)
	_, after, _ := strings.Cut(line, "http://")
	addr, _, _ := strings.Cut(after, "/")
	err := serve(context.Background(), addr, nil, io.Discard)
	if ue, ok := err.(*usageError); !ok || !strings.Contains(ue.hint, "--addr") {
		t.Errorf("serve on a busy port: %v, want a usage error with a hint about --addr", err)
	}
}
