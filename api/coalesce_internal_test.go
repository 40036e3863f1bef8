package api

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"strconv"
	"testing"
)

// TestWriteHeld: an answer written held on a connection of Listener leaves
// in one system call whatever its size (net/http alone writes one of more
// than its 4 KB buffer in two), with its headers and every byte of its
// body, and the connection serves the next request.
func TestWriteHeld(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	writes := make(chan int, 1)
	srv := &http.Server{
		ConnContext: ConnContext,
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			n, _ := strconv.Atoi(r.URL.Query().Get("n"))
			body := bodyOf(n)
			c, ok := heldConnOf(r)
			if !ok {
				t.Error("a connection of Listener cannot hold its writes")
				return
			}
			before := c.writes
			w.Header()["Content-Length"] = []string{strconv.Itoa(n)}
			w.Header()["X-Answer"] = []string{"held"}
			if sent := writeHeld(w, c, body); sent != n {
				t.Errorf("%d bytes written of %d", sent, n)
			}
			writes <- c.writes - before
		}),
	}
	go srv.Serve(Listener(ln))
	t.Cleanup(func() { srv.Close() })
	client := &http.Client{Transport: &http.Transport{MaxConnsPerHost: 1}} // one connection, kept alive
	for _, n := range []int{0, 10, 3000, 4096, 5000, 65536, 300_000, 10} {
		resp, err := client.Get("http://" + ln.Addr().String() + "/?n=" + strconv.Itoa(n))
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, bodyOf(n)) || resp.Header.Get("X-Answer") != "held" {
			t.Errorf("%d bytes: got %d bytes (same: %v), header %q", n, len(got), bytes.Equal(got, bodyOf(n)), resp.Header.Get("X-Answer"))
		}
		if w := <-writes; w != 1 {
			t.Errorf("%d bytes: %d writes, want 1", n, w)
		}
	}
}

// bodyOf is a body of n bytes that are not all alike.
func bodyOf(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('a' + i%26)
	}
	return b
}
