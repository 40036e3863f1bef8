// Command bytesserver serves the files of a directory from memory with Go's
// net/http and nothing else: no router, no middleware, two headers. It is
// the floor of any Go HTTP server for scripts/load.sh, which compares
// gongkai's repeated answers with it and with nginx serving the same bytes.
//
//	bytesserver ADDR DIR
//
// A request for /NAME is answered with DIR/NAME, or with DIR/NAME.gz and
// Content-Encoding: gzip when the client accepts gzip and that file exists
// (as nginx's gzip_static does).
package main

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// file is one answer: its body and its Content-Length.
type file struct {
	body   []byte
	length []string
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: bytesserver ADDR DIR")
		os.Exit(2)
	}
	files, err := load(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, "bytesserver:", err)
		os.Exit(1)
	}
	err = http.ListenAndServe(os.Args[1], http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		serve(w, r, files)
	}))
	fmt.Fprintln(os.Stderr, "bytesserver:", err)
	os.Exit(1)
}

// load reads every file of dir, by "/" and its name.
func load(dir string) (map[string]file, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	files := map[string]file{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		files["/"+e.Name()] = file{body: b, length: []string{strconv.Itoa(len(b))}}
	}
	return files, nil
}

// Header values, shared by every answer (load.sh asks for JSON only).
var (
	contentType = []string{"application/json"}
	gzipped     = []string{"gzip"}
)

// serve answers r with its file, the gzip one when accepted and present.
func serve(w http.ResponseWriter, r *http.Request, files map[string]file) {
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
	w.WriteHeader(http.StatusOK)
	w.Write(f.body)
}
