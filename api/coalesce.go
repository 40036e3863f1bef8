package api

import (
	"net"
	"net/http"
	"sync"
	"unsafe"
)

// net/http writes a response through a buffer of 4 KB: an answer of more
// than about 3.7 KB with its headers leaves in two write(2) calls, the
// full buffer and then the rest, where nginx sends one. On loopback a write
// was a third of a cache hit's CPU (docs/performance.md, "Session 6"). A
// connection accepted by Listener lets a cache hit hold its writes back
// and send the headers and the body together, in one writev(2): the
// stored body is referenced, not copied; only what passed through
// net/http's buffer (the headers and the first bytes of the body) is.

// Listener returns ln whose TCP connections let cache hits send an answer
// in one system call (serveHit). gongkai serve listens through it; other
// connections are served as they are.
func Listener(ln net.Listener) net.Listener { return heldListener{ln} }

// heldListener accepts connections that can hold their writes.
type heldListener struct{ net.Listener }

// Accept accepts a connection, as a *heldConn when it is TCP.
func (l heldListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if tcp, ok := c.(*net.TCPConn); ok {
		return &heldConn{TCPConn: tcp}, nil
	}
	return c, err
}

// heldConn is a TCP connection whose writes can be held back and sent at
// once. It keeps every other method of *net.TCPConn, ReadFrom (sendfile)
// and SyscallConn (cork) among them. Holding is done by the goroutine of
// the request being answered, the only one that writes to the connection
// while a request is served.
type heldConn struct {
	*net.TCPConn
	holding bool
	body    []byte      // the answer's stored body: referenced, not copied
	parts   net.Buffers // what was written while holding, in order
	copied  *[]byte     // the bytes of parts that were copied, from heldCopies while holding
	writes  int         // the system calls that wrote: the test of one per answer
}

// heldCopies are the buffers of the bytes held connections copy: taken for
// an answer and given back after it, so that an idle connection keeps none.
var heldCopies = sync.Pool{New: func() any { b := make([]byte, 0, 8<<10); return &b }}

// Write writes b, or, while holding, keeps it (b's bytes copied unless
// they are the body's) for release.
func (c *heldConn) Write(b []byte) (int, error) {
	if !c.holding {
		c.writes++
		return c.TCPConn.Write(b)
	}
	if within(b, c.body) {
		c.parts = append(c.parts, b)
		return len(b), nil
	}
	// An append that grows the buffer leaves the parts already kept in the
	// old one, which stays theirs.
	start := len(*c.copied)
	*c.copied = append(*c.copied, b...)
	c.parts = append(c.parts, (*c.copied)[start:len(*c.copied):len(*c.copied)])
	return len(b), nil
}

// within reports whether b is a part of body's bytes (not a copy of them).
func within(b, body []byte) bool {
	if len(b) == 0 || len(body) == 0 {
		return false
	}
	start, end := uintptr(unsafe.Pointer(unsafe.SliceData(body))), uintptr(unsafe.Pointer(unsafe.SliceData(body)))+uintptr(len(body))
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	return start <= p && p+uintptr(len(b)) <= end
}

// hold starts keeping the writes of an answer whose stored body is body.
func (c *heldConn) hold(body []byte) {
	c.holding, c.body = true, body
	c.copied = heldCopies.Get().(*[]byte)
}

// release stops holding and writes what was kept, in one system call for
// the whole answer (writev). A failed write closes the connection, so that
// net/http, which did not see it fail, reads no further request from it.
func (c *heldConn) release() {
	c.holding, c.body = false, nil
	if len(c.parts) > 0 {
		c.writes++
		parts := c.parts
		if _, err := parts.WriteTo(c.TCPConn); err != nil {
			c.TCPConn.Close()
		}
	}
	clear(c.parts)
	c.parts = c.parts[:0]
	if cap(*c.copied) <= maxHeldCopy { // an answer's headers and first bytes are far less
		*c.copied = (*c.copied)[:0]
		heldCopies.Put(c.copied)
	}
	c.copied = nil
}

// maxHeldCopy bounds the buffers of copied bytes kept for the next answers.
const maxHeldCopy = 16 << 10

// heldConnOf returns the connection of r when it can hold its writes.
func heldConnOf(r *http.Request) (*heldConn, bool) {
	c, ok := r.Context().Value(connContextKey{}).(*heldConn)
	return c, ok
}

// writeHeld writes the headers already set in w and body as one write of
// c: net/http's buffers are flushed into c while it holds them.
func writeHeld(w http.ResponseWriter, c *heldConn, body []byte) int {
	c.hold(body)
	defer c.release()
	w.WriteHeader(http.StatusOK)
	n, _ := w.Write(body)
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
	return n
}
