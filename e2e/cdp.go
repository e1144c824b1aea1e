// Package e2e holds the browser tests: it starts headless Chromium and
// drives it over the Chrome DevTools Protocol to check the HTML report and
// the Mermaid outputs the way a reader's browser and GitHub would see them.
//
// The client speaks the protocol over --remote-debugging-pipe (JSON
// messages separated by NUL bytes on file descriptors 3 and 4), so it
// needs no network port, no websocket library and no download.
package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"
	"time"
)

// ChromiumFlags are the flags every browser is started with: headless, no
// sandbox (tests run as root in CI), and nothing that phones home.
func ChromiumFlags(userDataDir string) []string {
	return []string{
		"--headless",
		"--no-sandbox",
		"--disable-gpu",
		"--disable-quic",
		"--no-first-run",
		"--no-default-browser-check",
		"--disable-background-networking",
		"--disable-component-update",
		"--disable-sync",
		"--disable-extensions",
		"--disable-dev-shm-usage",
		"--hide-scrollbars",
		"--mute-audio",
		"--user-data-dir=" + userDataDir,
		"--remote-debugging-pipe",
		"about:blank",
	}
}

// Event is a protocol event.
type Event struct {
	Method    string          `json:"method"`
	Params    json.RawMessage `json:"params"`
	SessionID string          `json:"sessionId"`
}

type message struct {
	ID        int             `json:"id,omitempty"`
	Method    string          `json:"method,omitempty"`
	Params    json.RawMessage `json:"params,omitempty"`
	SessionID string          `json:"sessionId,omitempty"`
	Result    json.RawMessage `json:"result,omitempty"`
	Error     *ProtocolError  `json:"error,omitempty"`
}

// ProtocolError is an error answer to a command.
type ProtocolError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
	Data    string `json:"data"`
}

func (e *ProtocolError) Error() string {
	if e.Data != "" {
		return fmt.Sprintf("%s (%d): %s", e.Message, e.Code, e.Data)
	}
	return fmt.Sprintf("%s (%d)", e.Message, e.Code)
}

// Browser is a running Chromium and the pipe to it.
type Browser struct {
	cmd    *exec.Cmd
	toChr  io.WriteCloser
	stderr *bytes.Buffer
	done   chan struct{} // closed when the reader stops

	mu       sync.Mutex
	writeMu  sync.Mutex
	nextID   int
	pending  map[int]chan message
	sessions map[string]*Page
	readErr  error
}

// Launch starts Chromium at path with ChromiumFlags. The browser lives
// until Close; userDataDir should be a fresh empty directory.
func Launch(path, userDataDir string) (*Browser, error) {
	// fd 3: commands to the browser; fd 4: answers and events from it.
	cmdR, cmdW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	evR, evW, err := os.Pipe()
	if err != nil {
		cmdR.Close()
		cmdW.Close()
		return nil, err
	}
	b := &Browser{
		stderr:   &bytes.Buffer{},
		done:     make(chan struct{}),
		pending:  map[int]chan message{},
		sessions: map[string]*Page{},
		toChr:    cmdW,
	}
	b.cmd = exec.Command(path, ChromiumFlags(userDataDir)...)
	b.cmd.ExtraFiles = []*os.File{cmdR, evW}
	b.cmd.Stdout = io.Discard
	b.cmd.Stderr = &lockedWriter{w: b.stderr, mu: &b.mu}
	if err := b.cmd.Start(); err != nil {
		cmdR.Close()
		cmdW.Close()
		evR.Close()
		evW.Close()
		return nil, err
	}
	// The child holds its own copies now.
	cmdR.Close()
	evW.Close()
	go b.read(evR)
	return b, nil
}

type lockedWriter struct {
	w  io.Writer
	mu *sync.Mutex
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// Stderr is what the browser printed so far, for failure messages.
func (b *Browser) Stderr() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.stderr.String()
}

func (b *Browser) read(r io.ReadCloser) {
	defer close(b.done)
	defer r.Close()
	br := bufio.NewReaderSize(r, 1<<20)
	for {
		raw, err := br.ReadBytes(0)
		if err != nil {
			b.mu.Lock()
			b.readErr = fmt.Errorf("browser pipe closed: %w", err)
			for id, ch := range b.pending {
				close(ch)
				delete(b.pending, id)
			}
			b.mu.Unlock()
			return
		}
		var m message
		if err := json.Unmarshal(raw[:len(raw)-1], &m); err != nil {
			continue
		}
		b.mu.Lock()
		if m.ID != 0 {
			if ch, ok := b.pending[m.ID]; ok {
				delete(b.pending, m.ID)
				ch <- m
			}
		} else if p := b.sessions[m.SessionID]; p != nil {
			p.record(Event{Method: m.Method, Params: m.Params, SessionID: m.SessionID})
		}
		b.mu.Unlock()
	}
}

// Call sends a command (to a page's session when sessionID is set) and
// decodes its result into result when that is not nil.
func (b *Browser) Call(ctx context.Context, sessionID, method string, params, result any) error {
	if params == nil {
		params = struct{}{}
	}
	raw, err := json.Marshal(params)
	if err != nil {
		return err
	}
	ch := make(chan message, 1)
	b.mu.Lock()
	if b.readErr != nil {
		err := b.readErr
		b.mu.Unlock()
		return err
	}
	b.nextID++
	id := b.nextID
	b.pending[id] = ch
	b.mu.Unlock()

	out, err := json.Marshal(message{ID: id, Method: method, Params: raw, SessionID: sessionID})
	if err != nil {
		return err
	}
	b.writeMu.Lock()
	_, err = b.toChr.Write(append(out, 0))
	b.writeMu.Unlock()
	if err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	select {
	case m, ok := <-ch:
		if !ok {
			return fmt.Errorf("%s: no answer: the browser went away", method)
		}
		if m.Error != nil {
			return fmt.Errorf("%s: %w", method, m.Error)
		}
		if result != nil {
			return json.Unmarshal(m.Result, result)
		}
		return nil
	case <-ctx.Done():
		b.mu.Lock()
		delete(b.pending, id)
		b.mu.Unlock()
		return fmt.Errorf("%s: %w", method, ctx.Err())
	}
}

// Close asks the browser to quit, then kills it if it does not.
func (b *Browser) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = b.Call(ctx, "", "Browser.close", nil, nil)
	b.toChr.Close()
	exited := make(chan error, 1)
	go func() { exited <- b.cmd.Wait() }()
	select {
	case <-exited:
	case <-time.After(10 * time.Second):
		_ = b.cmd.Process.Kill()
		<-exited
	}
	<-b.done
	return nil
}

// Page is one tab, attached with its own session.
type Page struct {
	b       *Browser
	session string

	mu     sync.Mutex
	events []Event
	wake   chan struct{} // closed and replaced on every event
}

// NewPage opens a blank tab and enables the domains the tests watch:
// Page, Runtime (console, exceptions), Log and Network.
func (b *Browser) NewPage(ctx context.Context) (*Page, error) {
	var target struct {
		TargetID string `json:"targetId"`
	}
	if err := b.Call(ctx, "", "Target.createTarget", map[string]any{"url": "about:blank"}, &target); err != nil {
		return nil, err
	}
	var attached struct {
		SessionID string `json:"sessionId"`
	}
	if err := b.Call(ctx, "", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &attached); err != nil {
		return nil, err
	}
	p := &Page{b: b, session: attached.SessionID, wake: make(chan struct{})}
	b.mu.Lock()
	b.sessions[p.session] = p
	b.mu.Unlock()
	for _, domain := range []string{"Page", "Runtime", "Log", "Network"} {
		if err := p.Call(ctx, domain+".enable", nil, nil); err != nil {
			return nil, err
		}
	}
	return p, nil
}

func (p *Page) record(e Event) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.events = append(p.events, e)
	close(p.wake)
	p.wake = make(chan struct{})
}

// Events returns every event seen so far.
func (p *Page) Events() []Event {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]Event(nil), p.events...)
}

// Call sends a command to the page's session.
func (p *Page) Call(ctx context.Context, method string, params, result any) error {
	return p.b.Call(ctx, p.session, method, params, result)
}

// WaitEvent waits for an event named method after the first `after`
// events, and returns its index.
func (p *Page) WaitEvent(ctx context.Context, method string, after int) (int, error) {
	for {
		p.mu.Lock()
		for i := after; i < len(p.events); i++ {
			if p.events[i].Method == method {
				p.mu.Unlock()
				return i, nil
			}
		}
		wake := p.wake
		p.mu.Unlock()
		select {
		case <-wake:
		case <-p.b.done:
			return 0, errors.New("the browser went away while waiting for " + method)
		case <-ctx.Done():
			return 0, fmt.Errorf("waiting for %s: %w", method, ctx.Err())
		}
	}
}

// Navigate opens url and waits for its load event.
func (p *Page) Navigate(ctx context.Context, url string) error {
	mark := len(p.Events())
	var nav struct {
		ErrorText string `json:"errorText"`
	}
	if err := p.Call(ctx, "Page.navigate", map[string]any{"url": url}, &nav); err != nil {
		return err
	}
	if nav.ErrorText != "" {
		return fmt.Errorf("navigate to %s: %s", url, nav.ErrorText)
	}
	_, err := p.WaitEvent(ctx, "Page.loadEventFired", mark)
	return err
}

// Evaluate runs a JavaScript expression, awaiting a promise it returns, and
// decodes its value (JSON-serialisable) into result.
func (p *Page) Evaluate(ctx context.Context, expression string, result any) error {
	var r struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct {
			Text      string `json:"text"`
			Exception *struct {
				Description string `json:"description"`
			} `json:"exception"`
		} `json:"exceptionDetails"`
	}
	err := p.Call(ctx, "Runtime.evaluate", map[string]any{
		"expression": expression, "returnByValue": true, "awaitPromise": true,
	}, &r)
	if err != nil {
		return err
	}
	if d := r.ExceptionDetails; d != nil {
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		return fmt.Errorf("javascript exception: %s", msg)
	}
	if result == nil {
		return nil
	}
	if len(r.Result.Value) == 0 {
		return errors.New("javascript returned no value")
	}
	return json.Unmarshal(r.Result.Value, result)
}

// Screenshot returns a PNG of the whole page at the given viewport width.
func (p *Page) Screenshot(ctx context.Context, width int) ([]byte, error) {
	// Lay the page out at the final width first, then measure its height.
	if err := p.Call(ctx, "Emulation.setDeviceMetricsOverride", map[string]any{
		"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": false,
	}, nil); err != nil {
		return nil, err
	}
	var size struct {
		Height float64 `json:"height"`
	}
	if err := p.Evaluate(ctx, `({height: Math.ceil(document.documentElement.scrollHeight)})`, &size); err != nil {
		return nil, err
	}
	height := max(int(size.Height), 200)
	if err := p.Call(ctx, "Emulation.setDeviceMetricsOverride", map[string]any{
		"width": width, "height": height, "deviceScaleFactor": 1, "mobile": false,
	}, nil); err != nil {
		return nil, err
	}
	var shot struct {
		Data []byte `json:"data"` // base64 in JSON, decoded by encoding/json
	}
	if err := p.Call(ctx, "Page.captureScreenshot", map[string]any{"format": "png", "captureBeyondViewport": true}, &shot); err != nil {
		return nil, err
	}
	return shot.Data, nil
}

// PrintPDF prints the page as the browser's print dialog would, honouring
// the page's print style sheet and @page size.
func (p *Page) PrintPDF(ctx context.Context) ([]byte, error) {
	var pdf struct {
		Data []byte `json:"data"`
	}
	err := p.Call(ctx, "Page.printToPDF", map[string]any{"printBackground": true, "preferCSSPageSize": true}, &pdf)
	return pdf.Data, err
}

// Problem is something a page did that a self-contained report must not:
// a console error, an uncaught exception, a failed or refused request.
type Problem struct {
	Kind, Text string
}

// Problems scans the page's events for errors and failed requests.
func (p *Page) Problems() []Problem { return p.ProblemsSince(0) }

// ProblemsSince is Problems for the events after the first `mark`.
func (p *Page) ProblemsSince(mark int) []Problem {
	var out []Problem
	events := p.Events()
	if mark > len(events) {
		mark = len(events)
	}
	for _, e := range events[mark:] {
		switch e.Method {
		case "Runtime.consoleAPICalled":
			var c struct {
				Type string `json:"type"`
				Args []struct {
					Value       any    `json:"value"`
					Description string `json:"description"`
				} `json:"args"`
			}
			if json.Unmarshal(e.Params, &c) == nil && (c.Type == "error" || c.Type == "assert") {
				text := ""
				for _, a := range c.Args {
					text += fmt.Sprint(a.Value, a.Description, " ")
				}
				out = append(out, Problem{"console." + c.Type, text})
			}
		case "Runtime.exceptionThrown":
			out = append(out, Problem{"exception", string(e.Params)})
		case "Log.entryAdded":
			var l struct {
				Entry struct {
					Level, Text, URL string
				} `json:"entry"`
			}
			if json.Unmarshal(e.Params, &l) == nil && l.Entry.Level == "error" {
				out = append(out, Problem{"log", l.Entry.Text + " " + l.Entry.URL})
			}
		case "Network.loadingFailed":
			var f struct {
				ErrorText     string `json:"errorText"`
				BlockedReason string `json:"blockedReason"`
				Type          string `json:"type"`
			}
			_ = json.Unmarshal(e.Params, &f)
			out = append(out, Problem{"request failed", f.Type + " " + f.ErrorText + " " + f.BlockedReason})
		case "Network.responseReceived":
			var r struct {
				Response struct {
					URL    string `json:"url"`
					Status int    `json:"status"`
				} `json:"response"`
			}
			if json.Unmarshal(e.Params, &r) == nil && r.Response.Status >= 400 {
				out = append(out, Problem{"response", fmt.Sprintf("%d %s", r.Response.Status, r.Response.URL)})
			}
		}
	}
	return out
}

// Requests lists the URLs the page asked for.
func (p *Page) Requests() []string {
	var out []string
	for _, e := range p.Events() {
		if e.Method != "Network.requestWillBeSent" {
			continue
		}
		var r struct {
			Request struct {
				URL string `json:"url"`
			} `json:"request"`
		}
		if json.Unmarshal(e.Params, &r) == nil {
			out = append(out, r.Request.URL)
		}
	}
	return out
}
