package api

import "syscall"

// cork sets TCP_CORK on a connection: 1 holds partial segments back, 0
// sends them.
func cork(conn syscall.RawConn, on int) {
	_ = conn.Control(func(fd uintptr) { _ = syscall.SetsockoptInt(int(fd), syscall.IPPROTO_TCP, syscall.TCP_CORK, on) })
}
