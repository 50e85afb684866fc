// Domain: where each row of an SSDA903 XML return is (the child's position, the row's place among that child's
// rows of its table, the line of its element), kept until the checks have run so that a finding can be located
// ("Child 12, Episode 3").
//
// Every row of the return has a place, but few rows have a finding, and which ones is known only at the end. So
// the places are written as they come, in row order, to a compact log: three variable-length numbers a row (the
// change in child position, the change in line, the place among its like), about 3 bytes a row. Past a small
// budget the log is written to a file in the spill folder, so memory does not grow with the rows. At the end
// the findings are sorted by row and the log is read once, front to back, to locate them.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from './model.ts';
import { type XmlRowPlace, xmlRowLocation } from './xml-reader.ts';

/** A finding, and for an XML return where its row is by position ("Child 12, Episode 3"). */
export type LocatedFinding = Finding & { readonly location?: string };

export interface XmlPlaceSpill {
  /** A folder for the log's file (a fresh subfolder is made in it and removed by release). */
  readonly directory: string;
  /** Bytes of the log held in memory before it is written out (at most, and by default, 1 MiB). */
  readonly memoryBytes?: number | undefined;
}

const DEFAULT_MEMORY_BYTES = 1 << 20;
const CHUNK_BYTES = 1 << 16;
/** Three numbers of up to 5 bytes each: a chunk is closed when a row's might not fit, so no row spans two. */
const MOST_BYTES_A_ROW = 15;

/** Where each row of an XML return is, by its rowNumber (rows are numbered 1, 2, 3, … in document order). */
export class XmlPlaceLog {
  /** Closed chunks still in memory, and the one being written. */
  private readonly chunks: Buffer[] = [];
  private current: Buffer;
  private used = 0;
  /** Lengths of the chunks written to the file, in order (one number per some 20,000 rows). */
  private readonly written: number[] = [];
  private heldBytes = 0;
  private readonly memoryBytes: number;
  private readonly chunkBytes: number;
  private folder: string | null = null;
  private file: number | null = null;
  private fileBytes = 0;
  private rows = 0;
  private lastChild = 0;
  private lastLine = 0;

  constructor(private readonly spill?: XmlPlaceSpill) {
    this.memoryBytes = Math.min(spill?.memoryBytes ?? DEFAULT_MEMORY_BYTES, DEFAULT_MEMORY_BYTES);
    // A budget smaller than a chunk (in tests) makes chunks as small, so that they are written out.
    this.chunkBytes = Math.max(4 * MOST_BYTES_A_ROW, Math.min(CHUNK_BYTES, this.memoryBytes));
    this.current = Buffer.allocUnsafe(this.chunkBytes);
  }

  /** Bytes of the log in memory (closed chunks and the open one). */
  get bytesInMemory(): number {
    return this.heldBytes + this.current.length;
  }

  /** Bytes of the log written to its file. */
  get bytesWritten(): number {
    return this.fileBytes;
  }

  /** Records the place of the next row; rows must come in order, 1 first, and children in order. */
  add(rowNumber: number, place: XmlRowPlace): void {
    if (rowNumber !== this.rows + 1 || place.child < this.lastChild) {
      throw new Error(`XML row places must come in order: row ${rowNumber} after row ${this.rows}`);
    }
    if (this.used + MOST_BYTES_A_ROW > this.current.length) this.closeChunk();
    this.rows = rowNumber;
    this.writeNumber(place.child - this.lastChild);
    this.writeNumber(zigzag(place.line - this.lastLine));
    this.writeNumber(place.index);
    this.lastChild = place.child;
    this.lastLine = place.line;
  }

  /**
   * Each finding located by position ("Child 12, Episode 3"), its row number the element's line, in the
   * order given; a finding on no recorded row is returned as it is.
   */
  locateAll(findings: readonly Finding[]): LocatedFinding[] {
    const located: LocatedFinding[] = findings.slice();
    const order = findings
      .map((_, at) => at)
      .filter((at) => findings[at]!.rowNumber >= 1 && findings[at]!.rowNumber <= this.rows)
      .sort((a, b) => findings[a]!.rowNumber - findings[b]!.rowNumber);
    if (order.length === 0) return located;
    let next = 0;
    let row = 0;
    let child = 0;
    let line = 0;
    this.eachChunk((chunk) => {
      const numbers = new NumberReader(chunk);
      while (numbers.at < chunk.length && next < order.length) {
        row++;
        child += numbers.next();
        line += unzigzag(numbers.next());
        const index = numbers.next();
        while (next < order.length && findings[order[next]!]!.rowNumber === row) {
          const finding = findings[order[next]!]!;
          located[order[next]!] = {
            ...finding,
            rowNumber: line,
            location: xmlRowLocation(finding.table, { child, index, line }),
          };
          next++;
        }
      }
      return next < order.length;
    });
    return located;
  }

  /** Closes and removes the log's file, if one was written. */
  release(): void {
    if (this.file !== null) closeSync(this.file);
    if (this.folder !== null) rmSync(this.folder, { recursive: true, force: true });
    this.file = null;
    this.folder = null;
  }

  private writeNumber(value: number): void {
    const bytes = this.current;
    let rest = value;
    while (rest >= 0x80) {
      bytes[this.used++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    bytes[this.used++] = rest;
  }

  private closeChunk(): void {
    this.chunks.push(this.current.subarray(0, this.used));
    this.heldBytes += this.used;
    this.current = Buffer.allocUnsafe(this.chunkBytes);
    this.used = 0;
    if (this.spill && this.heldBytes > this.memoryBytes) this.writeOut(this.spill.directory);
  }

  /** Appends the closed chunks to the file and lets them go. */
  private writeOut(directory: string): void {
    if (this.file === null) {
      this.folder = mkdtempSync(join(directory, 'ssda903-xml-places-'));
      this.file = openSync(join(this.folder, 'places'), 'w+');
    }
    for (const chunk of this.chunks) {
      let at = 0;
      while (at < chunk.length) at += writeSync(this.file, chunk, at, chunk.length - at, this.fileBytes + at);
      this.fileBytes += chunk.length;
      this.written.push(chunk.length);
    }
    this.chunks.length = 0;
    this.heldBytes = 0;
  }

  /** Hands each chunk in row order (those in the file first) to visit, while it returns true. */
  private eachChunk(visit: (chunk: Buffer) => boolean): void {
    if (this.file !== null) {
      const buffer = Buffer.allocUnsafe(this.chunkBytes);
      let offset = 0;
      for (const length of this.written) {
        let at = 0;
        while (at < length) at += readSync(this.file, buffer, at, length - at, offset + at);
        offset += length;
        if (!visit(buffer.subarray(0, length))) return;
      }
    }
    for (const chunk of this.chunks) if (!visit(chunk)) return;
    visit(this.current.subarray(0, this.used));
  }
}

/** A signed step as an unsigned number (0, -1, 1, -2, … as 0, 1, 2, 3, …): lines usually go forward. */
const zigzag = (step: number): number => (step >= 0 ? step * 2 : -step * 2 - 1);
const unzigzag = (value: number): number => (value % 2 === 0 ? value / 2 : -(value + 1) / 2);

/** Reads the numbers of a chunk one after another. */
class NumberReader {
  at = 0;

  constructor(private readonly bytes: Buffer) {}

  next(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.bytes[this.at++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  }
}
