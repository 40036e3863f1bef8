package main

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is the destination of a logBuffer, read by the test while
// the flusher writes into it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestLogBufferFlushes: a line reaches the log once the interval has
// passed, without waiting for the buffer to fill.
func TestLogBufferFlushes(t *testing.T) {
	var out lockedBuffer
	logs := newLogBuffer(&out, 1<<10, 10*time.Millisecond)
	defer logs.Close()
	fmt.Fprintln(logs, "request 1")
	for deadline := time.Now().Add(2 * time.Second); out.String() == ""; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the line was not written within 2 s")
		}
	}
	if got := out.String(); got != "request 1\n" {
		t.Errorf("log %q", got)
	}
}

// TestLogBufferKeepsLines: lines written at once by many requests come out
// whole and all of them, the last ones on Close.
func TestLogBufferKeepsLines(t *testing.T) {
	var out lockedBuffer
	logs := newLogBuffer(&out, 256, time.Hour) // only a full buffer and Close write
	line := func(g, i int) string {
		return fmt.Sprintf("request %d of client %d, %s", i, g, strings.Repeat("x", i%40))
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 100 {
				fmt.Fprintln(logs, line(g, i))
			}
		})
	}
	wg.Wait()
	if err := logs.Close(); err != nil {
		t.Fatal(err)
	}
	got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	var want []string
	for g := range 8 {
		for i := range 100 {
			want = append(want, line(g, i))
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("%d lines written, not the 800 whole lines of the requests", len(got))
	}
}
