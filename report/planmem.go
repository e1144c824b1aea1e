package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// MaxPlanMemory bounds the memory a saved plan may take once decoded, as
// decodedSize estimates it from the JSON before decoding. A plan at the
// planner's own limits (10,000,000 cash-flow periods, 189 MB of JSON)
// takes about 200 MB; 256 MiB of `{},` in "projects" would have taken
// 80 GB, and 227 MB of short numbers took 3.6 GB.
const MaxPlanMemory = 384 << 20

// decodedSize estimates, without allocating, the bytes json.Unmarshal
// would allocate to decode data into a value of type t: each slice
// element three times over (the slice and the smaller ones it grew
// from, garbage the collector has yet to reclaim), each string its
// length, each map entry its key and value with the map's overhead. It
// stops once the estimate passes limit and returns the offset in data of
// the value that passed it (-1 when it did not). Data that is not valid
// JSON is left to json.Unmarshal to report: the walk stops with what it
// has counted.
func decodedSize(data []byte, t reflect.Type, limit int64) (size int64, over int) {
	s := &sizeScanner{data: data, limit: limit, over: -1}
	s.value(t, 0)
	return s.size, s.over
}

type sizeScanner struct {
	data  []byte
	pos   int
	size  int64
	limit int64
	over  int  // offset where size passed limit, or -1
	bad   bool // not valid JSON (or not as expected): stop
	// fields caches jsonFields by struct type.
	fields map[reflect.Type]map[string]reflect.Type
}

const (
	mapEntryOverhead = 48 // bucket share, hash and tophash per entry
	sliceGrowth      = 3  // what json.Unmarshal allocates per slice element, in elements
	maxTypedDepth    = 64 // deeper than any Go type a plan holds
)

func (s *sizeScanner) add(n int64, at int) {
	s.size += n
	if s.size > s.limit && s.over < 0 {
		s.over = at
	}
}

func (s *sizeScanner) done() bool { return s.bad || s.over >= 0 }

func (s *sizeScanner) skipSpace() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

// value walks one JSON value that decodes into t (nil: ignored by the
// decoder), adding what decoding it allocates beyond t's own size, which
// the caller counts.
func (s *sizeScanner) value(t reflect.Type, depth int) {
	s.skipSpace()
	if s.done() || s.pos >= len(s.data) {
		s.bad = true
		return
	}
	for t != nil && t.Kind() == reflect.Pointer {
		if s.data[s.pos] == 'n' { // null leaves the pointer nil
			break
		}
		s.add(int64(t.Elem().Size()), s.pos)
		t = t.Elem()
	}
	if t != nil && (depth > maxTypedDepth || t.Kind() == reflect.Interface ||
		reflect.PointerTo(t).Implements(reflect.TypeFor[json.Unmarshaler]())) {
		// Not a plan's field: charge the bytes as generously as a
		// map[string]any would take them.
		start := s.pos
		s.skip()
		s.add(int64(s.pos-start)*16, start)
		return
	}
	switch c := s.data[s.pos]; {
	case c == '{':
		s.object(t, depth)
	case c == '[':
		s.array(t, depth)
	case c == '"':
		start := s.pos
		s.skipString()
		if t != nil && t.Kind() == reflect.String {
			s.add(int64(s.pos-start-2), start)
		}
	default:
		s.skipScalar()
	}
}

func (s *sizeScanner) object(t reflect.Type, depth int) {
	s.pos++ // {
	var fields map[string]reflect.Type
	var elem reflect.Type
	switch {
	case t == nil:
	case t.Kind() == reflect.Struct:
		if fields = s.fields[t]; fields == nil {
			if s.fields == nil {
				s.fields = map[reflect.Type]map[string]reflect.Type{}
			}
			fields = jsonFields(t)
			s.fields[t] = fields
		}
	case t.Kind() == reflect.Map:
		elem = t.Elem()
	default:
		t = nil // a type mismatch: json.Unmarshal reports it
	}
	for first := true; !s.done(); first = false {
		s.skipSpace()
		if s.pos < len(s.data) && s.data[s.pos] == '}' {
			s.pos++
			return
		}
		if !first {
			if s.pos >= len(s.data) || s.data[s.pos] != ',' {
				s.bad = true
				return
			}
			s.pos++
			s.skipSpace()
		}
		keyStart := s.pos
		if s.pos >= len(s.data) || s.data[s.pos] != '"' {
			s.bad = true
			return
		}
		s.skipString()
		key := s.data[keyStart:s.pos]
		s.skipSpace()
		if s.pos >= len(s.data) || s.data[s.pos] != ':' {
			s.bad = true
			return
		}
		s.pos++
		switch {
		case fields != nil:
			s.value(fieldType(fields, key), depth+1)
		case elem != nil:
			s.add(int64(len(key))+int64(t.Key().Size()+elem.Size())+mapEntryOverhead, keyStart)
			s.value(elem, depth+1)
		default:
			s.value(nil, depth+1)
		}
	}
}

func (s *sizeScanner) array(t reflect.Type, depth int) {
	var elem reflect.Type
	if t != nil && t.Kind() == reflect.Slice {
		elem = t.Elem()
	} else if t != nil {
		t = nil // arrays of fixed size and mismatches: nothing to grow
	}
	s.pos++ // [
	for first := true; !s.done(); first = false {
		s.skipSpace()
		if s.pos < len(s.data) && s.data[s.pos] == ']' {
			s.pos++
			return
		}
		if !first {
			if s.pos >= len(s.data) || s.data[s.pos] != ',' {
				s.bad = true
				return
			}
			s.pos++
		}
		if elem != nil {
			s.add(sliceGrowth*int64(elem.Size()), s.pos)
		}
		s.value(elem, depth+1)
	}
}

// skip passes over one value of any kind without recursion.
func (s *sizeScanner) skip() {
	open := 0
	for !s.bad {
		s.skipSpace()
		if s.pos >= len(s.data) {
			s.bad = true
			return
		}
		switch s.data[s.pos] {
		case '{', '[':
			open++
			s.pos++
		case '}', ']':
			open--
			s.pos++
		case '"':
			s.skipString()
		case ',', ':':
			s.pos++
		default:
			s.skipScalar()
		}
		if open <= 0 {
			if open < 0 {
				s.bad = true
			}
			return
		}
	}
}

func (s *sizeScanner) skipString() {
	s.pos++ // "
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case '\\':
			s.pos += 2
		case '"':
			s.pos++
			return
		default:
			s.pos++
		}
	}
	s.bad = true
}

func (s *sizeScanner) skipScalar() {
	start := s.pos
	for s.pos < len(s.data) && strings.IndexByte(" \t\r\n,]}:", s.data[s.pos]) < 0 {
		s.pos++
	}
	if s.pos == start {
		s.bad = true
	}
}

// jsonFields maps the JSON names of a struct's fields (as encoding/json
// reads them: the tag's name, else the field's) to their types.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	fields := map[string]reflect.Type{}
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			for k, v := range jsonFields(f.Type) { // promoted, as encoding/json does
				if _, ok := fields[k]; !ok {
					fields[k] = v
				}
			}
			continue
		}
		if name == "" {
			name = f.Name
		}
		fields[name] = f.Type
	}
	return fields
}

// fieldType finds a key's field as encoding/json does: exactly, else
// ignoring case. Keys with escapes are decoded first.
func fieldType(fields map[string]reflect.Type, quoted []byte) reflect.Type {
	var key string
	if bytes.IndexByte(quoted, '\\') >= 0 {
		if json.Unmarshal(quoted, &key) != nil {
			return nil
		}
	} else {
		key = string(quoted[1 : len(quoted)-1])
	}
	if t, ok := fields[key]; ok {
		return t
	}
	for name, t := range fields {
		if strings.EqualFold(name, key) {
			return t
		}
	}
	return nil
}

// planTooLarge is the refusal of a plan whose decoded form would pass
// MaxPlanMemory, at the line and column of the value that passed it.
func planTooLarge(data []byte, over int) error {
	line, col := lineColumn(data, int64(over))
	return fmt.Errorf("plan too large at line %d, column %d (byte %d): the plan would take more than %d MiB of memory once read (a plan at the planner's own limits takes about 200 MiB); is it the right file?", line, col, over, MaxPlanMemory>>20)
}
