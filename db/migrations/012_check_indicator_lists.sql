-- The indicators a check names, stored once (issue 10, ingest). A check
-- carried them as a JSON array of codes, 151 bytes on average of the 480
-- a check took in a synth corpus, while all the checks of 2,000 reports
-- name only 62 different lists: the checks were the largest table (19 kB
-- a report, more than its figures), written in every report's commit and
-- read whole by each of the four check indexes a bulk load builds. Each
-- list is now a row of indicator_lists, which a check references by id;
-- the checks read it back (db/check.go).
--
-- The table is built again, in id order, then its indexes. A bulk load
-- killed before this migration may have recorded definitions of check
-- indexes to build again (007): they are replaced by these.
CREATE TABLE indicator_lists (
	id    INTEGER PRIMARY KEY,
	codes TEXT NOT NULL UNIQUE -- JSON array of indicator codes
);
INSERT INTO indicator_lists (codes) SELECT DISTINCT indicators FROM checks ORDER BY indicators;

CREATE TABLE checks_listed (
	id                INTEGER PRIMARY KEY,
	report_id         INTEGER NOT NULL REFERENCES reports(id),
	publisher_id      TEXT NOT NULL,
	year              INTEGER NOT NULL,
	rule              TEXT NOT NULL,
	severity          TEXT NOT NULL,                 -- error, warning
	status            TEXT NOT NULL,                 -- pass, fail, skipped
	breakdown         TEXT NOT NULL DEFAULT 'total', -- '*' for a whole row
	indicator_list_id INTEGER NOT NULL REFERENCES indicator_lists(id),
	expected          REAL,
	actual            REAL,
	message           TEXT NOT NULL DEFAULT '',
	evidence          TEXT NOT NULL DEFAULT ''       -- the narrative's sentence
);
INSERT INTO checks_listed (id, report_id, publisher_id, year, rule, severity, status, breakdown, indicator_list_id,
		expected, actual, message, evidence)
	SELECT c.id, c.report_id, c.publisher_id, c.year, c.rule, c.severity, c.status, c.breakdown,
		(SELECT l.id FROM indicator_lists l WHERE l.codes = c.indicators), c.expected, c.actual, c.message, c.evidence
	FROM checks c ORDER BY c.id;
DROP TABLE checks;
ALTER TABLE checks_listed RENAME TO checks;

DELETE FROM deferred_indexes WHERE name LIKE 'checks\_%' ESCAPE '\';
CREATE INDEX checks_report ON checks(report_id);
-- "every report failing rule X": rule and status, in id order.
CREATE INDEX checks_rule ON checks(rule, status);
-- "every failing error": status and severity, in id order.
CREATE INDEX checks_status ON checks(status, severity);
CREATE INDEX checks_publisher ON checks(publisher_id, year);
CREATE INDEX checks_year ON checks(year);
