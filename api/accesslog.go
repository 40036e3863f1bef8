package api

import (
	"context"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// accessLog logs one structured line per request (logRequest).
func (s *Server) accessLog() echo.MiddlewareFunc {
	return middleware.RequestLoggerWithConfig(middleware.RequestLoggerConfig{
		LogStatus: true, LogURI: true, LogMethod: true, LogLatency: true, LogRemoteIP: true,
		LogRequestID: true, LogResponseSize: true, LogUserAgent: true,
		HandleError: true, // status of errors as the error handler answers them
		LogValuesFunc: func(c echo.Context, v middleware.RequestLoggerValues) error {
			s.logRequest(c.Request().Context(), time.Now(), v)
			return nil
		},
	})
}

// logRequest writes the access log line of a request answered at t; server
// errors are logged as errors. The line goes to Options.AccessLog when
// there is one (appendAccessLine), to the Logger otherwise.
func (s *Server) logRequest(ctx context.Context, t time.Time, v middleware.RequestLoggerValues) {
	if s.opts.AccessLog != nil {
		s.writeAccessLine(t, v)
		return
	}
	h := s.log.Handler()
	level := accessLevel(v.Status)
	if !h.Enabled(ctx, level) {
		return
	}
	// The record goes to the handler directly: the Logger would take the
	// caller's program counter, for a source location nobody asks of an
	// access log.
	r := slog.NewRecord(t, level, accessMessage, 0)
	r.AddAttrs(
		slog.String("id", v.RequestID),
		slog.String("method", v.Method),
		slog.String("uri", v.URI),
		slog.Int("status", v.Status),
		slog.Int64("bytes", v.ResponseSize),
		slog.Duration("latency", v.Latency),
		slog.String("ip", v.RemoteIP),
		slog.String("user_agent", v.UserAgent),
	)
	_ = h.Handle(ctx, r) // as Logger.LogAttrs: a log that cannot be written is not the request's failure
}

// accessMessage is the message of every access log line.
const accessMessage = "request"

// accessLevel is the level of the access log line of an answer with status.
func accessLevel(status int) slog.Level {
	if status >= 500 {
		return slog.LevelError
	}
	return slog.LevelInfo
}

// accessLines are the buffers access log lines are written in, reused from
// one request to the next.
var accessLines = sync.Pool{New: func() any { b := make([]byte, 0, 512); return &b }}

// writeAccessLine writes the access log line of v, logged at t, to
// Options.AccessLog in one Write, so that lines of concurrent requests
// stay whole.
func (s *Server) writeAccessLine(t time.Time, v middleware.RequestLoggerValues) {
	b := accessLines.Get().(*[]byte)
	*b = appendAccessLine((*b)[:0], t, v)
	_, _ = s.opts.AccessLog.Write(*b) // a log that cannot be written is not the request's failure
	accessLines.Put(b)
}

// appendAccessLine appends the access log line of v, logged at t, to b:
// the bytes slog.NewJSONHandler (without options) writes for the record
// logRequest gives the Logger, encoded here without slog's attribute
// values, interfaces and handler state, which cost a cache hit as much as
// the rest of its answer.
func appendAccessLine(b []byte, t time.Time, v middleware.RequestLoggerValues) []byte {
	b = append(b, `{"time":"`...)
	b = t.AppendFormat(b, time.RFC3339Nano)
	b = append(b, `","level":"`...)
	b = append(b, accessLevel(v.Status).String()...)
	b = append(b, `","msg":"`+accessMessage+`","id":`...)
	b = appendJSONString(b, v.RequestID)
	b = append(b, `,"method":`...)
	b = appendJSONString(b, v.Method)
	b = append(b, `,"uri":`...)
	b = appendJSONString(b, v.URI)
	b = append(b, `,"status":`...)
	b = strconv.AppendInt(b, int64(v.Status), 10)
	b = append(b, `,"bytes":`...)
	b = strconv.AppendInt(b, v.ResponseSize, 10)
	b = append(b, `,"latency":`...)
	b = strconv.AppendInt(b, int64(v.Latency), 10)
	b = append(b, `,"ip":`...)
	b = appendJSONString(b, v.RemoteIP)
	b = append(b, `,"user_agent":`...)
	b = appendJSONString(b, v.UserAgent)
	return append(b, "}\n"...)
}

// appendJSONString appends s as a JSON string, escaped as slog's JSON
// handler escapes it: quote, backslash and control characters, invalid
// UTF-8 as U+FFFD, and U+2028 and U+2029 (which JavaScript does not allow
// in strings).
func appendJSONString(b []byte, s string) []byte { return appendQuoted(b, s, false) }
