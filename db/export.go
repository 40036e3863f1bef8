package db

import (
	"context"
	"runtime"
	"strings"
	"sync"
)

// An export (a CSV of everything) reads millions of rows. One connection
// read them at about 150,000 a CPU-second in modernc.org/sqlite through the
// observation indexes, two thirds of it SQLite's own work. An export of
// whole reports reads each report's rows as one range of the table instead
// (reportsInOrder), with names and labels from memory: about 350,000 a
// CPU-second. The rows are read on every core, each worker on its own
// connection and its own range of publishers, and written in order. Each
// worker reads on a connection of SQLite's C API rather than database/sql
// (rawread.go): 1.6-2.4 times the rows a CPU-second.

// exportColumns are observationColumns without the publishers' names and
// division codes, which an export takes from memory: looking them up row by
// row was a tenth of its time. exportFrom is observationFrom without the
// publishers. exportColumnsNoLabels and exportFromNoLabels also leave out
// the labels' texts (the label's id comes in their place), when they are
// few enough to be held in memory too (maxExportLabels).
var (
	exportColumns = strings.NewReplacer("coalesce(p.name_zh, '')", "''", "coalesce(p.name_en, '')", "''",
		"coalesce(p.admin_code, '')", "''").Replace(observationColumns)
	exportFrom = ` FROM observations o
	LEFT JOIN labels l ON l.id = o.label_id`
	exportColumnsNoLabels = strings.Replace(exportColumns, "coalesce(l.text, '')", "o.label_id", 1)
	exportFromNoLabels    = ` FROM observations o`
)

// maxExportLabels is the number of labels up to which an export holds their
// texts in memory (a few MB) rather than looking each row's up: the lookups
// were an eighth of an export's time. Beyond it memory would grow with the
// dataset, and the labels are joined.
const maxExportLabels = 100_000

// exportBlock is the size from which a block of rows made by a worker is
// handed to the writer.
const exportBlock = 64 << 10

// exportAhead is how many blocks a worker may make ahead of the writer:
// memory stays within workers × exportAhead × exportBlock, whatever the
// size of the export.
const exportAhead = 4

// maxExportWorkers bounds the read connections of a parallel export,
// leaving the rest of the pool to other requests.
const maxExportWorkers = 4

// Only one export at a time is read in parallel; others read on one
// connection. A worker keeps its connection while it waits for the writer
// to take its blocks, and the writer waits for the lowest range: exports
// in parallel could each hold connections that the lowest range of another
// waits for, and none would go on.

// exportChunksPerWorker splits an export into more ranges than workers, so
// that a range of many figures does not leave the other workers idle.
const exportChunksPerWorker = 8

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
// An export of whole reports (everything, or by years, publishers, region
// or template) in the default order, with no cursor or limit, is read
// report by report (reportsInOrder) and in
// parallel: ranges of publishers holding about the same number of figures
// (from the summaries), each read on its own connection by up to GOMAXPROCS
// workers (maxExportWorkers at most), emitted in order; while another
// export is read so, on one connection. appendRow must then be safe to call
// from several goroutines at once. appendRow must not keep r or its texts:
// an export of whole reports reads them in place, valid during the call.
//
// It returns EachObservation's errors or the first error of emit.
func (d *DB) AppendObservations(ctx context.Context, f ObservationFilter, appendRow func([]byte, *ObservationRow) []byte, emit func([]byte) error) error {
	if !f.splittable() {
		return d.appendRange(ctx, f, appendRow, emit)
	}
	if _, _, err := d.observationQuery(ctx, f); err != nil {
		return err
	}
	names, err := d.exportNames(ctx)
	if err != nil {
		return err
	}
	f.namesApart, f.labelsApart = true, names.labels != nil
	withNames := func(dst []byte, r *ObservationRow) []byte {
		names.fill(r)
		return appendRow(dst, r)
	}
	workers := min(runtime.GOMAXPROCS(0), maxExportWorkers)
	if workers < 2 || !d.exporting.TryLock() {
		return d.appendRange(ctx, f, withNames, emit)
	}
	defer d.exporting.Unlock()
	ranges, err := d.publisherRanges(ctx, workers*exportChunksPerWorker)
	if err != nil {
		return err
	}
	return d.appendInParallel(ctx, f, ranges, workers, withNames, emit)
}

// splittable reports whether f reads whole reports in the default order
// (wholeReports), not yet cut into ranges: then ranges of publishers read
// separately and joined in order are the same rows in the same order.
func (f ObservationFilter) splittable() bool {
	return f.wholeReports() && f.publishers == (publisherRange{}) && !f.namesApart
}

// appendRange emits the rows of f in blocks, read on one connection: a
// rawConn of its own for whole reports with the labels apart, otherwise
// one of the read pool.
func (d *DB) appendRange(ctx context.Context, f ObservationFilter, appendRow func([]byte, *ObservationRow) []byte, emit func([]byte) error) error {
	each := d.EachObservation
	if f.labelsApart && f.wholeReports() {
		c, err := openRaw(d.Path)
		if err != nil {
			return err
		}
		defer c.close()
		each = func(ctx context.Context, f ObservationFilter, fn func(*ObservationRow) error) error {
			return d.eachRawObservation(ctx, c, f, fn)
		}
	}
	buf := make([]byte, 0, exportBlock+exportBlock/4)
	err := each(ctx, f, func(r *ObservationRow) error {
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

// appendInParallel reads the ranges of f on up to workers connections at
// once, the lowest ranges first, and emits their blocks in the order of the
// ranges.
func (d *DB) appendInParallel(ctx context.Context, f ObservationFilter, ranges []publisherRange, workers int,
	appendRow func([]byte, *ObservationRow) []byte, emit func([]byte) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	blocks := make([]chan []byte, len(ranges))
	errs := make([]error, len(ranges))
	for i := range blocks {
		blocks[i] = make(chan []byte, exportAhead)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	defer wg.Wait()
	for range workers {
		wg.Go(func() {
			for i := range next {
				g := f
				g.publishers = ranges[i]
				errs[i] = d.appendRange(ctx, g, appendRow, func(b []byte) error {
					select {
					case blocks[i] <- append([]byte(nil), b...):
						return nil
					case <-ctx.Done():
						return ctx.Err()
					}
				})
				close(blocks[i])
			}
		})
	}
	go func() {
		defer close(next)
		for i := range ranges {
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	for i := range ranges {
		for b := range blocks[i] {
			if err := emit(b); err != nil {
				cancel()
				return err
			}
		}
		if errs[i] != nil { // written before blocks[i] was closed
			return errs[i]
		}
	}
	return nil
}

// publisherRanges splits the publishers, in order of their ids, into at
// most n ranges of about the same number of current figures, counted by the
// summaries.
func (d *DB) publisherRanges(ctx context.Context, n int) ([]publisherRange, error) {
	rows, err := d.read.QueryContext(ctx, `SELECT publisher_id, observations FROM summary_publishers
		WHERE observations > 0 ORDER BY publisher_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	type count struct {
		id string
		n  int
	}
	var counts []count
	total := 0
	for rows.Next() {
		var c count
		if err := rows.Scan(&c.id, &c.n); err != nil {
			return nil, err
		}
		counts = append(counts, c)
		total += c.n
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var ranges []publisherRange
	from, sum := "", 0
	for _, c := range counts {
		if sum >= (len(ranges)+1)*total/n && len(ranges) < n-1 {
			ranges = append(ranges, publisherRange{From: from, To: c.id})
			from = c.id
		}
		sum += c.n
	}
	return append(ranges, publisherRange{From: from}), nil
}

// wholeReports reports whether f selects whole reports (by years,
// publishers, region or template; not one report, which its index finds) in
// the default order, with no cursor or limit: reportsInOrder reads them.
func (f ObservationFilter) wholeReports() bool {
	return len(f.Indicators) == 0 && len(f.Breakdowns) == 0 && f.Report == 0 &&
		len(f.Sort) == 0 && f.After == nil && f.Limit == 0
}

// reportsInOrder returns the query of an export of whole reports: the
// current reports in the default order (reports_current), and each one's
// observations as one range of ids, read in order from the table without an
// index. A report is stored in one transaction, so its ids are consecutive;
// were they not, the range would hold other rows, which the report id
// leaves out. Reading a row by its index entry, then the table, was two
// thirds of an export's time.
func reportsInOrder(f ObservationFilter) (string, []any) {
	columns, labels := exportColumns, `
		LEFT JOIN labels l ON l.id = o.label_id`
	if f.labelsApart {
		columns, labels = exportColumnsNoLabels, ""
	}
	return reportsInOrderOf(f, columns, labels)
}

// reportsInOrderOf is reportsInOrder reading columns, with labels (a join
// of the labels or nothing) after the observations.
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
	return `SELECT ` + columns + ` FROM reports r INDEXED BY reports_current CROSS JOIN observations o` + labels +
		w.String() + ` ORDER BY r.publisher_id, r.year, o.id`, w.args
}

// exportNames are what an export fills its rows with from memory: the
// publishers' names and division codes by id, and the labels' texts by id
// (nil when there are more than maxExportLabels).
type exportNames struct {
	publishers map[string][2]string
	codes      map[string][2]string
	labels     map[string][2]string
}

// exportNames reads the names an export fills its rows with.
func (d *DB) exportNames(ctx context.Context) (*exportNames, error) {
	n := &exportNames{}
	var err error
	if n.publishers, err = d.namePairs(ctx, `SELECT id, name_zh, name_en FROM publishers`); err != nil {
		return nil, err
	}
	if n.codes, err = d.namePairs(ctx, `SELECT id, coalesce(admin_code, ''), '' FROM publishers`); err != nil {
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

// fill sets r's publisher names and division code, and, if the labels are
// held, its label's text in place of the id read.
func (n *exportNames) fill(r *ObservationRow) {
	name := n.publishers[r.PublisherID]
	r.PublisherNameZh, r.PublisherNameEn, r.AdminCode = name[0], name[1], n.codes[r.PublisherID][0]
	if n.labels != nil {
		r.Label = n.labels[r.Label][0]
	}
}
