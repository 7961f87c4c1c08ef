package main

import (
	"context"
	"fmt"
	"os"

	"github.com/coproduce/coproduce/internal/serve"
)

func runServe(e *env, args []string) int {
	c := commands()["serve"]
	fs := newFlags("serve")
	src := fs.String("s", ".", "the site folder, with site.yaml and content/")
	addr := fs.String("addr", "127.0.0.1:1313", "the address to listen on; keep 127.0.0.1 so only this computer can see the preview")
	drafts := fs.Bool("drafts", false, "show pages marked draft: true, with a \"Draft: not published\" banner")
	rest, code := parseFlags(fs, args, c.usage, c.summary, e)
	if code >= 0 {
		return code
	}
	if len(rest) > 0 {
		return usageError(e, "serve", c.usage, "unexpected %q", rest[0])
	}
	if info, err := os.Stat(*src); err != nil || !info.IsDir() {
		return usageError(e, "serve", c.usage, "%s is not a folder", *src)
	}
	srv, err := serve.New(serve.Options{Dir: *src, Addr: *addr, Drafts: *drafts, Log: e.stdout, Errors: e.stderr})
	if err != nil {
		fmt.Fprintf(e.stderr, "coproduce serve: %v\n", err)
		return exitContent
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		select {
		case <-e.interrupt:
			cancel()
		case <-ctx.Done():
		}
	}()
	if err := srv.Run(ctx); err != nil {
		fmt.Fprintf(e.stderr, "coproduce serve: %v\n", err)
		return exitContent
	}
	fmt.Fprintln(e.stdout, "Stopped.")
	return exitOK
}
