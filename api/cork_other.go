//go:build !linux

package api

import "syscall"

// cork does nothing where TCP_CORK is not there: the headers then leave
// in a segment of their own.
func cork(syscall.RawConn, int) {}
