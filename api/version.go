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
// (gongkai ingest into the file being served) reaches the ETags and the
// response cache within that time. While one request reads it, the others
// go on with the version read before: none of them waits.
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
