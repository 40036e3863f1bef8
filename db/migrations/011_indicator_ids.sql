-- Indicators by a small number in the observations (issue 10). At 10
-- million observations (scripts/scaledb.sh 13200) the indicator's code, 24
-- bytes of text on average for 165 codes, was stored in every row of the
-- table and led observations_indicator: 46 of the 192.5 bytes an
-- observation. Each indicator now has an INTEGER id (one byte in a row
-- for the first 127) that the observations and their index hold; the
-- code stays the indicator's name in the API, resolved by the queries
-- (db/observation.go).
--
-- The room made pays for observations_indicator holding every column a
-- page reads (a covering index): one indicator over a region is 1,000
-- rows on 1,000 pages of the table, one per report, and now a few pages
-- of the index, in the order of the answer (publisher, year).
--
-- Both tables are built again (observations in id order), then their
-- indexes. A bulk load killed before this migration may have recorded
-- definitions of observation indexes to build again (007): they are
-- replaced by these.
CREATE TABLE indicators_numbered (
	id            INTEGER PRIMARY KEY,
	code          TEXT NOT NULL UNIQUE,
	position      INTEGER NOT NULL,           -- catalogue order
	parent        TEXT,
	relation      TEXT NOT NULL,
	unit          TEXT REFERENCES units(code),
	name_zh       TEXT NOT NULL,
	name_en       TEXT NOT NULL,
	definition    TEXT NOT NULL DEFAULT '',
	mapping       TEXT NOT NULL DEFAULT '',
	breakdowns    TEXT NOT NULL DEFAULT '[]', -- JSON array
	templates     TEXT NOT NULL DEFAULT '[]', -- JSON array
	source_labels TEXT NOT NULL DEFAULT '[]'  -- JSON array
);
INSERT INTO indicators_numbered (code, position, parent, relation, unit, name_zh, name_en, definition, mapping,
		breakdowns, templates, source_labels)
	SELECT code, position, parent, relation, unit, name_zh, name_en, definition, mapping,
		breakdowns, templates, source_labels
	FROM indicators ORDER BY position, code;

CREATE TABLE observations_numbered (
	id           INTEGER PRIMARY KEY,
	report_id    INTEGER NOT NULL REFERENCES reports(id),
	current      INTEGER NOT NULL DEFAULT 1,
	publisher_id TEXT NOT NULL,
	year         INTEGER NOT NULL,
	indicator_id INTEGER NOT NULL REFERENCES indicators_numbered(id),
	breakdown    TEXT NOT NULL,
	value        REAL,
	unit         TEXT NOT NULL DEFAULT '',
	label_id     INTEGER NOT NULL REFERENCES labels(id),
	column_label TEXT,
	raw          TEXT NOT NULL DEFAULT '',
	line         INTEGER NOT NULL DEFAULT 0,
	page         INTEGER NOT NULL DEFAULT 0,
	flags        TEXT NOT NULL DEFAULT '[]' -- JSON array
);
-- An indicator code missing from indicators (a bulk load stores without
-- the foreign key) gives no id: NOT NULL refuses it, and the migration
-- with it, rather than dropping the figure.
INSERT INTO observations_numbered (id, report_id, current, publisher_id, year, indicator_id, breakdown, value,
		unit, label_id, column_label, raw, line, page, flags)
	SELECT o.id, o.report_id, o.current, o.publisher_id, o.year,
		(SELECT i.id FROM indicators_numbered i WHERE i.code = o.indicator), o.breakdown, o.value,
		o.unit, o.label_id, o.column_label, o.raw, o.line, o.page, o.flags
	FROM observations o ORDER BY o.id;
DROP TABLE observations;
DROP TABLE indicators;
ALTER TABLE indicators_numbered RENAME TO indicators;
ALTER TABLE observations_numbered RENAME TO observations;
CREATE INDEX indicators_parent ON indicators(parent);

DELETE FROM deferred_indexes WHERE name LIKE 'observations\_%' ESCAPE '\';
CREATE INDEX observations_report ON observations(report_id);
CREATE INDEX observations_publisher_year ON observations(publisher_id, year, value) WHERE current = 1;
-- The key (indicator, publisher, year, breakdown, value) as in 010, then
-- the rest of what a page reads (observationColumns, namesAfter).
CREATE INDEX observations_indicator ON observations(indicator_id, publisher_id, year, breakdown, value, report_id, label_id, unit, raw, line, page, column_label, flags) WHERE current = 1;
CREATE INDEX observations_breakdown ON observations(breakdown, publisher_id, year, value) WHERE current = 1;
