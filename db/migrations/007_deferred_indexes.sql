-- Indexes dropped for a bulk load (DB.DeferIndexes), with the statements
-- that create them again. A bulk load of 50,000 reports wrote each report's
-- figures into seven indexes of the observations, about 80 pages each per
-- commit; building the indexes once afterwards costs a sort. The rows stay
-- here until each index is back, so that a load killed part-way leaves a
-- sound database that a writable open (DB.Open) completes.
CREATE TABLE deferred_indexes (
	name TEXT PRIMARY KEY,
	sql  TEXT NOT NULL
);
