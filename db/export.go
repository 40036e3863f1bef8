package db

import (
	"context"
	"runtime"
	"strings"
	"sync"
)

// An export (a CSV of everything) reads millions of rows. One connection
// reads them at about 150,000 a CPU-second in modernc.org/sqlite, half of it
// SQLite's own work: to go further the rows are read on every core, each
// worker on its own connection and its own range of publishers, and written
// in order.

// exportColumns are observationColumns without the publishers' names and
// division codes, which an export takes from memory: looking them up row by
// row was a tenth of its time. exportFrom is observationFrom without the
// publishers.
var (
	exportColumns = strings.NewReplacer("coalesce(p.name_zh, '')", "''", "coalesce(p.name_en, '')", "''",
		"coalesce(p.admin_code, '')", "''").Replace(observationColumns)
	exportFrom = ` FROM observations o
	LEFT JOIN labels l ON l.id = o.label_id`
)

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
// An export in the default order, of everything or of years alone, with no
// cursor or limit, is read in parallel: ranges of publishers holding about
// the same number of figures (from the summaries), each read on its own
// connection by up to GOMAXPROCS workers (maxExportWorkers at most),
// emitted in order; while another export is read so, on one connection. appendRow must
// then be safe to call from several goroutines at once.
//
// It returns EachObservation's errors or the first error of emit.
func (d *DB) AppendObservations(ctx context.Context, f ObservationFilter, appendRow func([]byte, *ObservationRow) []byte, emit func([]byte) error) error {
	workers := min(runtime.GOMAXPROCS(0), maxExportWorkers)
	if workers < 2 || !f.splittable() || !d.exporting.TryLock() {
		return d.appendRange(ctx, f, appendRow, emit)
	}
	defer d.exporting.Unlock()
	if _, _, err := d.observationQuery(ctx, f); err != nil {
		return err
	}
	names, err := d.namePairs(ctx, `SELECT id, name_zh, name_en FROM publishers`)
	if err != nil {
		return err
	}
	codes, err := d.namePairs(ctx, `SELECT id, coalesce(admin_code, ''), '' FROM publishers`)
	if err != nil {
		return err
	}
	f.namesApart = true
	withNames := func(dst []byte, r *ObservationRow) []byte {
		name := names[r.PublisherID]
		r.PublisherNameZh, r.PublisherNameEn, r.AdminCode = name[0], name[1], codes[r.PublisherID][0]
		return appendRow(dst, r)
	}
	ranges, err := d.publisherRanges(ctx, workers*exportChunksPerWorker)
	if err != nil {
		return err
	}
	return d.appendInParallel(ctx, f, ranges, workers, withNames, emit)
}

// splittable reports whether f reads in the default order of publishers
// with no other filter than years: then ranges of publishers read
// separately and joined in order are the same rows in the same order.
func (f ObservationFilter) splittable() bool {
	return f.onlyYears() && len(f.Sort) == 0 && f.After == nil && f.Limit == 0 && f.publishers == (publisherRange{}) && !f.namesApart
}

// appendRange emits the rows of f in blocks, read on one connection.
func (d *DB) appendRange(ctx context.Context, f ObservationFilter, appendRow func([]byte, *ObservationRow) []byte, emit func([]byte) error) error {
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
