-- The consistency checks of each report (package check, catalog/rules.csv and
-- catalog/narrative.csv): one row per rule and breakdown evaluated, stored
-- with the report in its transaction, in the order of evaluation (id order).
-- Like observations, a check carries copies of its report's publisher and
-- year, so that every filter of /v1/checks is served by an index; whether
-- its report is current is read from reports (a primary key probe).
CREATE TABLE checks (
	id           INTEGER PRIMARY KEY,
	report_id    INTEGER NOT NULL REFERENCES reports(id),
	publisher_id TEXT NOT NULL,
	year         INTEGER NOT NULL,
	rule         TEXT NOT NULL,
	severity     TEXT NOT NULL,                 -- error, warning
	status       TEXT NOT NULL,                 -- pass, fail, skipped
	breakdown    TEXT NOT NULL DEFAULT 'total', -- '*' for a whole row
	indicators   TEXT NOT NULL DEFAULT '[]',    -- JSON array of indicator codes
	expected     REAL,
	actual       REAL,
	message      TEXT NOT NULL DEFAULT '',
	evidence     TEXT NOT NULL DEFAULT ''       -- the narrative's sentence
);
CREATE INDEX checks_report ON checks(report_id);
-- "every report failing rule X": rule and status, in id order.
CREATE INDEX checks_rule ON checks(rule, status);
-- "every failing error": status and severity, in id order.
CREATE INDEX checks_status ON checks(status, severity);
CREATE INDEX checks_publisher ON checks(publisher_id, year);
CREATE INDEX checks_year ON checks(year);
