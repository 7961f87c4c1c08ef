package main

import (
	"os"
	"os/signal"
	"syscall"
)

// interruptChannel is closed on the first Ctrl-C or SIGTERM, so a command
// can stop cleanly; a second signal ends the program at once.
func interruptChannel() <-chan struct{} {
	ch := make(chan struct{})
	sig := make(chan os.Signal, 2)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sig
		close(ch)
		<-sig
		os.Exit(130)
	}()
	return ch
}
