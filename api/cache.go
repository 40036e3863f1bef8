package api

import (
	"bytes"
	"hash/maphash"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/maypok86/otter/v2"
	"github.com/prometheus/client_golang/prometheus"
)

// DefaultCacheBytes is the default size of the response cache (Options.CacheBytes).
const DefaultCacheBytes = 64 << 20

// answerOverhead is what an answer costs in the cache beside its body and
// key: its headers and the cache's own bookkeeping, roughly.
const answerOverhead = 512

// answers is the response cache: whole answers of GET requests, as sent
// (gzip-compressed when the client accepted gzip), keyed by the dataset
// version and the request's representation (see answerKey), bounded in
// bytes. A repeated question is then answered by copying bytes, as a
// static file server would: no router, no query, no JSON encoding, no
// compression (Server.ServeHTTP).
type answers struct {
	// entries are the answers by the maphash of their key under seed: a hit
	// finds its answer from the bytes of its key, without a string.
	entries      *otter.Cache[uint64, *answer]
	seed         maphash.Seed
	maxEntry     int // larger answers (a whole dataset as CSV) stream without being kept
	hits, misses prometheus.Counter
	durations    *prometheus.HistogramVec // the server's request metrics (observe)

	// fileMin is the size from which an answer is also kept as a file, in
	// dir, and sent with sendfile (Options.SendfileBytes); 0 for none.
	// The files are those of the answers in the cache, removed with them:
	// they take at most the cache's bytes on disk.
	fileMin int
	dirMu   sync.Mutex
	dir     string // made for the first file
}

// answer is one cached answer, with the headers of its 200 and of its 304
// ready to send.
type answer struct {
	key          string      // the answer key (answerKey.key)
	header       http.Header // what a 200 sends beside the request id and CORS
	notModified  http.Header // what a 304 sends beside them
	file         *answerFile // the body as a file, for sendfile; nil for most
	etag         string
	lastModified time.Time           // zero for none: only ETags are compared
	route        string              // the route's pattern, for the metrics
	observeGet   prometheus.Observer // the metrics of a GET answered 200 on the route, found once
	body         []byte
}

// answerHeaders are the headers an answer keeps; the others (request id,
// CORS) belong to each request and are set for each (serveHit).
var answerHeaders = []string{echo.HeaderContentType, echo.HeaderContentEncoding, echo.HeaderContentDisposition,
	"Link", "ETag", "Cache-Control", echo.HeaderVary}

// notModifiedHeaders are the headers of an answer that a 304 repeats (RFC 9110 §15.4.5).
var notModifiedHeaders = []string{"ETag", "Cache-Control", echo.HeaderVary}

// newAnswers returns a cache of at most size bytes whose hits and misses
// are counted in reg, and whose answers are timed in durations.
func newAnswers(size int64, reg prometheus.Registerer, durations *prometheus.HistogramVec) *answers {
	results := prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: "gongkai", Name: "response_cache_requests_total",
		Help: "Requests that could be answered from the response cache, by result (hit, miss).",
	}, []string{"result"})
	a := &answers{
		entries: otter.Must(&otter.Options[uint64, *answer]{
			MaximumWeight: uint64(size),
			Weigher: func(_ uint64, v *answer) uint32 {
				return uint32(len(v.key) + len(v.body) + answerOverhead)
			},
			OnDeletion: func(e otter.DeletionEvent[uint64, *answer]) {
				if e.Value.file != nil {
					e.Value.file.remove()
				}
			},
		}),
		seed:      maphash.MakeSeed(),
		maxEntry:  int(size / 8),
		hits:      results.WithLabelValues("hit"),
		misses:    results.WithLabelValues("miss"),
		durations: durations,
	}
	reg.MustRegister(results, prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Namespace: "gongkai", Name: "response_cache_bytes",
		Help: "Bytes held by the response cache, bodies and overhead.",
	}, func() float64 { return float64(a.entries.WeightedSize()) }))
	return a
}

// get returns the answer kept under key. Two keys of the same hash are
// told apart by the key the answer keeps: the second is a miss, and its
// answer takes the place of the first.
func (a *answers) get(key []byte) (*answer, bool) {
	ans, ok := a.entries.GetIfPresent(maphash.Bytes(a.seed, key))
	if !ok || ans.key != string(key) {
		return nil, false
	}
	return ans, true
}

// set keeps ans under its key.
func (a *answers) set(ans *answer) { a.entries.Set(maphash.String(a.seed, ans.key), ans) }

// clear drops every answer.
func (a *answers) clear() { a.entries.InvalidateAll() }

// close drops every answer and removes the directory of their files.
func (a *answers) close() error {
	a.clear()
	a.dirMu.Lock()
	defer a.dirMu.Unlock()
	if a.dir == "" {
		return nil
	}
	return os.RemoveAll(a.dir)
}

// keepFile keeps the body of ans as a file when it is large enough to be
// sent with sendfile. An answer whose file cannot be written is sent from
// memory.
func (a *answers) keepFile(ans *answer) {
	if a.fileMin <= 0 || len(ans.body) < a.fileMin {
		return
	}
	a.dirMu.Lock()
	defer a.dirMu.Unlock()
	if a.dir == "" {
		dir, err := os.MkdirTemp("", "gongkai-answers-")
		if err != nil {
			return
		}
		a.dir = dir
	}
	if f, err := newAnswerFile(a.dir, ans.body); err == nil {
		ans.file = f
	}
}

// keepAnswers keeps the 200 answers of the GET requests that missed the
// cache in front of Echo (Server.ServeHTTP), up to maxEntry bytes each. It
// runs outside the gzip middleware, so that what it keeps is what was
// sent: the gzip encoding for clients that accept it, the identity for the
// others, each under its own key.
func (s *Server) keepAnswers(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if c.Request().Method != http.MethodGet || isOperational(c) {
			return next(c)
		}
		k, err := s.answerKeyOf(c)
		if err != nil {
			return err
		}
		if !k.valid {
			return next(c)
		}
		return s.answers.record(c, k.key, next)
	}
}

// acceptsGzip reports whether the client accepts gzip, by the test of
// Echo's gzip middleware, which decides the encoding of the answer.
func acceptsGzip(req *http.Request) bool {
	return strings.Contains(req.Header.Get(echo.HeaderAcceptEncoding), "gzip")
}

// record calls next with the response writer teed into a buffer, and keeps
// the answer under key when it is a complete 200 of at most maxEntry bytes.
func (a *answers) record(c echo.Context, key string, next echo.HandlerFunc) error {
	res := c.Response()
	rec := &recorder{ResponseWriter: res.Writer, limit: a.maxEntry}
	res.Writer = rec
	err := next(c)
	res.Writer = rec.ResponseWriter
	if err != nil || res.Status != http.StatusOK || rec.over || !res.Committed {
		return err
	}
	ans := a.newAnswer(key, res.Header(), rec.body.Bytes(), c.Path())
	a.keepFile(ans)
	a.set(ans)
	return nil
}

// newAnswer is the answer under key of body sent with header by the route.
func (a *answers) newAnswer(key string, header http.Header, body []byte, route string) *answer {
	ans := &answer{key: key, header: pick(header, answerHeaders), notModified: pick(header, notModifiedHeaders),
		etag: header.Get("ETag"), route: route, body: body,
		observeGet: a.durations.WithLabelValues(http.MethodGet, route, statusLabel(http.StatusOK))}
	ans.header[echo.HeaderContentLength] = []string{strconv.Itoa(len(body))}
	return ans
}

// pick copies the fields of header named in names. Their values are
// shared by every response the answer is sent in (serveHit), so they have
// no room to grow: an Add to one of them copies rather than writes into
// the shared array.
func pick(header http.Header, names []string) http.Header {
	h := make(http.Header, len(names)+1)
	for _, name := range names {
		if v := header.Values(name); len(v) > 0 {
			h[http.CanonicalHeaderKey(name)] = slices.Clip(slices.Clone(v))
		}
	}
	return h
}

// recorder passes an answer through to the client and keeps a copy of its
// body, until the body exceeds limit bytes.
type recorder struct {
	http.ResponseWriter
	body  bytes.Buffer
	limit int
	over  bool
}

// Write sends b and keeps a copy of it.
func (r *recorder) Write(b []byte) (int, error) {
	if !r.over {
		if r.body.Len()+len(b) > r.limit {
			r.over, r.body = true, bytes.Buffer{}
		} else {
			r.body.Write(b)
		}
	}
	return r.ResponseWriter.Write(b)
}

// Flush sends what was written so far (CSV answers flush as they stream).
func (r *recorder) Flush() { _ = http.NewResponseController(r.ResponseWriter).Flush() }

// Unwrap returns the writer of the client, for http.ResponseController.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
