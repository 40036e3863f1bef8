-- The number of current observations of each indicator, year and
-- province (the first two digits of the publisher's division code, '' for
-- a publisher without one), kept by StoreReport (db/provinces.go). The
-- total beside a page of one indicator over a province, or over the whole
-- country, was counted from observations_indicator, one probe for each
-- publisher of the region (at 10 million observations: 4,400 entries in
-- 440 probes for one province, a third of the page's CPU; all 132,000 of
-- an indicator stopped at the count's cap). It is now a sum of at most 10
-- rows a province (the years). The whole country's counts are kept too,
-- under the province '*' (no division code starts with it).
--
-- The key leads with the province and year, which are a report's own:
-- its counts are one run of the table, a page or two written by its
-- commit. Keyed by indicator first, a report's 150-odd counts were spread
-- over every page of the table, and each commit wrote them all (a quarter
-- more CPU a report at ingest, measured).
--
-- A publisher whose division code changes takes its figures to the new
-- province (the trigger; rare: a code is given once by the catalogue).
CREATE TABLE summary_provinces (
	province     TEXT NOT NULL,
	year         INTEGER NOT NULL,
	indicator_id INTEGER NOT NULL,
	observations INTEGER NOT NULL,
	PRIMARY KEY (province, year, indicator_id)
) WITHOUT ROWID;

INSERT INTO summary_provinces (province, year, indicator_id, observations)
	SELECT substr(coalesce(p.admin_code, ''), 1, 2), o.year, o.indicator_id, count(*)
	FROM observations o LEFT JOIN publishers p ON p.id = o.publisher_id
	WHERE o.current = 1
	GROUP BY 1, 2, 3;
INSERT INTO summary_provinces (province, year, indicator_id, observations)
	SELECT '*', year, indicator_id, sum(observations) FROM summary_provinces GROUP BY 2, 3;

CREATE TRIGGER publishers_province AFTER UPDATE OF admin_code ON publishers
WHEN substr(coalesce(old.admin_code, ''), 1, 2) IS NOT substr(coalesce(new.admin_code, ''), 1, 2)
BEGIN
	INSERT INTO summary_provinces (province, year, indicator_id, observations)
		SELECT substr(coalesce(old.admin_code, ''), 1, 2), year, indicator_id, -count(*)
		FROM observations WHERE publisher_id = old.id AND current = 1 GROUP BY year, indicator_id
		ON CONFLICT (province, year, indicator_id) DO UPDATE SET observations = observations + excluded.observations;
	INSERT INTO summary_provinces (province, year, indicator_id, observations)
		SELECT substr(coalesce(new.admin_code, ''), 1, 2), year, indicator_id, count(*)
		FROM observations WHERE publisher_id = new.id AND current = 1 GROUP BY year, indicator_id
		ON CONFLICT (province, year, indicator_id) DO UPDATE SET observations = observations + excluded.observations;
END;
