package fetch

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// Cache keeps fetched bytes by content (objects/ab/abcdef…, named by their
// sha256) and, for each URL, what was last learned of it (urls/xy/xyz….json,
// named by the sha256 of the URL): its ETag, Last-Modified and the digest
// of its bytes.
//
// The state is one small JSON file per URL rather than one file or database
// for all: each is written whole to a temporary file and renamed over the
// old one, so that a fetch killed at any moment leaves every URL either as
// it was or as it is now, never half-written; hosts fetched in parallel
// never contend for one file; and a person can read it with cat. Bytes are
// written before the state that points to them, so a state never names
// bytes that are missing.
type Cache struct {
	Dir string
}

// URLState is what the cache knows of a URL.
type URLState struct {
	URL          string    `json:"url"`
	FinalURL     string    `json:"final_url,omitempty"` // after redirects, when it differs
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	ContentType  string    `json:"content_type,omitempty"`
	SHA256       string    `json:"sha256"`     // of the bytes, kept under objects/
	FetchedAt    time.Time `json:"fetched_at"` // when these bytes were fetched
	CheckedAt    time.Time `json:"checked_at"` // when the server last confirmed them
}

// OpenCache opens the cache in dir, creating it when it does not exist.
func OpenCache(dir string) (*Cache, error) {
	for _, sub := range []string{"objects", "urls"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return nil, fmt.Errorf("cache: %w", err)
		}
	}
	return &Cache{Dir: dir}, nil
}

// ObjectPath is where the bytes of digest sha are kept.
func (c *Cache) ObjectPath(sha string) string {
	return filepath.Join(c.Dir, "objects", sha[:2], sha)
}

func (c *Cache) statePath(url string) string {
	sum := sha256.Sum256([]byte(url))
	name := hex.EncodeToString(sum[:])
	return filepath.Join(c.Dir, "urls", name[:2], name+".json")
}

// Put keeps b and returns its sha256.
func (c *Cache) Put(b []byte) (string, error) {
	sum := sha256.Sum256(b)
	sha := hex.EncodeToString(sum[:])
	path := c.ObjectPath(sha)
	if _, err := os.Stat(path); err == nil {
		return sha, nil // content-addressed: the same bytes are already there
	}
	return sha, writeAtomic(path, b)
}

// Get returns the bytes of digest sha, or an error when they are not kept.
func (c *Cache) Get(sha string) ([]byte, error) {
	b, err := os.ReadFile(c.ObjectPath(sha))
	if err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	return b, nil
}

// State returns what the cache knows of url; ok is false when nothing is
// known, or when the bytes it names are gone.
func (c *Cache) State(url string) (s URLState, ok bool, err error) {
	b, err := os.ReadFile(c.statePath(url))
	if errors.Is(err, fs.ErrNotExist) {
		return URLState{}, false, nil
	}
	if err != nil {
		return URLState{}, false, fmt.Errorf("cache: %w", err)
	}
	if err := json.Unmarshal(b, &s); err != nil {
		return URLState{}, false, fmt.Errorf("cache: %s: %w", c.statePath(url), err)
	}
	if _, err := os.Stat(c.ObjectPath(s.SHA256)); err != nil {
		return URLState{}, false, nil
	}
	return s, true, nil
}

// SetState records s for s.URL.
func (c *Cache) SetState(s URLState) error {
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	return writeAtomic(c.statePath(s.URL), b)
}

// writeAtomic writes b to path through a temporary file in the same
// directory, synced and renamed: readers see the old file or the new one.
func writeAtomic(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	defer os.Remove(f.Name()) // after a successful rename there is nothing left to remove
	if _, err := f.Write(b); err != nil {
		f.Close()
		return fmt.Errorf("cache: %w", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("cache: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	return nil
}
