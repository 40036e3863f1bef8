package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest"
)

// parsedReport is the JSON document `gongkai parse` prints.
type parsedReport struct {
	File         string                `json:"file"`
	SHA256       string                `json:"sha256"`
	Publisher    parsedPublisher       `json:"publisher"`
	Year         *int                  `json:"year"`
	Template     string                `json:"template"`
	Title        string                `json:"title"`
	PublishedOn  string                `json:"published_on"`
	Contact      gongkai.Contact       `json:"contact"`
	Missing      []string              `json:"missing"`
	Truncated    string                `json:"truncated,omitempty"`
	Observations []gongkai.Observation `json:"observations"`
	Unplaced     []gongkai.Unplaced    `json:"unplaced"`
	Sections     []gongkai.Section     `json:"sections"`
}

type parsedPublisher struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Level     string `json:"level"`
	AdminCode string `json:"admin_code"`
}

func runParse(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("parse", stderr)
	jsonl := fs.Bool("jsonl", false, "parse every FILE and the files under every DIR, on every core, into one line of JSON each (for gongkai ingest --jsonl)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *jsonl {
		return parseJSONL(ctx, fs.Args(), stdout, stderr)
	}
	if fs.NArg() != 1 {
		return usageError("parse takes one FILE")
	}
	name := fs.Arg(0)
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	r, err := ingest.Parse(name, data)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return errFailed
	}
	out := parsedReport{
		File: name, SHA256: r.SHA256, Template: r.Template, Title: r.Title, PublishedOn: r.PublishedOn,
		Contact: r.Contact, Missing: r.Missing, Truncated: r.Truncated,
		Observations: r.Observations, Unplaced: r.Unplaced, Sections: r.Sections,
		Publisher: parsedPublisher{ID: r.Publisher.ID, Name: r.Publisher.NameZh, Level: r.Publisher.Level, AdminCode: r.Publisher.AdminCode},
	}
	if r.Year > 0 {
		out.Year = &r.Year
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// parseJSONL writes the records of files and directories as JSON lines. A
// file that cannot be parsed is a record with its error, which ingest
// reports: the exit status is 0 once every record is written.
func parseJSONL(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageError("parse --jsonl takes at least one FILE or DIR")
	}
	files, err := listFiles(args)
	if err != nil {
		return err
	}
	start := time.Now()
	failed, err := writeRecords(stdout, parseFiles(ctx, files, nil))
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "%d files parsed, %d with errors (%.1fs)\n", len(files), failed, time.Since(start).Seconds())
	return ctx.Err()
}
