package api

import (
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"sync"
	"syscall"
)

// Large answers are sent as nginx sends files: with sendfile(2), the
// headers and the body corked (TCP_CORK) so that they leave in full
// segments. Measured side by side (docs/performance.md, SENDFILE=1
// scripts/load.sh), this takes a quarter less CPU than writing from memory
// for a page of 409 KB, and more below 64 KB, where the cork's two system
// calls and the separate write of the headers cost more than the copy
// they save.

// DefaultSendfileBytes is the size from which gongkai serve sends cached
// answers with sendfile (Options.SendfileBytes).
const DefaultSendfileBytes = 256 << 10

// keptDescriptors is how many open descriptors of an answer's file are
// kept for the next requests, so that most cost a seek rather than an
// open and a close.
const keptDescriptors = 8

// connContextKey is the context key of a request's connection.
type connContextKey struct{}

// ConnContext puts the connection into the context of its requests, so
// that cache hits can cork it around sendfile. It is an
// http.Server.ConnContext.
func ConnContext(ctx context.Context, c net.Conn) context.Context {
	return context.WithValue(ctx, connContextKey{}, c)
}

// answerFile is the body of a cached answer kept as a file, with open
// descriptors of it not in use. It is removed when the answer leaves the
// cache; requests sending it then keep their descriptor until they are
// done.
type answerFile struct {
	path string
	size int64

	mu      sync.Mutex
	free    []*os.File
	removed bool
}

// newAnswerFile writes body into a new file of dir.
func newAnswerFile(dir string, body []byte) (*answerFile, error) {
	f, err := os.CreateTemp(dir, "answer-")
	if err != nil {
		return nil, err
	}
	_, err = f.Write(body)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return nil, err
	}
	return &answerFile{path: f.Name(), size: int64(len(body))}, nil
}

// take returns a descriptor of the file at its start; false once the file
// is removed.
func (f *answerFile) take() (*os.File, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.removed {
		return nil, false
	}
	if n := len(f.free); n > 0 {
		src := f.free[n-1]
		f.free = f.free[:n-1]
		if _, err := src.Seek(0, io.SeekStart); err == nil {
			return src, true
		}
		src.Close()
	}
	src, err := os.Open(f.path)
	return src, err == nil
}

// give keeps src for another request, or closes it.
func (f *answerFile) give(src *os.File) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.removed || len(f.free) >= keptDescriptors {
		src.Close()
		return
	}
	f.free = append(f.free, src)
}

// remove closes the kept descriptors and removes the file.
func (f *answerFile) remove() {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, src := range f.free {
		src.Close()
	}
	f.free, f.removed = nil, true
	os.Remove(f.path)
}

// closeKept closes the descriptors kept for the next requests; the file
// stays.
func (f *answerFile) closeKept() {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, src := range f.free {
		src.Close()
	}
	f.free = nil
}

// sendBody sends the body of a after the headers already set in w: with
// sendfile from src (an open descriptor of a.file at its start; nil to take
// one from a.file) when it can, otherwise from memory (with the headers in
// one write on a connection of Listener), or, for an answer
// kept only as a file, by copying the file. It returns the bytes sent.
func sendBody(w http.ResponseWriter, r *http.Request, a *answer, src *os.File) int {
	if src == nil && a.file != nil && r.Method != http.MethodHead {
		if f, ok := a.file.take(); ok {
			defer a.file.give(f)
			src = f
		}
	}
	if src != nil {
		if n, sent := sendFile(w, r, src, a.file.size); sent {
			return n
		}
	}
	if c, ok := heldConnOf(r); ok && a.body != nil && r.Method != http.MethodHead {
		return writeHeld(w, c, a.body)
	}
	w.WriteHeader(http.StatusOK)
	if a.body == nil && src != nil && r.Method != http.MethodHead {
		n, _ := io.Copy(w, &io.LimitedReader{R: src, N: a.file.size})
		return int(n)
	}
	n, _ := w.Write(a.body)
	return n
}

// sendFile sends size bytes of src, corked, after the headers already set
// in w; it reports false, having written nothing, when the request is a
// HEAD, or the connection cannot be corked (HTTP/2, a test's writer): the
// caller writes otherwise then.
func sendFile(w http.ResponseWriter, r *http.Request, src *os.File, size int64) (int, bool) {
	if r.Method == http.MethodHead {
		return 0, false
	}
	conn, ok := r.Context().Value(connContextKey{}).(syscall.Conn)
	if !ok {
		return 0, false
	}
	raw, err := conn.SyscallConn()
	if err != nil {
		return 0, false
	}
	cork(raw, 1)
	defer cork(raw, 0)
	w.WriteHeader(http.StatusOK)
	if err := http.NewResponseController(w).Flush(); err != nil {
		return 0, true
	}
	// net/http hands an *os.File to TCPConn.ReadFrom once the headers are
	// out: sendfile(2), for the length of the file and no further.
	n, _ := io.Copy(w, &io.LimitedReader{R: src, N: size})
	return int(n), true
}
