package fetch

import (
	"mime"
	"net/http"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"
)

// Chinese government sites serve pages in UTF-8 or in GB2312/GBK, declared
// in the Content-Type header, in a <meta>, in both (sometimes differently)
// or nowhere. ingest reads UTF-8 as such, and anything else in the charset
// of its <meta>, or as GB18030 (a superset of GB2312 and GBK) when it
// declares none. The header outranks the <meta> (as in browsers), and
// ingest never sees it; so the bytes are handed over as served, and kept as
// served, whenever ingest would read them right, and transcoded to UTF-8
// only when the header says otherwise.

// decodeForIngest returns body as ingest should be given it, and the
// charset it was transcoded from ("" when it is handed over as served).
func decodeForIngest(body []byte, contentType string) ([]byte, string) {
	if utf8.Valid(body) || !isText(body) {
		return body, ""
	}
	ingestReads := metaCharset(body)
	if ingestReads == "" {
		ingestReads = "gb18030"
	}
	served := headerCharset(contentType)
	if served == "" || family(served) == family(ingestReads) {
		return body, ""
	}
	return transcode(body, served), served
}

// decodeText is body as text, for reading its links: in the charset of the
// header, else of its <meta>, else UTF-8 when valid, else GB18030.
func decodeText(body []byte, contentType string) string {
	if utf8.Valid(body) {
		return string(body)
	}
	name := headerCharset(contentType)
	if name == "" {
		name = metaCharset(body)
	}
	if name == "" {
		name = "gb18030"
	}
	return string(transcode(body, name))
}

// transcode reads body in the named charset and returns it as UTF-8;
// undecodable bytes become U+FFFD.
func transcode(body []byte, name string) []byte {
	enc, _ := charset.Lookup(name)
	if enc == nil {
		return body
	}
	out, _, err := transform.Bytes(enc.NewDecoder(), body)
	if err != nil {
		return body
	}
	return out
}

// headerCharset is the charset a Content-Type header declares, by its
// WHATWG name, or "".
func headerCharset(contentType string) string {
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	if _, name := charset.Lookup(params["charset"]); name != "" {
		return name
	}
	return ""
}

// metaCharsetDecl matches a charset declared in <meta charset=…> or
// <meta http-equiv content="text/html; charset=…">, as ingest reads it.
var metaCharsetDecl = regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:\-]+)`)

// metaCharset is the charset a page's <meta> declares in its first 2 KB
// (where ingest looks), by its WHATWG name, or "".
func metaCharset(body []byte) string {
	m := metaCharsetDecl.FindSubmatch(body[:min(len(body), 2048)])
	if m == nil {
		return ""
	}
	_, name := charset.Lookup(string(m[1]))
	return name
}

// family groups the charsets one decoder reads: GB18030 reads GB2312 and GBK.
func family(name string) string {
	switch strings.ToLower(name) {
	case "gbk", "gb2312", "gb18030":
		return "gb18030"
	}
	return strings.ToLower(name)
}

// isText reports whether body sniffs as text or HTML rather than a binary
// file (PDF, DOCX, DOC …).
func isText(body []byte) bool {
	return strings.HasPrefix(http.DetectContentType(body), "text/")
}
