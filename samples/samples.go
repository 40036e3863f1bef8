// Package samples embeds the sample reports that `gongkai serve` loads into a
// new database, so that a new user sees real data at once.
package samples

import "embed"

// FS holds the sample report files, one per report.
//
//go:embed *.txt
var FS embed.FS
