package api

import (
	"context"
	"time"
)

// versionRead is the dataset version as last read from the database, and when.
type versionRead struct {
	version string
	at      time.Time
}

// dataVersion returns the dataset version, read from the database at most
// once per Options.VersionTTL, so that a change written by another process
// (gongkai ingest into the file being served) reaches the ETags, the
// response cache and the memo within that time. While one request reads
// it, the others go on with the version read before: none of them waits.
func (s *Server) dataVersion(ctx context.Context) (string, error) {
	last := s.version.Load()
	if last != nil && time.Since(last.at) < s.opts.VersionTTL {
		return last.version, nil
	}
	if last != nil {
		if !s.readingVersion.CompareAndSwap(false, true) {
			return last.version, nil
		}
		defer s.readingVersion.Store(false)
	}
	v, _, err := s.db.Version(ctx)
	if err != nil {
		return "", err
	}
	s.version.Store(&versionRead{version: v, at: time.Now()})
	if last != nil && v != last.version && s.answers != nil {
		s.answers.clear() // keyed by version, the old answers would never be asked again
	}
	return v, nil
}

// memo holds values computed once per dataset version (see memoize).
type memo struct {
	version string
	values  map[string]any
}

// memoize returns the value of key for the current dataset version,
// computing it with fn once per version.
func memoize[T any](ctx context.Context, s *Server, key string, fn func() (T, error)) (T, error) {
	var zero T
	version, err := s.dataVersion(ctx)
	if err != nil {
		return zero, err
	}
	s.mu.Lock()
	if s.memo.version != version || s.memo.values == nil {
		s.memo = memo{version: version, values: map[string]any{}}
	}
	values := s.memo.values // of this version: a value computed now must not land in the next one's
	v, ok := values[key]
	s.mu.Unlock()
	if ok {
		return v.(T), nil
	}
	t, err := fn()
	if err != nil {
		return zero, err
	}
	s.mu.Lock()
	values[key] = t
	s.mu.Unlock()
	return t, nil
}
