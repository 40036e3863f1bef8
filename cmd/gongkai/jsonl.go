package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/gongkai/gongkai"
)

// record is one line of `gongkai parse --jsonl`: a file as the parser read
// it, with the file's bytes (the database keeps them), or why it could not
// be read. `gongkai ingest --jsonl` stores records without parsing again,
// so parsing can run on other machines.
type record struct {
	File   string          `json:"file"`
	Source []byte          `json:"source,omitempty"` // base64 in JSON
	Report *gongkai.Report `json:"report,omitempty"`
	Error  *recordError    `json:"error,omitempty"`
}

// recordError is why a file could not be parsed.
type recordError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Line    int    `json:"line,omitempty"`
}

// newRecord is the record of a file parsed.
func newRecord(p parsed) record {
	rec := record{File: p.name}
	if p.err != nil {
		rec.Error = &recordError{Code: gongkai.ErrorCode(p.err), Message: p.err.Error()}
		var ge *gongkai.Error
		if errors.As(p.err, &ge) {
			rec.Error.Message, rec.Error.Line = ge.Message, ge.Line
		}
		return rec
	}
	rec.Report, rec.Source = p.r, p.r.Source
	return rec
}

// parsed returns the report a record holds, or its error located in its file.
func (rec record) parsed() parsed {
	p := parsed{name: rec.File}
	switch {
	case rec.Error != nil:
		p.err = &gongkai.Error{Code: rec.Error.Code, File: rec.File, Line: rec.Error.Line, Message: rec.Error.Message}
	case rec.Report == nil:
		p.err = &gongkai.Error{Code: gongkai.EINVALID, File: rec.File, Message: "record holds neither a report nor an error"}
	default:
		p.r = rec.Report
		p.r.Source, p.r.FileName = rec.Source, rec.File
	}
	return p
}

// writeRecords writes each parsed file as a line of JSON, in order.
func writeRecords(w io.Writer, source <-chan parsed) (failed int, err error) {
	bw := bufio.NewWriterSize(w, 1<<20)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for p := range source {
		if p.err != nil {
			failed++
		}
		if err := enc.Encode(newRecord(p)); err != nil {
			return failed, err
		}
	}
	return failed, bw.Flush()
}

// maxRecord bounds a line of JSON: a report file of up to 48 MB in base64.
const maxRecord = 64 << 20

// readRecords reads the JSON lines of the named files ("-" for stdin),
// decodes them on every core, runs then on each (nil for nothing) and
// delivers them in order.
func readRecords(ctx context.Context, names []string, stdin io.Reader, then func(parsed) parsed) <-chan parsed {
	jobs := make(chan func() parsed)
	go func() {
		defer close(jobs)
		for _, name := range names {
			if !readLines(ctx, name, stdin, jobs) {
				return
			}
		}
	}()
	return inOrder(ctx, jobs, then)
}

// readLines sends a job decoding each line of one file; it returns false
// when ctx is done.
func readLines(ctx context.Context, name string, stdin io.Reader, jobs chan<- func() parsed) bool {
	send := func(job func() parsed) bool {
		select {
		case jobs <- job:
			return true
		case <-ctx.Done():
			return false
		}
	}
	fail := func(n int, err error) func() parsed {
		return func() parsed {
			return parsed{name: name, err: &gongkai.Error{Code: gongkai.EINVALID, File: name, Line: n, Message: err.Error()}}
		}
	}
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return send(fail(0, err))
		}
		defer f.Close()
		r = f
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), maxRecord)
	n := 0
	for sc.Scan() {
		n++
		line := bytes.Clone(sc.Bytes())
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		at := n
		if !send(func() parsed {
			var rec record
			if err := json.Unmarshal(line, &rec); err != nil {
				return fail(at, fmt.Errorf("not a record of gongkai parse --jsonl: %w", err))()
			}
			return rec.parsed()
		}) {
			return false
		}
	}
	if err := sc.Err(); err != nil {
		return send(fail(n+1, err))
	}
	return true
}
