package ingest

// Test helpers of package ingest that the external tests use too.
var (
	ReadTruth  = readTruth
	ScoreTruth = scoreTruth
)
