-- Indexes for the read API (api/, db/*.go query files): every filter of the
-- API is served by one of these or by an index of 001_init.sql.

-- The default order of /v1/observations (publisher, year, printed order), so
-- that a page of an unfiltered or year-filtered query is read in index order
-- and stops at the page size instead of sorting every matching row.
CREATE INDEX observations_publisher_year ON observations(publisher_id, year) WHERE current = 1;

-- /v1/observations?breakdown=…
CREATE INDEX observations_breakdown ON observations(breakdown, indicator, year) WHERE current = 1;

-- /v1/reports?template=… and /v1/observations?template=… (through report_id).
CREATE INDEX reports_template ON reports(template, year) WHERE superseded_by IS NULL;

-- /v1/publishers?level=…
CREATE INDEX publishers_level ON publishers(level, admin_code);
