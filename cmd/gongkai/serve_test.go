package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServe starts `gongkai serve` on a new database, as a new user does:
// it creates the database from the embedded sample, answers, and stops
// cleanly when told to (SIGTERM cancels the same context).
func TestServe(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "new.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out, w := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--db", dbPath}, nil, w, io.Discard)
		w.Close()
	}()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("no serving line: %v", err)
	}
	go io.Copy(io.Discard, out)
	site := strings.Fields(line)[2] // gongkai: serving http://127.0.0.1:PORT/ …
	home, err := http.Get(site)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(home.Body)
	home.Body.Close()
	if home.StatusCode != 200 || !strings.Contains(string(body), "薛城区人民政府2017年政府信息公开工作年度报告") {
		t.Errorf("the home page: %d\n%.500s", home.StatusCode, body)
	}
	resp, err := http.Get(site + "v1/observations?indicator=requests.received&publisher=370403&year=2017")
	if err != nil {
		t.Fatal(err)
	}
	var page struct {
		Data []struct {
			Value float64 `json:"value"`
		} `json:"data"`
	}
	err = json.NewDecoder(resp.Body).Decode(&page)
	resp.Body.Close()
	if err != nil || len(page.Data) != 1 || page.Data[0].Value != 13 {
		t.Errorf("applications received: %+v, %v", page, err)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v after shutdown", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
}
