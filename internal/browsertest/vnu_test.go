package browsertest

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

type vnuReport struct {
	Messages []struct {
		Type        string `json:"type"` // "error", "info" or "non-document-error"
		SubType     string `json:"subType"`
		URL         string `json:"url"`
		FirstLine   int    `json:"firstLine"`
		LastLine    int    `json:"lastLine"`
		FirstColumn int    `json:"firstColumn"`
		Message     string `json:"message"`
		Extract     string `json:"extract"`
	} `json:"messages"`
}

// TestNuHTMLChecker runs the Nu HTML Checker (vnu.jar) over every HTML and
// CSS file of the output, in one JVM start, and fails on any error.
func TestNuHTMLChecker(t *testing.T) {
	requireVNU(t)
	s := rootSite(t)
	cmd := exec.Command("java", "-jar", vnuJarPath(),
		"--errors-only", "--format", "json", "--skip-non-html", "--also-check-css", s.dir)
	cmd.WaitDelay = 5 * time.Second
	done := time.AfterFunc(3*time.Minute, func() { cmd.Process.Kill() })
	// vnu writes its report to stderr and exits 1 when it found errors.
	out, err := cmd.Output()
	done.Stop()
	var stderr []byte
	if ee, ok := err.(*exec.ExitError); ok {
		stderr = ee.Stderr
	} else if err != nil {
		t.Fatalf("running vnu.jar: %v", err)
	}
	var rep vnuReport
	if jerr := json.Unmarshal(stderr, &rep); jerr != nil && len(stderr) > 0 {
		t.Fatalf("reading vnu.jar's report: %v\nstdout:\n%s\nstderr:\n%s", jerr, out, stderr)
	}
	if err != nil && len(rep.Messages) == 0 {
		t.Fatalf("vnu.jar failed with no report: %v\n%s%s", err, out, stderr)
	}

	byMessage := map[string]int{}
	errors := 0
	for _, m := range rep.Messages {
		if m.Type == "info" {
			continue
		}
		errors++
		file := strings.TrimPrefix(m.URL, "file:")
		if rel, err := filepath.Rel(s.dir, file); err == nil {
			file = rel
		}
		line := m.LastLine
		if m.FirstLine > 0 {
			line = m.FirstLine
		}
		t.Errorf("vnu: %s:%d:%d: %s\n    %s", file, line, m.FirstColumn, m.Message, strings.TrimSpace(m.Extract))
		byMessage[m.Message]++
	}
	if errors > 0 {
		msgs := make([]string, 0, len(byMessage))
		for m := range byMessage {
			msgs = append(msgs, m)
		}
		slices.Sort(msgs)
		var b strings.Builder
		fmt.Fprintf(&b, "vnu: %d errors, %d distinct messages:", errors, len(msgs))
		for _, m := range msgs {
			fmt.Fprintf(&b, "\n  %4d  %s", byMessage[m], m)
		}
		t.Log(b.String())
	}
}
