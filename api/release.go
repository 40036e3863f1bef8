package api

import (
	"bufio"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
)

// The whole dataset as CSV (/v1/observations as CSV, no filter) is 1.7 GB
// at 10 million figures, read from the database at a few hundred thousand
// rows a second. It is the same bytes for every download of a dataset
// version: a release. The first download of a version is kept, while it is
// sent, in a file of Options.ReleaseDir (written under a temporary name and
// renamed once complete, so that no reader sees a part); a gzip copy is
// made from it in the background. The next downloads are sent from these
// files with sendfile(2), as nginx sends a static file, in front of Echo
// like a cache hit, with the ETag of the streamed answer and the time the
// data was loaded as Last-Modified. The files of other versions are removed
// when the version changes.
//
// A filtered export (by indicator, publisher, region, year, breakdown or
// template, in the default order, with no limit) is the same bytes for
// every download of a version too, and its first download is read from the
// database at a few hundred thousand rows a second at best (100,000 by
// indicator: a row read per index entry): it is kept the same way, up to
// maxFilteredReleases files and maxFilteredBytes bytes a version.

// releasePath is the path of the one question a release answers.
const releasePath = "/v1/observations"

// releaseName names one file of a release: the filter of the export (its
// query parameters in canonical order, "" for everything), the language of
// its *_name columns, and whether it is the gzip copy.
type releaseName struct {
	filter string
	lang   string
	gzip   bool
}

// file is the file's name in the directory for version.
func (n releaseName) file(version string) string {
	name := releasePrefix(version)
	if n.filter != "" {
		sum := sha256.Sum256([]byte(n.filter))
		name += hex.EncodeToString(sum[:8]) + "-"
	}
	name += n.lang + ".csv"
	if n.gzip {
		name += ".gz"
	}
	return name
}

// releasePrefix begins the names of the files of version.
func releasePrefix(version string) string {
	sum := sha256.Sum256([]byte(version))
	return "observations-" + hex.EncodeToString(sum[:8]) + "-"
}

// maxFilteredReleases and maxFilteredBytes bound the files of filtered
// exports kept for a version (gzip copies included), so that questions
// asked once each do not fill the disk: beyond them a filtered export
// streams from the database every time.
const (
	maxFilteredReleases = 64
	maxFilteredBytes    = 4 << 30
)

// releases are the release files of the dataset version being served.
type releases struct {
	dir string
	db  interface {
		Version(ctx context.Context) (string, time.Time, error)
	}
	log *slog.Logger

	mu       sync.Mutex
	version  string                 // the version of ready and building; "" before the first request
	loadedAt time.Time              // when version's data was loaded: Last-Modified
	ready    map[string]*answerFile // by file name
	building map[string]bool
	// filteredFiles and filteredBytes are the files of filtered exports in
	// ready and building, and the bytes of those ready.
	filteredFiles int
	filteredBytes int64
	closed        bool
	work          sync.WaitGroup // the gzip copies being made
	stop          chan struct{}  // closed by close: the gzip copies stop
}

// newReleases returns the releases kept in dir, which is made if needed.
func newReleases(dir string, d interface {
	Version(ctx context.Context) (string, time.Time, error)
}, log *slog.Logger) (*releases, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return &releases{dir: dir, db: d, log: log, ready: map[string]*answerFile{},
		building: map[string]bool{}, stop: make(chan struct{})}, nil
}

// releaseFilters are the parameters of an export kept as a release file:
// its filters. A limit, a sort, a cursor, a report or a byte order mark
// make an answer that is not kept.
var releaseFilters = []string{"indicator", "publisher", "region", "year", "breakdown", "template"}

// releaseOf returns the release (its gzip unset) that a request for path
// with query asks for (acceptCSV: its Accept header asks for CSV); false
// when it asks for anything else: another path, JSON, a limit, a sort, a
// byte order mark, or a parameter given twice.
func releaseOf(path, query string, acceptCSV bool) (releaseName, bool) {
	if path != releasePath {
		return releaseName{}, false
	}
	q, err := url.ParseQuery(query)
	if err != nil {
		return releaseName{}, false
	}
	n, csv, filter := releaseName{lang: "zh"}, acceptCSV, url.Values{}
	for name, values := range q {
		if len(values) != 1 {
			return releaseName{}, false
		}
		switch v := values[0]; {
		case name == "format":
			csv = v == "csv"
		case name == "lang":
			if v != "zh" && v != "en" {
				return releaseName{}, false
			}
			n.lang = v
		case slices.Contains(releaseFilters, name):
			filter[name] = values
		default:
			return releaseName{}, false
		}
	}
	n.filter = filter.Encode()
	return n, csv
}

// use makes version the version of the releases: the files of another one
// are removed, and those of version already in the directory (made by an
// earlier run of the server, or another server on the same file) are taken
// up. It reports false when the database has moved on from version since.
func (r *releases) use(ctx context.Context, version string) bool {
	if r.version == version {
		return true
	}
	current, loadedAt, err := r.db.Version(ctx)
	if err != nil || current != version {
		return false
	}
	for _, f := range r.ready {
		f.remove()
	}
	r.version, r.loadedAt = version, loadedAt
	r.ready, r.building = map[string]*answerFile{}, map[string]bool{}
	r.filteredFiles, r.filteredBytes = 0, 0
	entries, _ := os.ReadDir(r.dir)
	prefix := releasePrefix(version)
	for _, e := range entries {
		info, err := e.Info()
		switch name := e.Name(); {
		case strings.HasPrefix(name, prefix) && err == nil && info.Mode().IsRegular():
			r.ready[name] = &answerFile{path: filepath.Join(r.dir, name), size: info.Size()}
			if isFilteredFile(name, version) {
				r.filteredFiles++
				r.filteredBytes += info.Size()
			}
		case !strings.HasPrefix(name, "."+prefix):
			// Another version's file, or what a build of it left. A
			// temporary file of this version's is left alone: a build,
			// perhaps by another server on the same directory.
			os.Remove(filepath.Join(r.dir, name))
		}
	}
	return true
}

// isFilteredFile reports whether the file name of version is of a filtered
// export, not of everything.
func isFilteredFile(name, version string) bool {
	for _, lang := range []string{"zh", "en"} {
		for _, gz := range []bool{false, true} {
			if name == (releaseName{lang: lang, gzip: gz}).file(version) {
				return false
			}
		}
	}
	return true
}

// open returns an open descriptor of the release file of version named n,
// at its start, with the file; false when there is none (yet).
func (r *releases) open(ctx context.Context, version string, n releaseName) (*answerFile, *os.File, time.Time, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed || !r.use(ctx, version) {
		return nil, nil, time.Time{}, false
	}
	f := r.ready[n.file(version)]
	if f == nil {
		return nil, nil, time.Time{}, false
	}
	src, ok := f.take()
	return f, src, r.loadedAt, ok
}

// serveRelease answers r from a release file when it asks for one that is
// ready; it reports false, having written nothing, otherwise. k is the
// request's answer key.
func (s *Server) serveRelease(w http.ResponseWriter, r *http.Request, k keyBytes, version string, start time.Time) bool {
	if s.releases == nil || r.URL.Path != releasePath || !k.valid {
		return false
	}
	uri := string(k.b[k.start:k.end])
	_, query, _ := strings.Cut(uri, "?")
	n, ok := releaseOf(r.URL.Path, query, k.csv)
	if !ok {
		return false
	}
	n.gzip = acceptsGzip(r)
	f, src, loadedAt, ok := s.releases.open(r.Context(), version, n)
	if !ok || !s.allow(r) {
		if ok {
			f.give(src)
		}
		return false
	}
	defer f.give(src)
	s.serveHit(w, r, s.releaseAnswer(f, n, version, uri, k.csv, loadedAt, r.URL.Query()), src, start)
	return true
}

// releaseAnswer is the answer of a release file: the headers that the
// streamed answer has (its ETag, and its file name from the query's
// filters, among them), with its length and Last-Modified.
func (s *Server) releaseAnswer(f *answerFile, n releaseName, version, uri string, acceptCSV bool, loadedAt time.Time, query url.Values) *answer {
	h := http.Header{}
	h.Set(echo.HeaderContentType, csvContentType)
	h.Set(echo.HeaderContentDisposition, `attachment; filename="`+fileNameOf(query, "observations", observationFileFilters...)+`.csv"`)
	h.Set("ETag", s.etag(version, uri, acceptCSV))
	h.Set("Cache-Control", s.cacheControl())
	h.Add(echo.HeaderVary, echo.HeaderAccept)
	h.Add(echo.HeaderVary, echo.HeaderAcceptEncoding)
	if n.gzip {
		h.Set(echo.HeaderContentEncoding, "gzip")
	}
	h.Set(echo.HeaderContentLength, strconv.FormatInt(f.size, 10))
	if !loadedAt.IsZero() {
		h.Set(echo.HeaderLastModified, loadedAt.UTC().Format(http.TimeFormat))
	}
	a := &answer{header: h, notModified: pick(h, append(notModifiedHeaders, echo.HeaderLastModified)),
		etag: h.Get("ETag"), lastModified: loadedAt, route: releasePath, file: f,
		observeGet: s.durations.WithLabelValues(http.MethodGet, releasePath, statusLabel(http.StatusOK))}
	return a
}

// releaseBuild is the file of a release being written from the answer
// that streams it.
type releaseBuild struct {
	r       *releases
	name    releaseName
	version string
	tmp     *os.File
	w       *bufio.Writer
	err     error // the first error writing the file: the build is dropped
}

// build starts the release file named n of version, unless it is ready or
// being built; nil then.
func (r *releases) build(ctx context.Context, version string, n releaseName) *releaseBuild {
	r.mu.Lock()
	defer r.mu.Unlock()
	file := n.file(version)
	if r.closed || !r.use(ctx, version) || r.ready[file] != nil || r.building[file] ||
		n.filter != "" && r.filteredFiles >= maxFilteredReleases {
		return nil
	}
	tmp, err := os.CreateTemp(r.dir, "."+file+".tmp-")
	if err != nil {
		r.log.Warn("release: cannot write its file", "dir", r.dir, "err", err)
		return nil
	}
	r.startBuild(n, file)
	return &releaseBuild{r: r, name: n, version: version, tmp: tmp, w: bufio.NewWriterSize(tmp, 1<<20)}
}

// Write appends p to the file; an error drops the build, not the answer.
func (b *releaseBuild) Write(p []byte) (int, error) {
	if b.err == nil {
		_, b.err = b.w.Write(p)
	}
	return len(p), nil
}

// finish renames the file into place when complete is true, the file was
// written and the database still holds the version it was read from;
// otherwise it removes it. A complete identity file starts its gzip copy.
func (b *releaseBuild) finish(ctx context.Context, complete bool) {
	if complete && b.err == nil {
		b.err = b.w.Flush()
	}
	if cerr := b.tmp.Close(); b.err == nil {
		b.err = cerr
	}
	if complete && b.err == nil {
		// A write between the start and the end of the read changed the
		// version: the rows may be of either.
		if now, _, err := b.r.db.Version(ctx); err != nil || now != b.version {
			complete = false
		}
	}
	r := b.r
	r.mu.Lock()
	defer r.mu.Unlock()
	file := b.name.file(b.version)
	if r.version == b.version {
		delete(r.building, file)
		if b.name.filter != "" {
			r.filteredFiles--
		}
	}
	path := filepath.Join(r.dir, file)
	if complete && b.err == nil && b.name.filter != "" {
		if info, err := os.Stat(b.tmp.Name()); err != nil || r.filteredBytes+info.Size() > maxFilteredBytes {
			complete = false // over the bytes of filtered exports a version keeps
		}
	}
	if !complete || b.err != nil || r.closed || r.version != b.version {
		os.Remove(b.tmp.Name())
		if b.err != nil {
			r.log.Warn("release: its file was not written", "file", path, "err", b.err)
		}
		return
	}
	// CreateTemp made it private; a release is public, for any reader of
	// the directory (another server, a static file server).
	err := os.Chmod(b.tmp.Name(), 0o644)
	if err == nil {
		err = os.Rename(b.tmp.Name(), path)
	}
	if err != nil {
		os.Remove(b.tmp.Name())
		r.log.Warn("release: its file was not written", "file", path, "err", err)
		return
	}
	info, err := os.Stat(path)
	if err != nil {
		return
	}
	r.ready[file] = &answerFile{path: path, size: info.Size()}
	if b.name.filter != "" {
		r.filteredFiles++
		r.filteredBytes += info.Size()
	}
	if !b.name.gzip {
		r.compressLater(b.version, b.name, path)
	}
}

// startBuild counts the file named n being built. r.mu is held.
func (r *releases) startBuild(n releaseName, file string) {
	r.building[file] = true
	if n.filter != "" {
		r.filteredFiles++
	}
}

// compressLater makes the gzip copy of the identity file at path, named
// identity, in the background, unless it exists or is being made. r.mu is
// held.
func (r *releases) compressLater(version string, identity releaseName, path string) {
	n := identity
	n.gzip = true
	file := n.file(version)
	if r.ready[file] != nil || r.building[file] || n.filter != "" && r.filteredFiles >= maxFilteredReleases {
		return
	}
	tmp, err := os.CreateTemp(r.dir, "."+file+".tmp-")
	if err != nil {
		return
	}
	r.startBuild(n, file)
	b := &releaseBuild{r: r, name: n, version: version, tmp: tmp, w: bufio.NewWriterSize(tmp, 1<<20)}
	r.work.Go(func() { b.finish(context.Background(), b.compress(path, r.stop) == nil) })
}

// errReleaseClosed stops a gzip copy when the server closes.
var errReleaseClosed = errors.New("release: the server closed")

// compress writes the gzip of the file at path, at gzip's best speed: a
// gzip download is then sent at the disk's speed too, and the copy of
// 1.7 GB takes seconds, not a minute.
func (b *releaseBuild) compress(path string, stop <-chan struct{}) error {
	src, err := os.Open(path)
	if err != nil {
		return err
	}
	defer src.Close()
	zw, err := gzip.NewWriterLevel(b, gzip.BestSpeed)
	if err != nil {
		return err
	}
	buf := make([]byte, 1<<20)
	for {
		select {
		case <-stop:
			return errReleaseClosed
		default:
		}
		n, rerr := src.Read(buf)
		if _, err := zw.Write(buf[:n]); err != nil {
			return err
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			return rerr
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return b.err
}

// close stops the gzip copies being made, waits for them and closes the
// descriptors kept; the files stay for the next run.
func (r *releases) close() {
	r.mu.Lock()
	if !r.closed {
		r.closed = true
		close(r.stop)
	}
	r.mu.Unlock()
	r.work.Wait()
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, f := range r.ready {
		f.closeKept()
	}
}

// teeRelease, for a request of an export as CSV (the whole dataset or a
// filter of it) whose release file is neither ready nor being built,
// writes the answer into the release file too, while it streams; finish
// completes or drops the file. It is a no-op for any other request.
func (s *Server) teeRelease(c echo.Context, rep representation) (finish func(complete bool)) {
	req := c.Request()
	if s.releases == nil || rep.bom {
		return func(bool) {}
	}
	n, ok := releaseOf(req.URL.Path, req.URL.RawQuery, acceptsCSV(req))
	if !ok {
		return func(bool) {}
	}
	k, err := s.answerKeyOf(c)
	if err != nil {
		return func(bool) {}
	}
	b := s.releases.build(req.Context(), k.version, n)
	if b == nil {
		return func(bool) {}
	}
	res := c.Response()
	tee := &teeWriter{ResponseWriter: res.Writer, copy: b}
	res.Writer = tee
	return func(complete bool) {
		res.Writer = tee.ResponseWriter
		// The file is kept only when the client got all of it too: an
		// answer cut short may have stopped the rows early.
		b.finish(context.WithoutCancel(req.Context()), complete && tee.err == nil)
	}
}

// teeWriter sends an answer to the client and writes it into copy.
type teeWriter struct {
	http.ResponseWriter
	copy io.Writer
	err  error // the first error sending to the client
}

// Write sends p and copies it.
func (t *teeWriter) Write(p []byte) (int, error) {
	t.copy.Write(p)
	n, err := t.ResponseWriter.Write(p)
	if err != nil && t.err == nil {
		t.err = err
	}
	return n, err
}

// Flush sends what was written so far (CSV answers flush as they stream).
func (t *teeWriter) Flush() { _ = http.NewResponseController(t.ResponseWriter).Flush() }

// Unwrap returns the writer of the client, for http.ResponseController.
func (t *teeWriter) Unwrap() http.ResponseWriter { return t.ResponseWriter }
