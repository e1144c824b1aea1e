package report

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"io/fs"
	"slices"
	"strings"
)

// sortedZip is the zip writer of a workbook: excelize writes the sheets
// of its stream writers in the order of a map, so the same plan would
// give other bytes from run to run. sortedZip compresses each entry as
// it comes and writes them at Close in one order: by name, descending,
// the order excelize gives every other entry.
type sortedZip struct {
	w       io.Writer
	entries []*zipEntry
}

type zipEntry struct {
	name string
	data bytes.Buffer // deflated
	fw   *flate.Writer
	crc  uint32
	size uint64
}

func (e *zipEntry) Write(p []byte) (int, error) {
	e.crc = crc32.Update(e.crc, crc32.IEEETable, p)
	e.size += uint64(len(p))
	return e.fw.Write(p)
}

func newSortedZip(w io.Writer) *sortedZip { return &sortedZip{w: w} }

// Create starts an entry; the one before is complete.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	if err := z.closeLast(); err != nil {
		return nil, err
	}
	e := &zipEntry{name: name}
	fw, err := flate.NewWriter(&e.data, flate.DefaultCompression)
	if err != nil {
		return nil, err
	}
	e.fw = fw
	z.entries = append(z.entries, e)
	return e, nil
}

func (z *sortedZip) closeLast() error {
	if n := len(z.entries); n > 0 && z.entries[n-1].fw != nil {
		err := z.entries[n-1].fw.Close()
		z.entries[n-1].fw = nil
		return err
	}
	return nil
}

// AddFS is not used by excelize's writer.
func (z *sortedZip) AddFS(fs.FS) error { return errors.New("sortedZip: AddFS is not supported") }

// Close writes the entries, sorted, and the zip's directory.
func (z *sortedZip) Close() error {
	if err := z.closeLast(); err != nil {
		return err
	}
	slices.SortFunc(z.entries, func(a, b *zipEntry) int { return strings.Compare(b.name, a.name) })
	zw := zip.NewWriter(z.w)
	for _, e := range z.entries {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: e.name, Method: zip.Deflate, CRC32: e.crc,
			CompressedSize64: uint64(e.data.Len()), UncompressedSize64: e.size})
		if err != nil {
			return err
		}
		if _, err := e.data.WriteTo(w); err != nil {
			return err
		}
	}
	return zw.Close()
}
