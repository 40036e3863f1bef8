package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

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

func runParse(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("parse", stderr)
	if err := fs.Parse(args); err != nil {
		return err
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
