// Command bytesserver serves the files of a directory with Go's net/http
// and nothing else: no router, no middleware, two headers. It is the floor
// of any Go HTTP server for scripts/load.sh, which compares gongkai's
// repeated answers with it and with nginx serving the same bytes.
//
//	bytesserver ADDR DIR [memory|sendfile]
//
// A request for /NAME is answered with DIR/NAME, or with DIR/NAME.gz and
// Content-Encoding: gzip when the client accepts gzip and that file exists
// (as nginx's gzip_static does).
//
// memory (the default) writes the bytes from memory. sendfile sends them
// from the file with sendfile(2), as nginx does (sendfile on; tcp_nopush
// on): the headers and the body are corked (TCP_CORK) so that they leave
// in full segments, and the open files are kept for the next requests, so
// that a request costs a seek rather than an open and a close. It tells
// whether answers kept as files would answer faster than from memory.
package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// file is one answer: its body, its Content-Length, and for sendfile its
// open descriptors not in use.
type file struct {
	body   []byte
	length []string
	path   string
	open   chan *os.File
}

func main() {
	if len(os.Args) < 3 || len(os.Args) > 4 {
		fmt.Fprintln(os.Stderr, "usage: bytesserver ADDR DIR [memory|sendfile]")
		os.Exit(2)
	}
	send := sendMemory
	if len(os.Args) == 4 {
		switch os.Args[3] {
		case "memory":
		case "sendfile":
			send = sendFile
		default:
			fmt.Fprintf(os.Stderr, "bytesserver: mode %q: want memory or sendfile\n", os.Args[3])
			os.Exit(2)
		}
	}
	files, err := load(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, "bytesserver:", err)
		os.Exit(1)
	}
	srv := &http.Server{
		Addr: os.Args[1],
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			serve(w, r, files, send)
		}),
		ConnContext: func(ctx context.Context, c net.Conn) context.Context {
			return context.WithValue(ctx, connKey{}, c)
		},
	}
	err = srv.ListenAndServe()
	fmt.Fprintln(os.Stderr, "bytesserver:", err)
	os.Exit(1)
}

// connKey is the context key of a request's connection.
type connKey struct{}

// load reads every file of dir, by "/" and its name.
func load(dir string) (map[string]*file, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	files := map[string]*file{}
	for _, e := range entries {
		path := filepath.Join(dir, e.Name())
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		files["/"+e.Name()] = &file{body: b, length: []string{strconv.Itoa(len(b))}, path: path, open: make(chan *os.File, 256)}
	}
	return files, nil
}

// Header values, shared by every answer (load.sh asks for JSON only).
var (
	contentType = []string{"application/json"}
	gzipped     = []string{"gzip"}
)

// serve answers r with its file, the gzip one when accepted and present.
func serve(w http.ResponseWriter, r *http.Request, files map[string]*file, send func(http.ResponseWriter, *http.Request, *file) error) {
	h := w.Header()
	f, ok := files[r.URL.Path+".gz"]
	if ok && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		h["Content-Encoding"] = gzipped
	} else if f, ok = files[r.URL.Path]; !ok {
		http.NotFound(w, r)
		return
	}
	h["Content-Type"] = contentType
	h["Content-Length"] = f.length
	if err := send(w, r, f); err != nil {
		fmt.Fprintln(os.Stderr, "bytesserver:", err)
	}
}

// sendMemory writes the body from memory.
func sendMemory(w http.ResponseWriter, _ *http.Request, f *file) error {
	w.WriteHeader(http.StatusOK)
	_, err := w.Write(f.body)
	return err
}

// sendFile sends the body from its file with sendfile(2): net/http's
// ResponseWriter hands an *os.File to TCPConn.ReadFrom once the headers are
// flushed.
func sendFile(w http.ResponseWriter, r *http.Request, f *file) error {
	src, err := f.take()
	if err != nil {
		return err
	}
	defer f.give(src)
	conn, err := r.Context().Value(connKey{}).(syscall.Conn).SyscallConn()
	if err != nil {
		return err
	}
	cork(conn, 1)
	defer cork(conn, 0)
	w.WriteHeader(http.StatusOK)
	if err := http.NewResponseController(w).Flush(); err != nil {
		return err
	}
	_, err = io.Copy(w, &io.LimitedReader{R: src, N: int64(len(f.body))})
	return err
}

// cork sets TCP_CORK on conn: 1 holds partial segments back, 0 sends them.
func cork(conn syscall.RawConn, on int) {
	_ = conn.Control(func(fd uintptr) { _ = syscall.SetsockoptInt(int(fd), syscall.IPPROTO_TCP, syscall.TCP_CORK, on) })
}

// take returns an open descriptor of f at its start.
func (f *file) take() (*os.File, error) {
	select {
	case src := <-f.open:
		_, err := src.Seek(0, io.SeekStart)
		return src, err
	default:
		return os.Open(f.path)
	}
}

// give keeps src for another request, or closes it when enough are kept.
func (f *file) give(src *os.File) {
	select {
	case f.open <- src:
	default:
		src.Close()
	}
}
