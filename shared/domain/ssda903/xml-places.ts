// Domain: where each row of an SSDA903 XML return is (the child's position, the row's place among that child's
// rows of its table, the line of its element), kept until the checks have run so that a finding can be located
// ("Child 12, Episode 3").
//
// Every row of the return has a place, but few rows have a finding, and which ones is known only at the end. So
// the places are written as they come, in row order, to a compact log: three variable-length numbers a row (the
// change in child position, the change in line, the place among its like), about 3 bytes a row. The log is a
// spillable log (spill-log.ts): past a small budget it is written to a file in the spill folder, so memory does
// not grow with the rows while reading. At the end the findings are sorted by row and the log is read back once
// (some 3 bytes a row, 4.5 MB at the largest return accepted) to locate them.
import type { Finding } from './model.ts';
import { type SpillLog, type SpillOptions, type SpillShape, SpillSpace } from './spill-log.ts';
import { type XmlRowPlace, xmlRowLocation } from './xml-reader.ts';

/** A finding, and for an XML return where its row is by position ("Child 12, Episode 3"). */
export type LocatedFinding = Finding & { readonly location?: string };

/** At most 1 MiB held before the log is written out, whatever the row store's budget. */
const PLACES: SpillShape = {
  name: 'ssda903-xml-places',
  memoryBytes: 1 << 20,
  firstChunkBytes: 1 << 12,
  largestChunkBytes: 1 << 16,
};

/** Three numbers of up to 5 bytes each. */
const MOST_BYTES_A_ROW = 15;

/** Where each row of an XML return is, by its rowNumber (rows are numbered 1, 2, 3, … in document order). */
export class XmlPlaceLog {
  private readonly space: SpillSpace;
  private readonly log: SpillLog;
  private rows = 0;
  private lastChild = 0;
  private lastLine = 0;

  /** @param spill where to write the log past its budget; none keeps it in memory. */
  constructor(spill?: SpillOptions) {
    const memoryBytes = Math.min(spill?.memoryBytes ?? PLACES.memoryBytes, PLACES.memoryBytes);
    this.space = new SpillSpace(PLACES, spill && { directory: spill.directory, memoryBytes });
    this.log = this.space.log();
  }

  /** Bytes of the log held in memory since it was last written out. */
  get bytesInMemory(): number {
    return this.space.bytesHeld;
  }

  /** Bytes of the log, on disk and in memory. */
  get bytes(): number {
    return this.log.size;
  }

  /** Records the place of the next row; rows must come in order, 1 first, and children in order. */
  add(rowNumber: number, place: XmlRowPlace): void {
    if (rowNumber !== this.rows + 1 || place.child < this.lastChild) {
      throw new Error(`XML row places must come in order: row ${rowNumber} after row ${this.rows}`);
    }
    const bytes = this.log.reserve(MOST_BYTES_A_ROW);
    let at = this.log.used;
    at = writeNumber(bytes, at, place.child - this.lastChild);
    at = writeNumber(bytes, at, zigzag(place.line - this.lastLine));
    at = writeNumber(bytes, at, place.index);
    this.log.commit(at);
    this.rows = rowNumber;
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
    const numbers = new NumberReader(this.log.read(Buffer.allocUnsafe(this.log.size)));
    let next = 0;
    let row = 0;
    let child = 0;
    let line = 0;
    while (next < order.length) {
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
    return located;
  }

  /** Closes and removes the log's file, if one was written. */
  release(): void {
    this.space.release();
  }
}

/** Writes a number as 7-bit groups, lowest first, each but the last with its top bit set; gives the end. */
function writeNumber(bytes: Buffer, start: number, value: number): number {
  let at = start;
  let rest = value;
  while (rest >= 0x80) {
    bytes[at++] = (rest % 0x80) | 0x80;
    rest = Math.floor(rest / 0x80);
  }
  bytes[at++] = rest;
  return at;
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
