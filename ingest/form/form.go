// Package form reads the statistics tables of the 2019 and 2021 report
// formats (国办公开办函〔2019〕60号, 〔2021〕30号): table 2, proactive
// disclosure; table 3, applications received and handled; table 4,
// administrative reviews and lawsuits. The catalogue's form2019.csv and
// form2021.csv describe them; a report may mix the two.
package form

import (
	"fmt"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/source"
)

// Read reads a report in the 2019 or 2021 format: its tables 2, 3 and
// 4 wherever they stand among the narrative, and the narrative around them.
// It returns the narrative lines for meta, or a *gongkai.Error naming the
// line when lines hold no table of the format with figures.
func Read(r *gongkai.Report, cat *catalog.Catalog, lines []source.Line) ([]source.Line, error) {
	fr, read, narrative, regions, err := readTables(cat, lines, "")
	if err != nil {
		return nil, err
	}
	if hint := fr.certainTemplate(); fr.proactive.bothFit && hint != "" {
		// A block of table 2 printed no header the reader could take, and
		// its figures fit both forms' columns: the report's other tables
		// tell its form (formhint.go).
		if again, read2, narrative2, regions2, err := readTables(cat, lines, hint); err == nil {
			fr, read, narrative, regions = again, read2, narrative2, regions2
		}
	}
	lines = read
	r.Observations, r.Unplaced = fr.obs, fr.unplaced
	if r.Observations == nil {
		r.Observations = []gongkai.Observation{}
	}
	if r.Unplaced == nil {
		r.Unplaced = []gongkai.Unplaced{}
	}
	r.Template = fr.template()
	if len(r.Observations) == 0 {
		return nil, invalid(lines[regions[0].start].N, "the tables of the 2019/2021 format hold no figure of the form")
	}
	if last := regions[len(regions)-1]; !last.closed {
		r.Truncated = fr.truncated(lines[len(lines)-1].N)
	}
	return narrative, nil
}

// readTables reads the tables of lines with the form hint given ("" for
// none), and returns the reader, the lines as read, the narrative around
// the tables and the tables' regions.
func readTables(cat *catalog.Catalog, lines []source.Line, hint string) (*reader, []source.Line, []source.Line, []tableSpan, error) {
	fr := newReader(cat)
	fr.formHint = hint
	given := lines
	lines = fr.partFiguresFromHeading(fr.unglue(fr.topAligned(fr.dotRowNumbers(fr.joinWrappedLabels(fr.joinWrappedBlockNames(joinWrappedHeadings(joinWrappedHeads(layout.DropPageMarks(lines)))))))))
	regions := fr.regions(lines)
	if len(regions) == 0 {
		return nil, nil, nil, nil, invalid(layout.LineOf(lines, cat.Words(catalog.WordsDetectForm)), "the text names tables of the 2019/2021 format but holds none with figures")
	}
	fr.setStated(lines, regions)
	fr.noteOCRSigns(lines, regions)
	fr.readRuledRows(lines, regions)
	fr.readMarkedRows(lines, regions)
	var narrative []source.Line
	next := 0
	for _, g := range regions {
		narrative = append(narrative, lines[next:g.start]...)
		for _, c := range fr.cells.Cells(lines[g.start:g.end]) {
			fr.feed(c)
		}
		fr.flushLead()
		fr.closeRow()
		fr.closeReviews()
		next = g.end
	}
	narrative = append(narrative, lines[next:]...)
	fr.finish()
	fr.unplaceCountedOfOtherForm()
	fr.labelsFromForm()
	fr.readColumnBoxes(given, lines, regions) // see columnboxes.go
	fr.readReviewsBoxes(given)                // see reviewsboxes.go
	fr.readIdentityBoxes(given)               // see identityboxes.go
	return fr, lines, narrative, regions, nil
}

// template is the report's template, told by the printed headers and rows:
// 2021 when table 3's （六）其他处理 has its three rows, which only the 2021
// form has; else that of most blocks of table 2, whose columns and blocks
// differ between the forms; else that of table 3 (a single 其他处理 row is
// the 2019 layout, but many 2021 reports keep it, so it tells only when
// table 2 does not); else the 2019 format, the first that has these tables.
func (r *reader) template() string {
	applications := r.applicationsTemplate()
	if applications == gongkai.Template2021 {
		return applications
	}
	if t := r.proactiveTemplate(); t != "" {
		return t
	}
	if applications != "" {
		return applications
	}
	return gongkai.Template2019
}

// truncated says why tables that end with the file look cut off part-way:
// the last row read lacks cells, table 3 stops before its last row, or
// table 4 lacks figures. A file that holds only some whole tables (a table
// pasted alone) is not cut off.
func (r *reader) truncated(lastLine int) string {
	where := fmt.Sprintf("the tables end with the file at line %d", lastLine)
	switch {
	case r.lastTable == tableReviews && !r.reviewsComplete():
		return where + ", before table 4 (行政复议、行政诉讼) is complete; the figures after it are missing"
	case r.lastShort:
		return where + ", in the middle of a row; the cells after it are missing"
	case r.lastTable == tableApplications && r.seen[r.s.carriedForward.id] == 0:
		return where + ", before the last row of table 3 (四、结转下年度继续办理); the rows after it are missing"
	}
	return ""
}

// invalid is the error of a file that holds no table to read, at line n.
func invalid(n int, message string) error {
	return &gongkai.Error{Code: gongkai.EINVALID, Line: n, Message: message}
}
