package gongkai

import (
	"errors"
	"fmt"
)

// Error codes. The HTTP layer maps each to one status; the command line to a message.
const (
	ECONFLICT = "conflict"  // e.g. a different file for a publisher and year already stored
	EINTERNAL = "internal"  // a bug or an I/O failure: never shown to users in detail
	EINVALID  = "invalid"   // bad input: a file that cannot be parsed, a bad parameter
	ENOTFOUND = "not_found" // no such code, id or report
)

// Error is an error meant for the user: Message is safe to show.
// Param names the query parameter at fault, File and Line the place in a report file.
type Error struct {
	Code    string
	Message string
	Param   string
	File    string
	Line    int
}

func (e *Error) Error() string {
	switch {
	case e.File != "" && e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Message)
	case e.File != "":
		return fmt.Sprintf("%s: %s", e.File, e.Message)
	case e.Param != "":
		return fmt.Sprintf("%s: %s", e.Param, e.Message)
	}
	return e.Message
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err if it is (or wraps) an *Error, else EINTERNAL.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-safe message of err, or a generic one for internal errors.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
