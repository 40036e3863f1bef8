package main

import (
	"bufio"
	"io"
	"sync"
	"time"
)

// Buffering of the server's log: a busy server writes its access log in a
// few large writes rather than one system call per request (nginx's
// access_log buffer= flush=). A line waits at most logFlushInterval.
const (
	logBufferSize    = 64 << 10
	logFlushInterval = 100 * time.Millisecond
)

// logBuffer gathers log lines and writes them to its writer when
// logBufferSize bytes are waiting, every logFlushInterval, and on Close.
// slog's handlers write each record with one call to Write, so lines
// from concurrent requests stay whole.
type logBuffer struct {
	mu   sync.Mutex
	buf  *bufio.Writer
	stop chan struct{}
	done chan struct{}
}

// newLogBuffer returns a logBuffer writing to w, flushing every interval.
func newLogBuffer(w io.Writer, size int, interval time.Duration) *logBuffer {
	b := &logBuffer{buf: bufio.NewWriterSize(w, size), stop: make(chan struct{}), done: make(chan struct{})}
	go b.flushEvery(interval)
	return b
}

// Write keeps p to be written with the lines around it.
func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// flushEvery writes what is waiting every interval, until Close.
func (b *logBuffer) flushEvery(interval time.Duration) {
	defer close(b.done)
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
			b.flush()
		case <-b.stop:
			return
		}
	}
}

// flush writes what is waiting.
func (b *logBuffer) flush() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Flush()
}

// Close stops the flushing and writes what is still waiting. Later lines
// are kept until the buffer fills, and may be lost.
func (b *logBuffer) Close() error {
	close(b.stop)
	<-b.done
	return b.flush()
}
