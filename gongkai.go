// Package gongkai holds the domain nouns shared by every other package: units,
// publishers, reports, indicators, observations and checks, and the error type
// that carries a code from the layer that knows what went wrong to the layer
// that answers the user.
//
// Nothing in this package imports HTTP or SQL.
package gongkai

import "time"

// Template codes: which national statistics form a report's tables follow.
const (
	TemplateLegacy = "legacy2014" // 政府信息公开情况统计表, reporting years ≈2014–2018
	Template2019   = "form2019"   // 国办公开办函〔2019〕60号, reporting years 2019–2020
	Template2021   = "form2021"   // 国办公开办函〔2021〕30号, reporting years 2021–
)

// BreakdownTotal is the breakdown of an observation that has none.
const BreakdownTotal = "total"

// Unit is a unit of measure of an indicator (条, 件, 万元 …).
type Unit struct {
	Code     string  `json:"code"`
	Symbol   string  `json:"symbol"`
	NameZh   string  `json:"name_zh"`
	NameEn   string  `json:"name_en"`
	BaseUnit string  `json:"base_unit,omitempty"` // e.g. "yuan" for wan_yuan
	Factor   float64 `json:"factor,omitempty"`    // value × Factor = value in BaseUnit
}

// Publisher is the body that publishes a report.
type Publisher struct {
	ID         string `json:"id"`
	NameZh     string `json:"name_zh"`
	NameEn     string `json:"name_en,omitempty"`
	Level      string `json:"level,omitempty"`       // province, prefecture, county, township, department
	AdminCode  string `json:"admin_code,omitempty"`  // GB/T 2260 code of the region it governs or belongs to
	ParentCode string `json:"parent_code,omitempty"` // GB/T 2260 code of the region above
}

// Contact is the contact block a report prints for questions about it.
type Contact struct {
	Organization string `json:"organization,omitempty"`
	Address      string `json:"address,omitempty"`
	Postcode     string `json:"postcode,omitempty"`
	Phone        string `json:"phone,omitempty"`
	Email        string `json:"email,omitempty"`
}

// Section is one heading of a report's narrative and the text under it.
type Section struct {
	Heading string `json:"heading"`
	Text    string `json:"text"`
	Line    int    `json:"line"` // line of the heading in the source
}

// Report is one publisher's report for one year, as parsed from one file.
type Report struct {
	Publisher    Publisher     `json:"publisher"`
	Year         int           `json:"year,omitempty"`
	Template     string        `json:"template"`
	Title        string        `json:"title,omitempty"`
	PublishedOn  string        `json:"published_on,omitempty"` // ISO date, or year-month when the day is blank
	Contact      Contact       `json:"contact"`
	Sections     []Section     `json:"sections"`
	Observations []Observation `json:"observations"`
	Unplaced     []Unplaced    `json:"unplaced"`
	Checks       []Check       `json:"checks,omitempty"` // consistency checks, when they have been run
	Missing      []string      `json:"missing"`          // metadata not found in the text: "publisher", "year", …
	// Truncated says why the table looks cut off part-way, "" when it is whole.
	// Parse still returns the figures that are there; ingest refuses it.
	Truncated string `json:"truncated,omitempty"`

	FileName string `json:"file_name,omitempty"`
	Source   []byte `json:"-"`      // the file's bytes as read
	SHA256   string `json:"sha256"` // hex digest of Source

	// Provenance of a report fetched from a website; empty for a file
	// ingested from disk.
	SourceURL  string       `json:"source_url,omitempty"`  // the URL of the file whose table was read
	ListingURL string       `json:"listing_url,omitempty"` // the listing page whose link led to the report
	FetchedAt  time.Time    `json:"fetched_at,omitzero"`   // when the bytes of Source were fetched
	Files      []SourceFile `json:"files,omitempty"`       // every file of the report: its page and attachments
}

// SourceFile is one file of a fetched report: the report page or one of its
// attachments. One of them (Read) is the file the figures were read from.
type SourceFile struct {
	URL       string    `json:"url"`
	Role      string    `json:"role"` // RolePage, RoleAttachment, RoleFile
	SHA256    string    `json:"sha256"`
	Read      bool      `json:"read"` // the figures were read from this file
	FetchedAt time.Time `json:"fetched_at"`
	Bytes     []byte    `json:"-"`
}

// Roles of a report's files.
const (
	RolePage       = "page"       // the web page of the report
	RoleAttachment = "attachment" // a file the page links to (PDF, DOCX, DOC …)
	RoleFile       = "file"       // a report file given, or linked from a listing, by itself
)

// Observation is one figure of a report: the value of one indicator, for one
// breakdown, with where it came from.
type Observation struct {
	Indicator string   `json:"indicator"`
	Breakdown string   `json:"breakdown"`
	Value     *float64 `json:"value"` // nil when the cell is blank or says "not applicable"
	Unit      string   `json:"unit"`
	Label     string   `json:"label"`          // the row text as printed (wrapped lines joined); the form's wording when flagged label_from_form
	Column    *string  `json:"column"`         // the column header for two-dimensional tables
	Raw       string   `json:"raw"`            // the cell text as printed
	Line      int      `json:"line"`           // line of the cell in the source
	Page      int      `json:"page,omitempty"` // page of the cell, in a PDF source
	Flags     []string `json:"flags"`          // quality flags, see the Flag constants
}

// Quality flags on observations.
const (
	FlagBlank        = "blank"         // empty cell: not reported
	FlagNotAvailable = "not_available" // —, -, /, 无: printed, but no number
	FlagOddFormat    = "odd_format"    // e.g. leading zeros (000), stray characters
	FlagUnitMismatch = "unit_mismatch" // the printed unit differs from the indicator's
	FlagUnitMissing  = "unit_missing"  // the row prints no unit
	FlagConverted    = "converted"     // the value was converted to the indicator's unit
	FlagLocalRow     = "local_row"     // a row the national form does not have
	FlagCheckFailed  = "check_failed"  // a consistency check involving it fails
	FlagDerived      = "derived"       // not printed: computed from printed figures (e.g. the two 行政诉讼 blocks summed)
	// FlagSplitByArithmetic marks a figure printed run together with its
	// neighbours (6233440) and cut from them by the only split that the
	// form's arithmetic admits.
	FlagSplitByArithmetic = "split_by_arithmetic"
	// FlagSplitByNarrative marks a figure printed run together with its
	// neighbours that several splits fit, cut by the one split that gives
	// the figure the report's own text states for the same indicator
	// (主动公开政府信息2949条 beside 主动公开文件数 294981916), or that the
	// form's arithmetic leaves once such a row is cut.
	FlagSplitByNarrative = "split_by_narrative"
	// FlagPlacedByFormOrder marks a figure whose column the header did not
	// say: it was placed by the national form's fixed column order, because
	// the row has exactly the form's number of figures and its identities
	// hold.
	FlagPlacedByFormOrder = "placed_by_form_order"
	// FlagLabelFromForm marks a figure of the national form whose label or
	// column came out of the source broken (a row's number after its
	// words, pieces of a heading joined into it, a header cell cut short):
	// that label or column is the form's wording, not the text as printed.
	FlagLabelFromForm = "label_from_form"
	// FlagPlacedByArithmetic marks a figure of a row printed with fewer
	// figures than its columns (blank cells that left no trace in the
	// text), placed under the one column the form's arithmetic admits for
	// it (26 26 under table 3's seven columns: the last is the 总计), the
	// column sums of the table confirming it.
	FlagPlacedByArithmetic = "placed_by_arithmetic"
)

// Unplaced is a table row the parser read but could not match to the catalogue.
// It is reported, never dropped and never guessed.
type Unplaced struct {
	Label  string   `json:"label"`
	Cells  []string `json:"cells"`
	Line   int      `json:"line"`
	Page   int      `json:"page,omitempty"` // in a PDF source
	Reason string   `json:"reason"`
}

// Indicator is a row (or row × column) of a template, with a stable code.
type Indicator struct {
	Code         string   `json:"code"`
	Parent       string   `json:"parent,omitempty"`
	Relation     string   `json:"relation"` // sum, subset, none
	Unit         string   `json:"unit,omitempty"`
	NameZh       string   `json:"name_zh"`
	NameEn       string   `json:"name_en"`
	Definition   string   `json:"definition,omitempty"`
	Mapping      string   `json:"mapping,omitempty"` // how templates map onto it: equivalent, approximate …
	Breakdowns   []string `json:"breakdowns,omitempty"`
	Templates    []string `json:"templates"`
	SourceLabels []string `json:"source_labels"`
}

// Relations of an indicator to its parent.
const (
	RelationSum    = "sum"    // siblings add up to the parent
	RelationSubset = "subset" // 其中: at most the parent
	RelationNone   = "none"
)

// Check is one consistency rule evaluated on one report.
type Check struct {
	Rule       string   `json:"rule"`
	Severity   string   `json:"severity"` // error, warning
	Status     string   `json:"status"`   // pass, fail, skipped
	Breakdown  string   `json:"breakdown"`
	Indicators []string `json:"indicators"`
	Expected   *float64 `json:"expected"`
	Actual     *float64 `json:"actual"`
	Message    string   `json:"message"`
	Evidence   string   `json:"evidence,omitempty"` // the sentence of the narrative it came from
}

// Dataset describes the loaded data as a whole.
type Dataset struct {
	Version      string    `json:"version"`
	LoadedAt     time.Time `json:"loaded_at"`
	Reports      int       `json:"reports"`
	Publishers   int       `json:"publishers"`
	Observations int       `json:"observations"`
}
