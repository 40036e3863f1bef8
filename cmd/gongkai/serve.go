package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"time"

	"github.com/gongkai/gongkai/api"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/db"
	"github.com/gongkai/gongkai/ingest"
	"github.com/gongkai/gongkai/samples"
)

// Server timeouts: generous for a streamed CSV of the whole dataset, tight
// for slow clients that hold connections open.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second
	writeTimeout      = 5 * time.Minute
	idleTimeout       = 2 * time.Minute
	shutdownTimeout   = 20 * time.Second
)

// serveGCPercent is the garbage collector's target while serving, unless
// GOGC is set. A page of 1,000 figures allocates about 2 MB over a live
// heap of a few MB: at Go's default (100) the collector ran once every two
// such pages; at 400 once every ten, for 11% less CPU a page
// (docs/performance.md, "Session 5: the region page"). The heap stays
// small: answers are streamed or bounded by the cache.
const serveGCPercent = 400

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", stderr)
	addr := fs.String("addr", ":8080", "`address` to listen on")
	dbPath := fs.String("db", "gongkai.db", "SQLite database `file`; created with the sample reports when it does not exist")
	rate := fs.Float64("rate", api.DefaultRateLimit, "requests per second allowed to each client, 0 for no limit")
	burst := fs.Int("burst", api.DefaultRateBurst, "requests a client may send at once")
	trustProxy := fs.Bool("trust-proxy", false, "take the client address from X-Forwarded-For (behind a load balancer)")
	cacheMB := fs.Int64("cache-mb", api.DefaultCacheBytes>>20, "`megabytes` of answers kept in memory for repeated questions, 0 for none")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the server to `file` until it stops (go tool pprof)")
	releaseDir := fs.String("release-dir", "", "`directory` of the release files (the whole dataset as CSV, kept by its first download of each version); default DB.release beside the database, \"off\" for none")
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch *releaseDir {
	case "":
		*releaseDir = *dbPath + ".release"
	case "off":
		*releaseDir = ""
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(serveGCPercent)
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	logs := newLogBuffer(stderr, logBufferSize, logFlushInterval)
	defer logs.Close()
	log := slog.New(slog.NewJSONHandler(logs, nil))

	if err := ensureDatabase(ctx, *dbPath, log); err != nil {
		return err
	}
	d, err := db.Open(ctx, *dbPath, true)
	if err != nil {
		return err
	}
	defer d.Close()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	cacheBytes := *cacheMB << 20
	if cacheBytes == 0 {
		cacheBytes = -1 // api.Options: negative turns the cache off
	}
	opts := api.Options{Logger: log, AccessLog: logs, RateLimit: *rate, RateBurst: *burst, TrustProxy: *trustProxy,
		CacheBytes: cacheBytes, SendfileBytes: api.DefaultSendfileBytes, ReleaseDir: *releaseDir}
	handler := api.New(d, opts)
	defer handler.Close()
	srv := &http.Server{
		Handler:           handler,
		ConnContext:       api.ConnContext,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	log.Info("serving", "addr", ln.Addr().String(), "db", *dbPath)
	fmt.Fprintf(stdout, "gongkai: serving http://%s/ (the API: /v1, its docs: /swagger/index.html)\n", ln.Addr())

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(api.Listener(ln)) }() // cache hits in one write
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down", "deadline", shutdownTimeout.String())
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// ensureDatabase creates the database with the sample reports embedded in
// the binary when path does not exist, so that a new user sees real data,
// and brings an existing one up to this binary (migrations, catalogue,
// indexes a killed bulk load left to build) before it is served read-only.
func ensureDatabase(ctx context.Context, path string, log *slog.Logger) error {
	if _, err := os.Stat(path); err == nil {
		return upgradeDatabase(ctx, path, log)
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	d, err := db.Open(ctx, path, false)
	if err != nil {
		return err
	}
	defer d.Close()
	n, err := loadSamples(ctx, d)
	if err != nil {
		os.Remove(path)
		return fmt.Errorf("loading the sample reports: %w", err)
	}
	log.Info("created database with the sample reports", "db", path, "reports", n)
	return nil
}

// upgradeDatabase opens an existing database for writing once, which
// applies the migrations this binary has and the database lacks, and
// brings its catalogue up to date. A database that cannot be written (a
// read-only replica) is served as it is, with a warning: what needs the
// newer schema then answers with errors.
func upgradeDatabase(ctx context.Context, path string, log *slog.Logger) error {
	d, err := db.Open(ctx, path, false)
	if err != nil {
		log.Warn("the database cannot be brought up to this binary's schema; serving it as it is", "db", path, "err", err)
		return nil
	}
	defer d.Close()
	return d.SyncCatalog(ctx, catalog.MustLoad())
}

// loadSamples stores every sample report embedded in the binary.
func loadSamples(ctx context.Context, d *db.DB) (int, error) {
	names, err := fs.Glob(samples.FS, "*.txt")
	if err != nil {
		return 0, err
	}
	rules, err := catalog.Rules()
	if err != nil {
		return 0, err
	}
	for _, name := range names {
		data, err := fs.ReadFile(samples.FS, name)
		if err != nil {
			return 0, err
		}
		r, err := ingest.Parse(name, data)
		if err != nil {
			return 0, err
		}
		if _, err := d.IngestReport(ctx, r, rules, db.StoreOptions{}); err != nil {
			return 0, fmt.Errorf("%s: %w", name, err)
		}
	}
	return len(names), nil
}
