package api

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/gongkai/gongkai"
)

// Problem is an error answer, an RFC 9457 problem document
// (Content-Type application/problem+json).
type Problem struct {
	// Type is "about:blank": the status says what kind of problem it is.
	Type string `json:"type" example:"about:blank"`
	// Title is the HTTP status phrase.
	Title string `json:"title" example:"Bad Request"`
	// Status is the HTTP status code.
	Status int `json:"status" example:"400"`
	// Detail says what was wrong and what is accepted instead.
	Detail string `json:"detail" example:"year: \"20x7\" is not a year; give a year (2017), a range (2015:2019) or a list (2015,2017)"`
	// Instance is the path and query of the request.
	Instance string `json:"instance" example:"/v1/observations?year=20x7"`
	// Param names the query parameter at fault, when one is.
	Param string `json:"param,omitempty" example:"year"`
	// RequestID is the id of the request in the server's logs.
	RequestID string `json:"request_id,omitempty" example:"3f2a5c0e9b7d4e61a8c2"`
}

const problemType = "application/problem+json"

// answeredKey marks, in the request's context, the error already answered.
const answeredKey = "gongkai.answered"

// statuses maps the codes of gongkai errors to HTTP statuses.
var statuses = map[string]int{
	gongkai.EINVALID:  http.StatusBadRequest,
	gongkai.ENOTFOUND: http.StatusNotFound,
	gongkai.ECONFLICT: http.StatusConflict,
	gongkai.EINTERNAL: http.StatusInternalServerError,
}

// handleError answers every error of a handler or middleware with a
// problem document. Errors that are not gongkai errors or echo's HTTP errors
// are logged and answered with a plain 500: their text may hold SQL or paths.
func (s *Server) handleError(err error, c echo.Context) {
	res := c.Response()
	if answered, _ := c.Get(answeredKey).(error); answered == err {
		return // the access log answers errors first, then passes them on
	}
	if res.Committed {
		// A stream (CSV) failed after its first bytes: the client sees a cut answer.
		s.log.Error("request failed after the answer began", "id", res.Header().Get(echo.HeaderXRequestID),
			"method", c.Request().Method, "uri", c.Request().RequestURI, "err", err)
		return
	}
	c.Set(answeredKey, err)
	p := s.problem(err, c)
	h := res.Header()
	h.Del("ETag")
	h.Del(echo.HeaderContentDisposition)
	h.Set("Cache-Control", "no-store")
	body, _ := json.Marshal(p) // a Problem always encodes
	if c.Request().Method == http.MethodHead {
		h.Set(echo.HeaderContentType, problemType)
		err = c.NoContent(p.Status)
	} else {
		err = c.Blob(p.Status, problemType, body)
	}
	if err != nil {
		s.log.Warn("cannot send the error answer", "err", err)
	}
}

// problem turns err into a problem document, logging the errors whose
// details are not for the client.
func (s *Server) problem(err error, c echo.Context) *Problem {
	p := &Problem{Type: "about:blank", Instance: c.Request().URL.RequestURI(),
		RequestID: c.Response().Header().Get(echo.HeaderXRequestID)}
	var ge *gongkai.Error
	var he *echo.HTTPError
	switch {
	case errors.As(err, &ge) && ge.Code != gongkai.EINTERNAL:
		p.Status, p.Detail, p.Param = statuses[ge.Code], ge.Error(), ge.Param
		if p.Status == 0 {
			p.Status = http.StatusInternalServerError
		}
	case errors.As(err, &he) && he.Code < 500:
		p.Status = he.Code
		p.Detail = httpErrorDetail(he)
	default:
		p.Status = http.StatusInternalServerError
		p.Detail = "The server failed to answer; the error is logged under the request id."
		s.log.Error("request failed", "id", p.RequestID, "method", c.Request().Method,
			"uri", c.Request().RequestURI, "err", err)
	}
	p.Title = http.StatusText(p.Status)
	return p
}

// httpErrorDetail explains echo's own errors (unknown route, method).
func httpErrorDetail(he *echo.HTTPError) string {
	switch he.Code {
	case http.StatusNotFound:
		return "No such resource; the API's paths are listed at /openapi.json and /swagger/index.html."
	case http.StatusMethodNotAllowed:
		return "The API is read-only: use GET."
	}
	if m, ok := he.Message.(string); ok {
		return m
	}
	return http.StatusText(he.Code)
}

// invalidParam is the error of a malformed query parameter.
func invalidParam(param, format string, args ...any) *gongkai.Error {
	e := gongkai.Errorf(gongkai.EINVALID, format, args...)
	e.Param = param
	return e
}
