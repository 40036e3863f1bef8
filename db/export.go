package db

import (
	"cmp"
	"context"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// An export (a CSV of everything, or of a filter) reads up to millions of
// rows. Through database/sql one connection read about 150,000 a
// CPU-second in modernc.org/sqlite, two thirds of it SQLite's own work,
// the rest the driver's. An export reads instead:
//   - on connections of SQLite's C API (rawread.go), each worker its own,
//     opened once for all the ranges it reads;
//   - whole reports (everything, or by years, publishers, region or
//     template), and their rows of some breakdowns, report by report: each
//     report's rows as one range of the table (reportsInOrderOf), not a seek
//     per row through an index;
//   - a filter by indicator from observations_indicator, which holds every
//     column of a row (migration 011): the index alone, in its order;
//   - the names of indicators, units and labels from memory, read once,
//     and each publisher's once as its rows come, not joined row by row;
//   - in parallel, on every core: ranges of publishers, emitted in order.

// namesAfterColumns are observationColumns without the publishers' names
// and division codes and with the label's id in the place of its text:
// FindObservations reads the names after the rows (namesAfter), once for
// each publisher and label of the page.
var namesAfterColumns = strings.NewReplacer("coalesce(p.name_zh, '')", "''", "coalesce(p.name_en, '')", "''",
	"coalesce(p.admin_code, '')", "''", "coalesce(l.text, '')", "o.label_id").Replace(observationColumns)

// maxExportLabels is the number of labels up to which an export holds their
// texts in memory (a few MB) rather than looking each row's up: the lookups
// were an eighth of an export's time. Beyond it memory would grow with the
// dataset, and the labels are joined. A variable for the tests.
var maxExportLabels = 100_000

// exportBlock is the size from which a block of rows made by a worker is
// handed to the writer.
const exportBlock = 64 << 10

// exportRangeRows is about the number of figures of a range of publishers
// read by one worker (a few MB of CSV): the ranges are many more than the
// workers, so that every worker reads while the writer sends the lowest.
const exportRangeRows = 25_000

// exportRangeBlocks is how many blocks of a range may wait for the writer:
// a range of exportRangeRows figures fits, so that a worker reading ahead of
// the writer does not wait for it.
const exportRangeBlocks = 96

// maxExportWorkers bounds the read connections of a parallel export,
// leaving the rest of the pool to other requests.
const maxExportWorkers = 4

// Memory: the ranges read ahead of the writer are at most workers + 1
// (exportWindow), each holding at most exportRangeBlocks blocks: with 4
// workers, 5 × 96 × 64 KB = 30 MB, whatever the size of the export.

// exportWindow is how many ranges, the one being written included, may be
// read or waiting at once.
func exportWindow(workers int) int { return workers + 1 }

// Only one export at a time is read in parallel; others read on one
// connection. A worker keeps its connection while it waits for the writer
// to take its blocks, and the writer waits for the lowest range: exports
// in parallel could each hold connections that the lowest range of another
// waits for, and none would go on.

// publisherRange is the publishers whose id is From or after and before To
// ("" for no bound).
type publisherRange struct{ From, To string }

// where is the condition on column (a publisher id) of the range, as a
// WHERE clause, with its arguments; "" for no range.
func (r publisherRange) where(column string) (string, []any) {
	var conds []string
	var args []any
	if r.From != "" {
		conds, args = append(conds, column+" >= ?"), append(args, r.From)
	}
	if r.To != "" {
		conds, args = append(conds, column+" < ?"), append(args, r.To)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// AppendObservations writes the current observations matching f, in f's
// order, as blocks of the bytes appendRow appends for each row, and hands
// each block to emit, which must not keep it. Nothing is emitted before f
// is validated, so that an error of the filter comes before any output.
//
// An export in the default order, with no cursor or limit, is read on
// connections of SQLite's C API with the names from memory (an export), in
// parallel ranges of publishers when it is not one report's or a list of
// publishers': up to GOMAXPROCS workers (maxExportWorkers at most), emitted
// in order; while another export is read so, on one connection. appendRow
// must then be safe to call from several goroutines at once, and must not
// keep r or its texts, which are read in place, valid during the call.
//
// It returns EachObservation's errors or the first error of emit.
func (d *DB) AppendObservations(ctx context.Context, f ObservationFilter, appendRow func([]byte, *ObservationRow) []byte, emit func([]byte) error) error {
	if len(f.Sort) > 0 || f.After != nil || f.Limit > 0 {
		return d.appendRows(ctx, f, appendRow, emit)
	}
	e, err := d.newExport(ctx, f, appendRow)
	if err != nil {
		return err
	}
	workers := min(runtime.GOMAXPROCS(0), maxExportWorkers)
	if workers < 2 || !f.inRanges() || !d.exporting.TryLock() {
		return e.readAlone(ctx, emit)
	}
	defer d.exporting.Unlock()
	ranges, err := d.publisherRanges(ctx, f, exportRangeRows)
	if err != nil {
		return err
	}
	return e.readInParallel(ctx, ranges, workers, emit)
}

// appendRows emits the rows of f in blocks, read through database/sql on
// one connection of the read pool: a page of a sorted order, or after a
// cursor.
func (d *DB) appendRows(ctx context.Context, f ObservationFilter, appendRow func([]byte, *ObservationRow) []byte, emit func([]byte) error) error {
	buf := make([]byte, 0, exportBlock+exportBlock/4)
	err := d.EachObservation(ctx, f, func(r *ObservationRow) error {
		if buf = appendRow(buf, r); len(buf) < exportBlock {
			return nil
		}
		err := emit(buf)
		buf = buf[:0]
		return err
	})
	if err != nil || len(buf) == 0 {
		return err
	}
	return emit(buf)
}

// export is an export in the default order being read: its query for a
// range of publishers, the names its rows are filled with, and its rows'
// bytes.
type export struct {
	d         *DB
	query     func(publisherRange) (string, []any)
	names     *exportNames
	appendRow func([]byte, *ObservationRow) []byte
	// byID: the query gives the rows in order of publisher and year, and
	// the export puts the rows of each publisher's year in order of id.
	byID bool
}

// newExport validates f and reads the names its rows are filled with.
func (d *DB) newExport(ctx context.Context, f ObservationFilter, appendRow func([]byte, *ObservationRow) []byte) (*export, error) {
	w, err := d.observationWhere(ctx, f)
	if err != nil {
		return nil, err
	}
	names, err := d.exportNames(ctx)
	if err != nil {
		return nil, err
	}
	e := &export{d: d, names: names, appendRow: appendRow}
	columns, labels := rawColumns, ""
	if names.labels == nil {
		columns, labels = rawColumnsJoined, `
		LEFT JOIN labels l ON l.id = o.label_id`
	}
	if f.byReports() {
		e.query = func(r publisherRange) (string, []any) {
			g := f
			g.publishers = r
			return reportsInOrderOf(g, columns, labels)
		}
		return e, nil
	}
	// By indicator, or one report: the rows of the filter's index, in its
	// order of publisher and year, each year's put in order of id here
	// (byID). SQLite's sort of the ids of each publisher's year (a sorter
	// for one row, or a few) took more time than the rows' reading.
	e.byID = true
	e.query = func(r publisherRange) (string, []any) {
		cond, args := r.where("o.publisher_id")
		if cond != "" {
			cond = " AND " + strings.TrimPrefix(cond, " WHERE ")
		}
		return `SELECT ` + columns + ` FROM observations o` + labels + w.String() + cond +
			` ORDER BY o.publisher_id, o.year`, append(w.args[:len(w.args):len(w.args)], args...)
	}
	return e, nil
}

// byReports reports whether f, in the default order, is read report by
// report (reportsInOrderOf): whole reports (wholeReports), or their rows of
// some breakdowns, a large share of every report, cheaper to pick from the
// report's rows than to seek row by row from observations_breakdown.
func (f ObservationFilter) byReports() bool {
	g := f
	g.Breakdowns = nil
	return g.wholeReports()
}

// inRanges reports whether an export of f in the default order is read in
// ranges of publishers: reports (byReports) but not those of a list of
// publishers, which are few, and the figures of one indicator, without a
// region or publishers, whose index observations_indicator seeks each
// range. A range added to another filter could lead the planner to another
// index (observations_publisher_year for indicators, reading every figure
// of the range), or repeat the probes of a region's publishers in each.
func (f ObservationFilter) inRanges() bool {
	if f.byReports() {
		return len(f.Publishers) == 0
	}
	return len(f.Indicators) == 1 && f.Region == "" && len(f.Publishers) == 0 && f.Report == 0
}

// readAlone emits the rows of the export read on one connection of its own.
func (e *export) readAlone(ctx context.Context, emit func([]byte) error) error {
	c, err := openRaw(e.d.Path)
	if err != nil {
		return err
	}
	defer c.close()
	rest, err := e.read(ctx, c, publisherRange{}, make([]byte, 0, exportBlock+exportBlock/4), func(b []byte) ([]byte, error) {
		return b[:0], emit(b)
	})
	if err != nil || len(rest) == 0 {
		return err
	}
	return emit(rest)
}

// read appends the rows of range r, read on c, to buf, and hands buf to
// full each time it reaches exportBlock (full returns the buffer to go on
// with). It returns the buffer with the rows appended since.
func (e *export) read(ctx context.Context, c *rawConn, r publisherRange, buf []byte, full func([]byte) ([]byte, error)) ([]byte, error) {
	query, args := e.query(r)
	var year yearRows
	var err error
	err = c.eachObservation(ctx, query, args, e.names, func(row *ObservationRow) error {
		if !e.byID {
			if buf = e.appendRow(buf, row); len(buf) >= exportBlock {
				buf, err = full(buf)
			}
			return err
		}
		// A block ends only between two years' rows, put in order.
		if !year.holds(row) {
			if buf = year.inOrder(buf); len(buf) >= exportBlock {
				if buf, err = full(buf); err != nil {
					return err
				}
			}
			year.start(row)
		}
		start := len(buf)
		buf = e.appendRow(buf, row)
		year.add(row.ID, start, len(buf))
		return nil
	})
	if e.byID && err == nil {
		buf = year.inOrder(buf)
	}
	return buf, err
}

// yearRows are the rows of a publisher's year appended last to a buffer:
// their ids and where their bytes are.
type yearRows struct {
	publisher []byte
	year      int
	rows      []appendedRow
	scratch   []byte
}

// appendedRow is a row's id and the bytes of the buffer it was appended
// as.
type appendedRow struct {
	id         int64
	start, end int
}

// holds reports whether r is of the publisher and year of y's rows.
func (y *yearRows) holds(r *ObservationRow) bool {
	return len(y.rows) > 0 && r.Year == y.year && string(y.publisher) == r.PublisherID
}

// start makes y the rows of r's publisher and year, none yet.
func (y *yearRows) start(r *ObservationRow) {
	y.publisher, y.year, y.rows = append(y.publisher[:0], r.PublisherID...), r.Year, y.rows[:0]
}

// add records the row id appended as buf[start:end].
func (y *yearRows) add(id int64, start, end int) {
	y.rows = append(y.rows, appendedRow{id, start, end})
}

// inOrder puts the rows of y, the last appended to buf, in order of id,
// and returns buf.
func (y *yearRows) inOrder(buf []byte) []byte {
	if slices.IsSortedFunc(y.rows, byRowID) {
		return buf
	}
	first := y.rows[0].start
	y.scratch = append(y.scratch[:0], buf[first:]...)
	slices.SortFunc(y.rows, byRowID)
	buf = buf[:first]
	for _, r := range y.rows {
		buf = append(buf, y.scratch[r.start-first:r.end-first]...)
	}
	return buf
}

// byRowID orders appended rows by id.
func byRowID(a, b appendedRow) int { return cmp.Compare(a.id, b.id) }

// exportBlocks are the buffers of blocks read in parallel, handed from the
// workers to the writer and back.
var exportBlocks = sync.Pool{New: func() any { b := make([]byte, 0, exportBlock+exportBlock/4); return &b }}

// readInParallel reads the ranges of the export on up to workers
// connections at once, in order and at most exportWindow ranges ahead of
// the writer, and emits their blocks in the order of the ranges.
func (e *export) readInParallel(ctx context.Context, ranges []publisherRange, workers int, emit func([]byte) error) error {
	var wg sync.WaitGroup
	defer wg.Wait()
	// Cancelled first on return, whatever ends the export: the workers
	// reading ahead, and the ranges waiting to be handed out, stop.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	blocks := make([]chan *[]byte, len(ranges))
	errs := make([]error, len(ranges))
	for i := range blocks {
		blocks[i] = make(chan *[]byte, exportRangeBlocks)
	}
	window := make(chan struct{}, exportWindow(workers)) // a token for each range read or waiting
	next := make(chan int)
	for range min(workers, len(ranges)) {
		wg.Go(func() { e.worker(ctx, ranges, next, blocks, errs) })
	}
	go func() {
		defer close(next)
		for i := range ranges {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	for i := range ranges {
		for b := range blocks[i] {
			err := emit(*b)
			*b = (*b)[:0]
			exportBlocks.Put(b)
			if err != nil {
				return err
			}
		}
		if errs[i] != nil { // written before blocks[i] was closed
			return errs[i]
		}
		<-window
	}
	return nil
}

// worker reads the ranges whose index it receives from next, on a
// connection of its own, into blocks[i], and records each range's error in
// errs[i] before it closes blocks[i].
func (e *export) worker(ctx context.Context, ranges []publisherRange, next <-chan int, blocks []chan *[]byte, errs []error) {
	var c *rawConn
	defer func() {
		if c != nil {
			c.close()
		}
	}()
	for i := range next {
		if c == nil {
			var err error
			if c, err = openRaw(e.d.Path); err != nil {
				errs[i] = err
				close(blocks[i])
				continue
			}
		}
		// p is the block being filled, the worker's until it is sent.
		p := exportBlocks.Get().(*[]byte)
		send := func(b []byte) error {
			*p = b
			select {
			case blocks[i] <- p:
				p = exportBlocks.Get().(*[]byte)
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		rest, err := e.read(ctx, c, ranges[i], (*p)[:0], func(b []byte) ([]byte, error) {
			err := send(b)
			return (*p)[:0], err
		})
		if err == nil && len(rest) > 0 {
			err = send(rest)
		}
		errs[i] = err
		*p = (*p)[:0]
		exportBlocks.Put(p)
		close(blocks[i])
	}
}

// publisherRanges splits the publishers of f's region (every publisher
// without one), in order of their ids, into ranges of about rows figures of
// f each (at least one range), estimated from the summaries: a publisher's
// figures (its reports, for a filter read by indicator: about one figure a
// report), times the share of f's years and templates in the dataset.
func (d *DB) publisherRanges(ctx context.Context, f ObservationFilter, rows int) ([]publisherRange, error) {
	count := "observations"
	if !f.byReports() {
		count = "reports"
	}
	ys := &where{}
	ys.years("year", f.Years)
	ys.in("template", f.Templates)
	sum := `SELECT coalesce(sum(` + count + `), 0) FROM summary_years`
	var part, total int
	err := d.read.QueryRowContext(ctx, sum).Scan(&total)
	part = total
	if err == nil && ys.String() != "" {
		err = d.read.QueryRowContext(ctx, sum+ys.String(), ys.args...).Scan(&part)
	}
	if err != nil || part == 0 {
		return []publisherRange{{}}, err
	}
	w := &where{}
	w.add(count + " > 0")
	if f.Region != "" {
		w.add("publisher_id IN (SELECT id FROM publishers WHERE admin_code >= ? AND admin_code < ?)", f.Region, prefixEnd(f.Region))
	}
	res, err := d.read.QueryContext(ctx, `SELECT publisher_id, `+count+` FROM summary_publishers`+w.String()+
		` ORDER BY publisher_id`, w.args...)
	if err != nil {
		return nil, err
	}
	defer res.Close()
	var ranges []publisherRange
	from, figures := "", 0
	for res.Next() {
		var id string
		var n int
		if err := res.Scan(&id, &n); err != nil {
			return nil, err
		}
		if figures*part >= rows*total {
			ranges = append(ranges, publisherRange{From: from, To: id})
			from, figures = id, 0
		}
		figures += n
	}
	if err := res.Err(); err != nil {
		return nil, err
	}
	return append(ranges, publisherRange{From: from}), nil
}

// wholeReports reports whether f selects whole reports (by years,
// publishers, region or template; not one report, which its index finds) in
// the default order, with no cursor or limit: reportsInOrderOf reads them.
func (f ObservationFilter) wholeReports() bool {
	return len(f.Indicators) == 0 && len(f.Breakdowns) == 0 && f.Report == 0 &&
		len(f.Sort) == 0 && f.After == nil && f.Limit == 0
}

// reportsInOrderOf returns the query of an export of whole reports: the
// current reports in the default order (reports_current), and each one's
// observations as one range of ids, read in order from the table without an
// index. A report is stored in one transaction, so its ids are consecutive;
// were they not, the range would hold other rows, which the report id
// leaves out. Reading a row by its index entry, then the table, was two
// thirds of an export's time. It reads columns, with labels (a join
// of the labels or nothing) after the observations, and only the rows of
// f's breakdowns if it has any.
func reportsInOrderOf(f ObservationFilter, columns, labels string) (string, []any) {
	w := &where{}
	w.add("r.superseded_by IS NULL")
	switch {
	case len(f.Publishers) > 0:
		w.in("r.publisher_id", f.Publishers)
		if cond, args := f.publishers.where("r.publisher_id"); cond != "" {
			w.add(strings.TrimPrefix(cond, " WHERE "), args...)
		}
	case f.Region != "" || !f.Years.IsZero():
		// reports_current probed publisher by publisher, for the years
		// of each: the default order, without reading other years'
		// entries or other regions'.
		sub := &where{}
		sub.prefix("admin_code", f.Region)
		if cond, args := f.publishers.where("id"); cond != "" {
			sub.add(strings.TrimPrefix(cond, " WHERE "), args...)
		}
		w.add("r.publisher_id IN (SELECT id FROM publishers"+sub.String()+")", sub.args...)
	default:
		if cond, args := f.publishers.where("r.publisher_id"); cond != "" {
			w.add(strings.TrimPrefix(cond, " WHERE "), args...)
		}
	}
	w.years("r.year", f.Years)
	w.in("r.template", f.Templates)
	w.add(`o.id BETWEEN (SELECT min(x.id) FROM observations x WHERE x.report_id = r.id)
		AND (SELECT max(x.id) FROM observations x WHERE x.report_id = r.id)`)
	w.add("+o.report_id = r.id AND +o.current = 1")
	w.in("+o.breakdown", f.Breakdowns)
	return `SELECT ` + columns + ` FROM reports r INDEXED BY reports_current CROSS JOIN observations o` + labels +
		w.String() + ` ORDER BY r.publisher_id, r.year, o.id`, w.args
}

// exportNames are what an export fills its rows with from memory: the
// indicators' and units' names, and the labels' texts by id (nil when there
// are more than maxExportLabels: they are joined). The publishers' names
// are looked up as the rows come, once for each publisher of a range
// (publisherNamesOf): reading them all first cost more than a small export.
type exportNames struct {
	*observationNames
	labels map[string][2]string
}

// exportNames reads the names an export fills its rows with.
func (d *DB) exportNames(ctx context.Context) (*exportNames, error) {
	n := &exportNames{}
	var err error
	if n.observationNames, err = d.observationNames(ctx); err != nil {
		return nil, err
	}
	var labels int
	if err := d.read.QueryRowContext(ctx, `SELECT count(*) FROM labels`).Scan(&labels); err != nil {
		return nil, err
	}
	if labels <= maxExportLabels {
		n.labels, err = d.namePairs(ctx, `SELECT id, text, '' FROM labels`)
	}
	return n, err
}

// fill sets r's names: its indicator's and unit's, and, if the labels are
// held, its label's text in place of the id read.
func (n *exportNames) fill(r *ObservationRow, indicatorID string) {
	n.observationNames.fill(r, indicatorID)
	if n.labels != nil {
		r.Label = n.labels[r.Label][0]
	}
}
