package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"html"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gongkai/gongkai"
)

// Kinds of search hits.
const (
	KindPublisher = "publisher"
	KindIndicator = "indicator"
	KindReport    = "report"  // a report's title
	KindSection   = "section" // a heading of a report's narrative and its text
)

// Search limits.
const (
	DefaultSearchLimit = 20
	MaxSearchLimit     = 100
	MinQueryRunes      = 2
	snippetBefore      = 24 // characters of context before a match
	snippetAfter       = 72 // and after it
)

// Meta keys: the catalogue fingerprint whose indicators are indexed; and,
// while a bulk load defers it (DeferIndexes), that the reports' texts
// stored meanwhile wait for RestoreIndexes.
const (
	metaSearchCatalog  = "search_catalog"
	metaSearchDeferred = "search_deferred"
)

// SearchFilter is a search: the query, the kinds of hits wanted and a page.
type SearchFilter struct {
	Q     string
	Kinds []string // nil for every kind
	After string   // the Next of the previous page
	Limit int      // 0 for DefaultSearchLimit
}

// SearchHit is one text that holds the query.
type SearchHit struct {
	Kind     string
	Ref      string // report id, publisher id or indicator code
	ReportID int64  // for reports and sections
	Line     int    // a section's heading line
	Title    string
	// Snippet is the text around the first match, HTML-escaped, with the
	// match in <mark>…</mark>.
	Snippet string
}

// SearchPage is a page of hits: publishers and indicators first, then
// report titles and sections, newest first. Next continues it ("" at the end).
type SearchPage struct {
	Hits []SearchHit
	Next string
}

// Search returns the texts that hold f.Q. Chinese is matched as written:
// a query of two characters or more finds every text that contains it,
// through the bigram index (no scan of the texts). Words separated by
// spaces must all occur; the last Latin word may be cut short (xuech
// finds Xuecheng). It returns an EINVALID error naming q for a query with
// fewer than two characters to search, and naming cursor for a bad cursor.
func (d *DB) Search(ctx context.Context, f SearchFilter) (*SearchPage, error) {
	match := matchQuery(f.Q)
	if match == "" {
		return nil, &gongkai.Error{Code: gongkai.EINVALID, Param: "q",
			Message: fmt.Sprintf("give at least %d characters to search (letters, digits or Chinese characters)", MinQueryRunes)}
	}
	limit := f.Limit
	if limit <= 0 {
		limit = DefaultSearchLimit
	}
	limit = min(limit, MaxSearchLimit)
	group, after, err := parseSearchCursor(f.After)
	if err != nil {
		return nil, err
	}
	page := &SearchPage{}
	for _, g := range searchGroups[group:] {
		if !g.wanted(f.Kinds) {
			after = 0
			continue
		}
		hits, last, more, err := d.searchGroup(ctx, g, match, f, after, limit-len(page.Hits))
		if err != nil {
			return nil, err
		}
		page.Hits = append(page.Hits, hits...)
		if more {
			page.Next = g.name + strconv.FormatInt(last, 10)
			return page, nil
		}
		after = 0
	}
	return page, nil
}

// searchGroup is one FTS5 table and the order its hits are listed in.
type searchGroup struct {
	name  string // cursor prefix
	table string
	kinds []string
	desc  bool // newest first
}

var searchGroups = []searchGroup{
	{name: "n", table: "search_names", kinds: []string{KindPublisher, KindIndicator}},
	{name: "t", table: "search_text", kinds: []string{KindReport, KindSection}, desc: true},
}

func (g searchGroup) wanted(kinds []string) bool {
	if len(kinds) == 0 {
		return true
	}
	for _, k := range kinds {
		for _, gk := range g.kinds {
			if k == gk {
				return true
			}
		}
	}
	return false
}

// searchGroup returns up to limit hits of one group after the rowid after
// (0: from the start), the rowid of the last, and whether there are more.
// The hits are read in rowid order from the FTS5 index, which stops at the
// limit instead of ranking every match.
func (d *DB) searchGroup(ctx context.Context, g searchGroup, match string, f SearchFilter, after int64, limit int) ([]SearchHit, int64, bool, error) {
	if limit <= 0 {
		return nil, after, true, nil
	}
	order, cmp := "ASC", ">"
	if g.desc {
		order, cmp = "DESC", "<"
	}
	w := &where{}
	w.add(g.table+" MATCH ?", match)
	if after > 0 {
		w.add("s.rowid "+cmp+" ?", after)
	}
	if len(f.Kinds) > 0 {
		w.in("d.kind", f.Kinds)
	}
	// Replaced reports lose their documents at ingest; the join to search_docs
	// reads each hit's text by its primary key.
	rows, err := d.read.QueryContext(ctx, `
		SELECT d.id, d.kind, d.ref, d.line, d.title, d.text
		FROM `+g.table+` s JOIN search_docs d ON d.id = s.rowid`+w.String()+`
		ORDER BY s.rowid `+order+` LIMIT `+strconv.Itoa(limit+1), w.args...)
	if err != nil {
		return nil, 0, false, err
	}
	defer rows.Close()
	var hits []SearchHit
	var last int64
	for rows.Next() {
		var id int64
		var h SearchHit
		var text string
		if err := rows.Scan(&id, &h.Kind, &h.Ref, &h.Line, &h.Title, &text); err != nil {
			return nil, 0, false, err
		}
		if len(hits) == limit {
			return hits, last, true, nil
		}
		if h.Kind == KindReport || h.Kind == KindSection {
			h.ReportID, _ = strconv.ParseInt(h.Ref, 10, 64)
		}
		h.Snippet = snippet(text, f.Q)
		hits = append(hits, h)
		last = id
	}
	return hits, last, false, rows.Err()
}

// parseSearchCursor reads a cursor: the group's name and the last rowid.
func parseSearchCursor(s string) (int, int64, error) {
	if s == "" {
		return 0, 0, nil
	}
	for i, g := range searchGroups {
		if rest, ok := strings.CutPrefix(s, g.name); ok {
			if n, err := strconv.ParseInt(rest, 10, 64); err == nil && n > 0 {
				return i, n, nil
			}
		}
	}
	return 0, 0, &gongkai.Error{Code: gongkai.EINVALID, Param: "cursor", Message: "not a cursor of this search: give the next of the previous page"}
}

// runeClass sorts the characters of a text for the tokenizer.
type runeClass int

const (
	separator runeClass = iota
	han                 // a Chinese character: indexed as bigrams
	word                // a letter or digit of another script: indexed as words
)

func classify(r rune) runeClass {
	switch {
	case unicode.Is(unicode.Han, r):
		return han
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return word
	}
	return separator
}

// token is one token of a text and whether it stands alone in its run (a
// Chinese character with no neighbour, which no bigram holds).
type token struct {
	text  string
	alone bool
	kind  runeClass
}

// tokenize cuts a text into runs of Chinese characters, each given as its
// overlapping bigrams (a lone character as itself), and words of other
// scripts, lower-cased.
func tokenize(s string) []token {
	var out []token
	var run []rune
	kind := separator
	flush := func() {
		switch {
		case kind == han && len(run) == 1:
			out = append(out, token{text: string(run), alone: true, kind: han})
		case kind == han:
			for i := 0; i+1 < len(run); i++ {
				out = append(out, token{text: string(run[i : i+2]), kind: han})
			}
		case kind == word:
			out = append(out, token{text: strings.ToLower(string(run)), kind: word})
		}
		run = run[:0]
	}
	for _, r := range s {
		c := classify(r)
		if c != kind {
			flush()
			kind = c
		}
		if c != separator {
			run = append(run, r)
		}
	}
	flush()
	return out
}

// indexTokens is the text the FTS5 tables index: the tokens separated by spaces.
func indexTokens(s string) string {
	toks := tokenize(s)
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.text
	}
	return strings.Join(parts, " ")
}

// matchQuery turns a query into an FTS5 expression: each space-separated
// term is the phrase of its tokens (adjacent, in order), and every term
// must occur. A lone Chinese character and the last Latin word match as
// prefixes, so that 2017年 finds 2017年度 and xuech finds xuecheng. It
// returns "" when there are fewer than MinQueryRunes characters to search.
func matchQuery(q string) string {
	var terms []string
	runes := 0
	fields := strings.Fields(q)
	for fi, field := range fields {
		toks := tokenize(field)
		var parts []string
		for ti, t := range toks {
			part := `"` + strings.ReplaceAll(t.text, `"`, `""`) + `"`
			last := fi == len(fields)-1 && ti == len(toks)-1
			if t.alone || last && t.kind == word {
				part += "*"
			}
			parts = append(parts, part)
		}
		for _, r := range field {
			if classify(r) != separator {
				runes++
			}
		}
		if len(parts) > 0 {
			terms = append(terms, strings.Join(parts, " + "))
		}
	}
	if runes < MinQueryRunes || len(terms) == 0 {
		return ""
	}
	return strings.Join(terms, " AND ")
}

// snippet returns the text around the first occurrence of the query's
// first term, HTML-escaped, with the occurrence marked; the start of the
// text when the term is not found as written.
func snippet(text, q string) string {
	term := q
	if fields := strings.Fields(q); len(fields) > 0 {
		term = fields[0]
	}
	start, end := indexFold(text, term)
	if start < 0 {
		return html.EscapeString(firstRunes(text, snippetBefore+snippetAfter))
	}
	before := lastRunes(text[:start], snippetBefore)
	after := firstRunes(text[end:], snippetAfter)
	prefix := ""
	if len(before) < start {
		prefix = "…"
	}
	return prefix + html.EscapeString(before) + "<mark>" + html.EscapeString(text[start:end]) + "</mark>" + html.EscapeString(after)
}

// indexFold finds sub in s ignoring the case of Latin letters and returns
// its byte offsets, or -1.
func indexFold(s, sub string) (int, int) {
	if sub == "" {
		return -1, -1
	}
	ls, lsub := strings.ToLower(s), strings.ToLower(sub)
	if len(ls) != len(s) || len(lsub) != len(sub) { // lower-casing changed the lengths: match as written
		i := strings.Index(s, sub)
		return i, i + len(sub)
	}
	i := strings.Index(ls, lsub)
	if i < 0 {
		return -1, -1
	}
	return i, i + len(sub)
}

// lastRunes returns the last n characters of s.
func lastRunes(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// firstRunes returns the first n characters of s, with an ellipsis when
// it cuts s short.
func firstRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	if i < len(s) {
		return s[:i] + "…"
	}
	return s
}

// indexReport indexes a report stored by tx under id: its title and
// narrative, its publisher's names and, when the catalogue changed, the
// indicators. Documents of the report it replaces (prev, 0 for none) are
// dropped. During a bulk load (DeferIndexes) the title and narrative wait
// for RestoreIndexes.
func indexReport(ctx context.Context, tx dbtx, id, prev int64, r *gongkai.Report) error {
	if prev != 0 {
		if err := dropReportDocs(ctx, tx, prev); err != nil {
			return err
		}
	}
	deferred, err := getMeta(ctx, tx, metaSearchDeferred)
	if err != nil {
		return err
	}
	if deferred == "" {
		if err := addDocs(ctx, tx, "search_text", reportDocs(id, r.Title, r.Sections)); err != nil {
			return err
		}
	}
	if err := indexPublisherOf(ctx, tx, r.Publisher); err != nil {
		return err
	}
	return indexIndicators(ctx, tx)
}

// reportDocs are the documents of a report's title and narrative. Hits
// are listed by rowid, newest first: the sections go in last to first and
// the title after them, so that a report's hits read title, then sections
// in printed order.
func reportDocs(id int64, title string, sections []gongkai.Section) []doc {
	ref := strconv.FormatInt(id, 10)
	docs := make([]doc, 0, len(sections)+1)
	for i := len(sections) - 1; i >= 0; i-- {
		s := sections[i]
		docs = append(docs, doc{kind: KindSection, ref: ref, line: s.Line, title: s.Heading, text: s.Heading + "\n" + s.Text})
	}
	return append(docs, doc{kind: KindReport, ref: ref, title: title, text: title})
}

// indexPublisherOf indexes the names of p, just stored, unless the writer
// stored and indexed p as it is before.
func indexPublisherOf(ctx context.Context, tx dbtx, p gongkai.Publisher) error {
	cache := cacheOf(tx)
	if cache != nil {
		if stored, ok := cache.publisher(p.ID); ok && stored == p {
			return nil
		}
	}
	if err := indexPublisher(ctx, tx, p.ID); err != nil {
		return err
	}
	if cache != nil {
		cache.publishers[p.ID] = p
	}
	return nil
}

// dropReportDocs removes the documents of report id, which a new one
// replaces; those of the reports it replaced went when it did.
func dropReportDocs(ctx context.Context, tx dbtx, id int64) error {
	ref := strconv.FormatInt(id, 10)
	for _, kind := range []string{KindReport, KindSection} {
		if err := dropDocs(ctx, tx, "search_text", kind, ref); err != nil {
			return err
		}
	}
	return nil
}

// indexPublisher (re)indexes a publisher's Chinese and English names.
func indexPublisher(ctx context.Context, tx dbtx, id string) error {
	var zh, en string
	if err := tx.QueryRowContext(ctx, `SELECT name_zh, name_en FROM publishers WHERE id = ?`, id).Scan(&zh, &en); err != nil {
		return err
	}
	text := strings.TrimSpace(zh + "\n" + en)
	var indexed string
	err := tx.QueryRowContext(ctx, `SELECT text FROM search_docs WHERE kind = ? AND ref = ?`, KindPublisher, id).Scan(&indexed)
	switch {
	case err == nil && indexed == text:
		return nil // most reports are of a publisher indexed already, under the same names
	case err != nil && !errors.Is(err, sql.ErrNoRows):
		return err
	}
	if err := dropDocs(ctx, tx, "search_names", KindPublisher, id); err != nil {
		return err
	}
	return addDoc(ctx, tx, "search_names", KindPublisher, id, 0, zh, text)
}

// indexIndicators (re)indexes the indicators' names when the catalogue
// stored is not the one indexed.
func indexIndicators(ctx context.Context, tx dbtx) error {
	stored, err := getMeta(ctx, tx, metaCatalog)
	if err != nil {
		return err
	}
	indexed, err := getMeta(ctx, tx, metaSearchCatalog)
	if err != nil || indexed == stored {
		return err
	}
	if err := dropDocs(ctx, tx, "search_names", KindIndicator, ""); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT code, name_zh, name_en FROM indicators ORDER BY position`)
	if err != nil {
		return err
	}
	type name struct{ code, zh, en string }
	var names []name
	for rows.Next() {
		var n name
		if err := rows.Scan(&n.code, &n.zh, &n.en); err != nil {
			rows.Close()
			return err
		}
		names = append(names, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, n := range names {
		if err := addDoc(ctx, tx, "search_names", KindIndicator, n.code, 0, n.zh, n.zh+"\n"+n.en+"\n"+n.code); err != nil {
			return err
		}
	}
	return setMeta(ctx, tx, metaSearchCatalog, stored)
}

// doc is a document of the search index.
type doc struct {
	kind, ref, title, text string
	line                   int
}

// addDoc stores a document and indexes its tokens in table.
func addDoc(ctx context.Context, tx dbtx, table, kind, ref string, line int, title, text string) error {
	return addDocs(ctx, tx, table, []doc{{kind: kind, ref: ref, line: line, title: title, text: text}})
}

// addDocs stores documents, with ids in their order, and indexes their
// tokens in table: three statements, not two a document.
func addDocs(ctx context.Context, tx dbtx, table string, docs []doc) error {
	if len(docs) == 0 {
		return nil
	}
	var last int64 // the ids SQLite would give one by one: the largest and up
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM search_docs`).Scan(&last); err != nil {
		return err
	}
	rows := newValues(len(docs), 6)
	tokens := newValues(len(docs), 2)
	for i, d := range docs {
		id := last + 1 + int64(i)
		rows.add(id, d.kind, d.ref, int64(d.line), d.title, d.text)
		tokens.add(id, indexTokens(d.text))
	}
	if err := rows.insert(ctx, tx, `INSERT INTO search_docs (id, kind, ref, line, title, text) VALUES `, ""); err != nil {
		return err
	}
	return tokens.insert(ctx, tx, `INSERT INTO `+table+` (rowid, tokens) VALUES `, "")
}

// dropDocs removes the documents of a kind and ref ("" for every ref of the kind).
func dropDocs(ctx context.Context, tx dbtx, table, kind, ref string) error {
	cond, args := `kind = ?`, []any{kind}
	if ref != "" {
		cond, args = cond+` AND ref = ?`, append(args, ref)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE rowid IN (SELECT id FROM search_docs WHERE `+cond+`)`, args...); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM search_docs WHERE `+cond, args...)
	return err
}

// indexSearch builds the search index of a database whose reports were
// stored before it existed (migration 008): once, when it is empty.
func (d *DB) indexSearch(ctx context.Context) error {
	var docs, reports int
	if err := d.write.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM (SELECT 1 FROM search_docs LIMIT 1)),
		(SELECT count(*) FROM (SELECT 1 FROM reports LIMIT 1))`).Scan(&docs, &reports); err != nil {
		return err
	}
	if docs > 0 || reports == 0 {
		return nil
	}
	tx, err := d.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := reindexAll(ctx, tx); err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	return tx.Commit()
}

// reindexAll indexes every current report, publisher and indicator.
func reindexAll(ctx context.Context, tx dbtx) error {
	if err := indexTexts(ctx, tx, allReports); err != nil {
		return err
	}
	ids, err := column[string](ctx, tx, `SELECT id FROM publishers ORDER BY id`)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := indexPublisher(ctx, tx, id); err != nil {
			return err
		}
	}
	return indexIndicators(ctx, tx)
}

// Which current reports indexTexts indexes.
const (
	allReports = `1`
	// unindexedReports: those stored during a bulk load, which has no
	// document of their title yet.
	unindexedReports = `NOT EXISTS (SELECT 1 FROM search_docs d WHERE d.kind = 'report' AND d.ref = CAST(r.id AS TEXT))`
)

// textBatch is how many reports' texts indexTexts holds in memory at once.
const textBatch = 500

// indexTexts indexes the titles and narratives of the current reports r
// that the condition which selects, in the order of their ids, as
// indexReport would have one by one.
func indexTexts(ctx context.Context, tx dbtx, which string) error {
	ids, err := column[int64](ctx, tx, `SELECT r.id FROM reports r WHERE r.superseded_by IS NULL AND `+which+` ORDER BY r.id`)
	if err != nil {
		return err
	}
	for len(ids) > 0 {
		n := min(len(ids), textBatch)
		if err := indexTextBatch(ctx, tx, ids[0], ids[n-1]); err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}

// indexTextBatch indexes the titles and narratives of the current reports
// with ids from first to last that have no documents.
func indexTextBatch(ctx context.Context, tx dbtx, first, last int64) error {
	rows, err := tx.QueryContext(ctx, `
		SELECT r.id, r.title, s.line, s.heading, s.text
		FROM reports r LEFT JOIN sections s ON s.report_id = r.id
		WHERE r.id BETWEEN ? AND ? AND r.superseded_by IS NULL AND `+unindexedReports+`
		ORDER BY r.id, s.position`, first, last)
	if err != nil {
		return err
	}
	var docs []doc
	var id int64 = -1
	var title string
	var sections []gongkai.Section
	flush := func() {
		if id >= 0 {
			docs = append(docs, reportDocs(id, title, sections)...)
		}
	}
	for rows.Next() {
		var rid int64
		var rtitle string
		var line sql.NullInt64
		var heading, text sql.NullString
		if err := rows.Scan(&rid, &rtitle, &line, &heading, &text); err != nil {
			rows.Close()
			return err
		}
		if rid != id {
			flush()
			id, title, sections = rid, rtitle, nil
		}
		if heading.Valid {
			sections = append(sections, gongkai.Section{Line: int(line.Int64), Heading: heading.String, Text: text.String})
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	flush()
	return addDocs(ctx, tx, "search_text", docs)
}

// column returns the first column of the rows of a query, all read before
// the caller writes through the same connection.
func column[T any](ctx context.Context, q querier, query string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
