-- Serving at national scale (issue 10): fewer, better observation indexes,
-- designed from EXPLAIN QUERY PLAN for every filter and sort of the API
-- (db/plan_test.go asserts the plans), and summaries kept at ingest.
--
-- Every index but observations_report is partial (current = 1) and ends
-- with (publisher_id, year): its entries of one key are then in the
-- default order of /v1/observations (publisher, year, id), so a page is
-- read in index order and stops at the page size. db/observation.go turns
-- the filters that need no index of their own into ones these serve: a
-- region is the set of its publishers, a template the (publisher, year) of
-- its reports, and a year filter alone probes observations_publisher_year
-- publisher by publisher. At 10 million observations (scripts/scaledb.sh
-- 13200) the indexes take 100 bytes an observation instead of 280.
-- A bulk load killed before this migration (007) may have recorded the old
-- definitions to build again: they are replaced by the ones below.
DELETE FROM deferred_indexes WHERE name IN ('observations_indicator', 'observations_publisher',
	'observations_region', 'observations_year', 'observations_breakdown', 'observations_template');
DROP INDEX IF EXISTS observations_indicator;  -- (indicator, year, publisher_id)
DROP INDEX IF EXISTS observations_publisher;  -- (publisher_id, indicator, year)
DROP INDEX IF EXISTS observations_region;     -- (admin_code, indicator, year)
DROP INDEX IF EXISTS observations_year;       -- (year, indicator)
DROP INDEX IF EXISTS observations_breakdown;  -- (breakdown, indicator, year)
DROP INDEX IF EXISTS observations_template;   -- (template, year)
CREATE INDEX observations_indicator ON observations(indicator, publisher_id, year) WHERE current = 1;
CREATE INDEX observations_breakdown ON observations(breakdown, publisher_id, year) WHERE current = 1;

-- Counts of the current reports and their observations by year and
-- template, and by publisher, kept by StoreReport (db/summary.go): /v1,
-- /v1/years, the totals of a year or template filter and the years of an
-- indicator read them instead of counting millions of rows. A publisher has
-- at most one current report a year, so a year's publishers are its reports.
CREATE TABLE summary_years (
	year         INTEGER NOT NULL,
	template     TEXT NOT NULL,
	reports      INTEGER NOT NULL,
	observations INTEGER NOT NULL,
	PRIMARY KEY (year, template)
) WITHOUT ROWID;
CREATE TABLE summary_publishers (
	publisher_id TEXT PRIMARY KEY,
	reports      INTEGER NOT NULL,
	observations INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO summary_years (year, template, reports, observations)
	SELECT r.year, r.template, count(*), coalesce(sum((SELECT count(*) FROM observations o WHERE o.report_id = r.id)), 0)
	FROM reports r WHERE r.superseded_by IS NULL GROUP BY r.year, r.template;
INSERT INTO summary_publishers (publisher_id, reports, observations)
	SELECT r.publisher_id, count(*), coalesce(sum((SELECT count(*) FROM observations o WHERE o.report_id = r.id)), 0)
	FROM reports r WHERE r.superseded_by IS NULL GROUP BY r.publisher_id;
