package db

import (
	"context"
	"maps"
	"slices"

	"github.com/gongkai/gongkai"
)

// The single writer remembers what it has committed and read back, so
// that storing a report does not read again what the report before it
// wrote: the figures of the publisher's year before (the rules across
// years compare with them), the ids of the figures' labels and of the
// checks' indicator lists, the meta keys
// (dataset version, catalogue fingerprints), the indicator codes known and
// the publishers stored. Each of these was a query of every report's
// transaction; together they were a fifth of the writer's time.
//
// What is remembered is only what committed: a transaction's changes are
// kept aside (txCache) and merged when it commits, dropped when it rolls
// back. Another process writing the same file makes all of it stale: the
// connection's PRAGMA data_version changes when another connection
// commits, and the writer then forgets everything (checked at the start of
// every transaction). Writes of this DB outside writeReport (SyncCatalog)
// forget it too.

// maxCachedFigures and maxCachedLabels bound the memory the writer keeps:
// the figures of the last reports stored (about 15 kB each), and the ids
// of the texts of each table of texts.
const (
	maxCachedFigures = 64
	maxCachedTexts   = 1 << 16
)

// writerCache is what the writer knows of the committed database.
type writerCache struct {
	dataVersion int64 // the write connection's PRAGMA data_version when last checked

	meta       map[string]string           // meta key → value ("" when not set)
	texts      map[string]map[string]int64 // table of texts (labels, indicator_lists) → text → id
	indicators map[string]int64            // indicator code → id, of the codes in the indicators table
	publishers map[string]gongkai.Publisher
	figures    map[int64]*gongkai.Report // report id → its figures, as reportFigures reads them
	fifo       []int64                   // the ids of figures, oldest first
}

func newWriterCache() *writerCache {
	c := &writerCache{}
	c.reset()
	return c
}

// reset forgets everything.
func (c *writerCache) reset() {
	c.meta = map[string]string{}
	c.texts = map[string]map[string]int64{}
	c.indicators = map[string]int64{}
	c.publishers = map[string]gongkai.Publisher{}
	c.figures = map[int64]*gongkai.Report{}
	c.fifo = nil
}

// begin starts a transaction's view of the cache, first forgetting
// everything if another connection committed since the last check.
func (c *writerCache) begin(ctx context.Context, tx querier) (*txCache, error) {
	var v int64
	if err := queryRow(ctx, tx, `PRAGMA data_version`, nil, &v); err != nil {
		return nil, err
	}
	if v != c.dataVersion {
		c.reset()
		c.dataVersion = v
	}
	return &txCache{committed: c, meta: map[string]string{}, texts: map[string]map[string]int64{}, indicators: map[string]int64{},
		publishers: map[string]gongkai.Publisher{}, figures: map[int64]*gongkai.Report{}}, nil
}

// txCache is a transaction's changes to the writer's cache, and its view
// of what committed before it.
type txCache struct {
	committed  *writerCache
	meta       map[string]string
	texts      map[string]map[string]int64
	indicators map[string]int64
	publishers map[string]gongkai.Publisher
	figures    map[int64]*gongkai.Report
}

// commit merges the transaction's changes, once it has committed.
func (t *txCache) commit() {
	c := t.committed
	for k, v := range t.meta {
		c.meta[k] = v
	}
	for table, ids := range t.texts {
		known := c.texts[table]
		if known == nil {
			known = map[string]int64{}
			c.texts[table] = known
		}
		if len(known)+len(ids) <= maxCachedTexts {
			maps.Copy(known, ids)
		}
	}
	for code, id := range t.indicators {
		c.indicators[code] = id
	}
	for id, p := range t.publishers {
		c.publishers[id] = p
	}
	for id, r := range t.figures {
		if _, ok := c.figures[id]; !ok {
			c.fifo = append(c.fifo, id)
		}
		c.figures[id] = r
	}
	for len(c.fifo) > maxCachedFigures {
		delete(c.figures, c.fifo[0])
		c.fifo = c.fifo[1:]
	}
}

// cacheOf returns tx's view of the writer's cache, nil when tx is not the
// writer's (then every lookup reads the database).
func cacheOf(tx any) *txCache {
	if w, ok := tx.(*writeTx); ok {
		return w.cache
	}
	return nil
}

// metaValue returns the value of a meta key as the transaction sees it.
func (t *txCache) metaValue(key string) (string, bool) {
	if v, ok := t.meta[key]; ok {
		return v, true
	}
	v, ok := t.committed.meta[key]
	return v, ok
}

// textID returns the id of a text in a table of texts (labels,
// indicator_lists) as the transaction sees it.
func (t *txCache) textID(table, text string) (int64, bool) {
	if id, ok := t.texts[table][text]; ok {
		return id, true
	}
	id, ok := t.committed.texts[table][text]
	return id, ok
}

// rememberText notes the id of a text of a table of texts.
func (t *txCache) rememberText(table, text string, id int64) {
	ids := t.texts[table]
	if ids == nil {
		ids = map[string]int64{}
		t.texts[table] = ids
	}
	ids[text] = id
}

// indicator returns the id of an indicator code as the transaction sees it.
func (t *txCache) indicator(code string) (int64, bool) {
	if id, ok := t.indicators[code]; ok {
		return id, true
	}
	id, ok := t.committed.indicators[code]
	return id, ok
}

// publisher returns the publisher stored and indexed under id, as the
// transaction sees it.
func (t *txCache) publisher(id string) (gongkai.Publisher, bool) {
	if p, ok := t.publishers[id]; ok {
		return p, true
	}
	p, ok := t.committed.publishers[id]
	return p, ok
}

// reportFigures returns the figures of report id as the transaction sees
// them, nil when not remembered. The caller must not change them.
func (t *txCache) reportFigures(id int64) *gongkai.Report {
	if r, ok := t.figures[id]; ok {
		return r
	}
	return t.committed.figures[id]
}

// storedFigures is what reportFigures reads back of r's observations once
// stored as report id: indicator, breakdown (BreakdownTotal for none),
// value and flags, in order.
func storedFigures(r *gongkai.Report) *gongkai.Report {
	out := &gongkai.Report{Publisher: gongkai.Publisher{ID: r.Publisher.ID}, Year: r.Year, Template: r.Template,
		Observations: make([]gongkai.Observation, len(r.Observations))}
	for i, o := range r.Observations {
		f := gongkai.Observation{Indicator: o.Indicator, Breakdown: o.Breakdown, Flags: slices.Clone(o.Flags)}
		if f.Breakdown == "" {
			f.Breakdown = gongkai.BreakdownTotal
		}
		if o.Value != nil {
			v := *o.Value
			f.Value = &v
		}
		out.Observations[i] = f
	}
	return out
}

// copyFigures is a copy of r's figures that checks may flag.
func copyFigures(r *gongkai.Report) *gongkai.Report {
	c := *r
	c.Observations = slices.Clone(r.Observations)
	for i := range c.Observations {
		c.Observations[i].Flags = slices.Clone(c.Observations[i].Flags)
	}
	return &c
}
