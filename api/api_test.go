package api_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/gongkai/gongkai/api"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/db"
	"github.com/gongkai/gongkai/ingest"
	"github.com/gongkai/gongkai/samples"
)

// sampleDB is a database file holding the embedded sample reports, built
// once for all tests; each test server opens it read-only, as gongkai serve does.
// seriesDB holds one publisher's reports in the three templates
// (testdata/series: 2017 legacy, 2019, 2021; invented figures beside the
// seed's real ones).
var sampleDB, seriesDB string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "gongkai-api")
	if err != nil {
		panic(err)
	}
	sampleDB = filepath.Join(dir, "gongkai.db")
	seriesDB = filepath.Join(dir, "series.db")
	if err := buildDB(sampleDB, samples.FS); err != nil {
		panic(err)
	}
	if err := buildDB(seriesDB, os.DirFS("../testdata/series")); err != nil {
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// buildDB stores every report file of fsys, in name order, as gongkai
// ingest does: checked against the year before, checks stored with it.
func buildDB(path string, fsys fs.FS) error {
	ctx := context.Background()
	d, err := db.Open(ctx, path, false)
	if err != nil {
		return err
	}
	defer d.Close()
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return err
	}
	for _, e := range entries {
		b, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			return err
		}
		r, err := ingest.Parse(e.Name(), b)
		if err != nil {
			return err
		}
		if _, err := d.IngestReport(ctx, r, catalog.MustRules(), db.StoreOptions{}); err != nil {
			return err
		}
	}
	return nil
}

// testServer is an API server over the sample database, with the OpenAPI 3
// document that every answer is checked against.
type testServer struct {
	*httptest.Server
	api    *api.Server
	router routers.Router
	doc    *openapi3.T
}

func newTestServer(t testing.TB, opts api.Options) *testServer {
	t.Helper()
	return newTestServerOn(t, sampleDB, opts)
}

// newTestServerOn is newTestServer on another database file.
func newTestServerOn(t testing.TB, path string, opts api.Options) *testServer {
	t.Helper()
	d, err := db.Open(context.Background(), path, true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	srv := api.New(d, opts)
	t.Cleanup(func() { srv.Close() })
	ts := &testServer{Server: httptest.NewUnstartedServer(srv), api: srv}
	ts.Config.ConnContext = api.ConnContext // as gongkai serve: hits can be sent with sendfile
	ts.Listener = api.Listener(ts.Listener) // and in one write
	ts.Start()
	t.Cleanup(ts.Close)
	if ts.doc, err = api.OpenAPI3(ts.URL); err != nil {
		t.Fatal(err)
	}
	if ts.router, err = legacy.NewRouter(ts.doc); err != nil {
		t.Fatal(err)
	}
	return ts
}

// get requests path with the given headers (pairs of name and value),
// checks the answer against the OpenAPI document, and returns it with its
// body (decompressed if gzipped).
func (ts *testServer) get(t *testing.T, path string, headers ...string) (*http.Response, []byte) {
	t.Helper()
	req, resp := ts.do(t, path, headers...)
	defer resp.Body.Close()
	var r io.Reader = resp.Body
	if resp.Header.Get("Content-Encoding") == "gzip" {
		gz, err := gzip.NewReader(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		r = gz
	}
	body, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	ts.validate(t, req, resp, body)
	return resp, body
}

// do sends a GET of path with the given headers (pairs of name and value).
func (ts *testServer) do(t *testing.T, path string, headers ...string) (*http.Request, *http.Response) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, ts.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return req, resp
}

// validate checks an answer against the OpenAPI 3 document: status,
// content type and body schema. Answers outside the documented API (Swagger
// UI, 304s without body, unknown paths) are skipped.
func (ts *testServer) validate(t *testing.T, req *http.Request, resp *http.Response, body []byte) {
	t.Helper()
	if resp.StatusCode == http.StatusNotModified || strings.HasPrefix(req.URL.Path, "/swagger") {
		return
	}
	route, pathParams, err := ts.router.FindRoute(req)
	if err != nil {
		if resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusMovedPermanently {
			return // an unknown path: nothing documents it
		}
		t.Fatalf("%s: no documented route: %v", req.URL, err)
	}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{
			Request: req, PathParams: pathParams, Route: route,
			Options: &openapi3filter.Options{MultiError: true},
		},
		Status:  resp.StatusCode,
		Header:  resp.Header,
		Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	}
	in.SetBodyBytes(body)
	if err := openapi3filter.ValidateResponse(context.Background(), in); err != nil {
		t.Errorf("%s: answer %d does not match the OpenAPI document: %v\nbody: %.500s", req.URL, resp.StatusCode, err, body)
	}
}

// getJSON gets path, expects the status, and decodes the body into v.
func (ts *testServer) getJSON(t *testing.T, path string, status int, v any) *http.Response {
	t.Helper()
	resp, body := ts.get(t, path)
	if resp.StatusCode != status {
		t.Fatalf("%s: status %d, want %d\n%s", path, resp.StatusCode, status, body)
	}
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("%s: %v\n%s", path, err, body)
	}
	return resp
}

func lines(b []byte) []string {
	return strings.Split(strings.TrimSuffix(string(b), "\r\n"), "\r\n")
}

var _ = bytes.HasPrefix
