package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestParseJSONLThenIngest parses a synth corpus with a bad file into
// JSON lines and ingests them: the database is the one ingesting the files
// themselves builds (the same version, figures, checks and source bytes),
// and the bad file is refused the same way.
func TestParseJSONLThenIngest(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	if _, stderr, err := cli(t, "synth", "--reports", "24", "--seed", "5", "--out", corpus); err != nil {
		t.Fatalf("synth: %v\n%s", err, stderr)
	}
	if err := os.WriteFile(filepath.Join(corpus, "zz-empty.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, err := cli(t, "parse", "--jsonl", corpus)
	if err != nil {
		t.Fatalf("parse --jsonl: %v\n%s", err, stderr)
	}
	if n := strings.Count(stdout, "\n"); n != 25 {
		t.Fatalf("%d lines, want one per file (25)", n)
	}
	if !strings.Contains(stderr, "25 files parsed, 1 with errors") {
		t.Errorf("stderr %q", stderr)
	}
	jsonl := filepath.Join(dir, "parsed.jsonl")
	if err := os.WriteFile(jsonl, []byte(stdout), 0o644); err != nil {
		t.Fatal(err)
	}

	fromFiles, fromJSONL := filepath.Join(dir, "files.db"), filepath.Join(dir, "jsonl.db")
	outFiles, errFiles, err1 := cli(t, "ingest", "--db", fromFiles, corpus)
	// The JSON lines go in as a bulk load: the indexes are built at the end.
	outJSONL, errJSONL, err2 := cli(t, "ingest", "--db", fromJSONL, "--bulk", "yes", "--jsonl", jsonl)
	if err1 == nil || err2 == nil {
		t.Errorf("exit without error with a refused file: %v, %v", err1, err2)
	}
	for _, out := range []string{outFiles, outJSONL} {
		if !strings.Contains(out, "25 files: 24 stored, 0 unchanged, 0 replaced, 1 refused") {
			t.Errorf("stdout %q", out)
		}
	}
	if !strings.Contains(outJSONL, "indexes built") || strings.Contains(outFiles, "indexes built") {
		t.Errorf("a bulk load of JSON lines builds the indexes at its end, a small batch of files not:\n%s\n%s", outJSONL, outFiles)
	}
	if n := query(t, fromJSONL, `SELECT count(*) FROM deferred_indexes`); n != "0" {
		t.Errorf("%s indexes left to build", n)
	}
	if errFiles != errJSONL || !strings.Contains(errJSONL, "zz-empty.txt:1: empty file") {
		t.Errorf("refusals differ:\nfiles: %s\njsonl: %s", errFiles, errJSONL)
	}
	for _, q := range []string{
		`SELECT value FROM meta WHERE key = 'version'`,
		`SELECT count(*) || ' ' || total(value) || ' ' || group_concat(flags, '') FROM observations`,
		`SELECT count(*) || ' ' || group_concat(status || rule, ',') FROM checks`,
		`SELECT count(*) || ' ' || total(length(bytes)) FROM sources`,
		`SELECT group_concat(title || published_on, ',') FROM reports`,
		`SELECT group_concat(name || sql, ';') FROM (SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name)`,
	} {
		if a, b := query(t, fromFiles, q), query(t, fromJSONL, q); a != b || a == "" {
			t.Errorf("%s:\nfrom files %.200s\nfrom JSON lines %.200s", q, a, b)
		}
	}
}

func TestIngestJSONLRefusesGarbage(t *testing.T) {
	dir := t.TempDir()
	jsonl := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(jsonl, []byte("{\"file\":\"a.txt\"}\nnot json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, err := cli(t, "ingest", "--db", filepath.Join(dir, "g.db"), "--jsonl", jsonl)
	if err == nil || !strings.Contains(stdout, "2 refused") {
		t.Errorf("err %v stdout %q", err, stdout)
	}
	for _, want := range []string{"a.txt: record holds neither a report nor an error", "bad.jsonl:2: not a record of gongkai parse --jsonl"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr %q lacks %q", stderr, want)
		}
	}
}
