// Domain: splitting CSV bytes into records and fields without making a string or an object per value.
// Works on UTF-8 bytes (decodeToUtf8 in decode.ts): commas, quotes and line ends are single bytes that never occur
// inside a multi-byte character, so fields can be found byte by byte and kept as ranges of the input.
//
// The dialect is RFC 4180 as spreadsheets write it, and as strict as csv-parse is with our options:
// - a value is quoted only when its first byte is a double quote; "" inside quotes is one quote;
//   with spacesAroundQuotes, spaces and tabs may also stand before the opening and after the closing quote;
// - a quote inside an unquoted value, or anything but a comma or a line end after a closing quote, is an error;
// - the first line end outside quotes (CR LF, LF or CR) decides how every record of the file ends; other
//   line breaks are kept inside the value they appear in;
// - a line with nothing on it is skipped; a byte order mark at the very start is skipped.
// Lines are counted as a spreadsheet shows them: CR LF, a lone CR or a lone LF each end one line.

export type CsvFault = 'quote-inside-value' | 'text-after-quote' | 'quote-not-closed' | 'record-too-long';

export class CsvSyntaxError extends Error {
  constructor(
    readonly fault: CsvFault,
    /**
     * The line (1-based) the fault is on: for a quote never closed, the line it opens on; for a record that
     * is too long, the line it starts on.
     */
    readonly line: number,
  ) {
    super(`CSV ${fault} at line ${line}`);
  }
}

const COMMA = 0x2c;
const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** Field flags. */
export const QUOTED = 1;
/** Quoted, with doubled quotes inside that stand for one. */
export const ESCAPED = 2;

/** A field of the tokenizer's current record as text, with doubled quotes undone. */
export function fieldText(tokenizer: CsvTokenizer, index: number): string {
  const value = tokenizer.bytes.toString('utf8', tokenizer.starts[index]!, tokenizer.ends[index]!);
  return tokenizer.flags[index]! & ESCAPED ? value.replaceAll('""', '"') : value;
}

function isSpaceOrTab(byte: number): boolean {
  return byte === 0x20 || byte === 0x09;
}

enum Ending {
  Unknown = 0,
  Lf = 1,
  CrLf = 2,
  Cr = 3,
}

/** Returned by the parse steps when the record is not complete in the bytes so far. */
const MORE = -1;
/** Returned by the quick step when the record needs the full one (quotes, a line break inside a value, a blank line). */
const FULL = -2;

/** Called once per record; the fields are in tokenizer.starts/ends/flags[0..fieldCount), valid only during the call. */
export type CsvRecordSink = (tokenizer: CsvTokenizer) => void;

/**
 * Push bytes in with push(), then finish(); each complete record is handed to the sink as ranges of
 * `bytes`. Throws CsvSyntaxError on malformed CSV.
 */
export class CsvTokenizer {
  /** The bytes the current record's ranges point into. */
  bytes: Buffer = Buffer.alloc(0);
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  flags = new Uint8Array(64);
  fieldCount = 0;
  /** Line on which the current record starts. */
  line = 1;
  /** Whether the current record has no quoted field (every entry of `flags` is 0). */
  unquoted = false;

  private ending = Ending.Unknown;
  private carry: Buffer | null = null;
  private atStart = true;
  /** Line breaks inside the record being parsed (ahead of `line`). */
  private breaks = 0;
  private final = false;
  /** Whether some entry of `flags` may be non-zero (a quoted value was read since they were last cleared). */
  private flagsSet = false;
  private paused = false;

  constructor(
    private readonly sink: CsvRecordSink,
    private readonly maxRecordBytes: number,
    /** Let spaces and tabs stand before an opening quote and after a closing one (csv-parse's `trim`). */
    private readonly spacesAroundQuotes = false,
  ) {}

  push(chunk: Buffer): void {
    let data = chunk;
    if (this.carry !== null) {
      data = Buffer.concat([this.carry, chunk]);
      this.carry = null;
    }
    this.run(data);
  }

  finish(): void {
    this.final = true;
    const data = this.carry ?? Buffer.alloc(0);
    this.carry = null;
    this.run(data);
  }

  /**
   * Stops after the record being handed to the sink (call it from there): the bytes after it wait, as the
   * tail of an incomplete record does, until resume() or the next push().
   */
  pause(): void {
    this.paused = true;
  }

  /** Reads on from where pause() stopped, with the bytes already pushed. */
  resume(): void {
    this.paused = false;
    const data = this.carry;
    this.carry = null;
    if (data !== null) this.run(data);
  }

  private run(data: Buffer): void {
    let pos = 0;
    if (this.atStart) {
      if (data.length < 3 && !this.final) {
        this.carry = data;
        return;
      }
      if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) pos = 3;
      this.atStart = false;
    }
    this.bytes = data;
    const length = data.length;
    while (pos < length) {
      const next = this.record(data, pos);
      if (next === MORE) {
        if (length - pos > this.maxRecordBytes) throw new CsvSyntaxError('record-too-long', this.line);
        this.carry = data.subarray(pos);
        return;
      }
      if (next - pos > this.maxRecordBytes) throw new CsvSyntaxError('record-too-long', this.line);
      pos = next;
      if (this.paused) {
        if (pos < length) this.carry = data.subarray(pos);
        return;
      }
    }
  }

  /**
   * The length of the line end at `at` (0 when there is none), deciding the file's line ending at the
   * first one; MORE when the next byte is needed to tell.
   */
  private endingAt(data: Buffer, at: number): number {
    const byte = data[at];
    if (byte !== CR && byte !== LF) return 0;
    if (byte === CR && at + 1 >= data.length && !this.final) return MORE;
    const crlf = byte === CR && data[at + 1] === LF;
    switch (this.ending) {
      case Ending.Unknown:
        this.ending = byte === LF ? Ending.Lf : crlf ? Ending.CrLf : Ending.Cr;
        return crlf ? 2 : 1;
      case Ending.Lf:
        return byte === LF ? 1 : 0;
      case Ending.CrLf:
        return crlf ? 2 : 0;
      case Ending.Cr:
        return byte === CR ? 1 : 0;
    }
  }

  /** Parses the record at `pos`: hands it to the sink and returns where the next starts, or MORE. */
  private record(data: Buffer, start: number): number {
    if (this.ending !== Ending.Unknown && !this.spacesAroundQuotes) {
      const next = this.plainRecord(data, start);
      if (next !== FULL) return next;
    }
    const length = data.length;
    const final = this.final;
    this.breaks = 0;
    // A line with nothing on it.
    const blank = this.endingAt(data, start);
    if (blank === MORE) return MORE;
    if (blank > 0) {
      this.line++;
      return start + blank;
    }
    let pos = start;
    let count = 0;
    let fieldEnd: number;
    // The field arrays in locals: they are written for every field of every record.
    let { starts, ends, flags } = this;
    while (true) {
      if (count === starts.length) {
        this.grow();
        ({ starts, ends, flags } = this);
      }
      if (this.spacesAroundQuotes) {
        // Spaces before an opening quote are let through only when a quote follows them.
        let lead = pos;
        while (lead < length && isSpaceOrTab(data[lead]!)) lead++;
        if (lead >= length && !final) return MORE;
        if (data[lead] === QUOTE) pos = lead;
      }
      if (data[pos] === QUOTE) {
        const opened = pos;
        const openedOnLine = this.line + this.breaks;
        let quoting = QUOTED;
        pos++;
        while (true) {
          const quote = data.indexOf(QUOTE, pos);
          if (quote === -1) {
            if (!final) return MORE;
            throw new CsvSyntaxError('quote-not-closed', openedOnLine);
          }
          this.countBreaks(data, pos, quote);
          if (quote + 1 >= length && !final) return MORE;
          const after = data[quote + 1];
          if (after === QUOTE) {
            quoting |= ESCAPED;
            pos = quote + 2;
            continue;
          }
          let closed = quote + 1;
          if (this.spacesAroundQuotes) {
            while (closed < length && isSpaceOrTab(data[closed]!)) closed++;
            if (closed >= length && !final) return MORE;
          }
          if (closed < length && data[closed] !== COMMA) {
            const ending = this.endingAt(data, closed);
            if (ending === MORE) return MORE;
            if (ending === 0) throw new CsvSyntaxError('text-after-quote', this.line + this.breaks);
          }
          starts[count] = opened + 1;
          ends[count] = quote;
          flags[count] = quoting;
          this.flagsSet = true;
          pos = closed;
          break;
        }
      } else {
        const fieldStart = pos;
        for (; pos < length; pos++) {
          const byte = data[pos]!;
          if (byte > QUOTE) {
            if (byte === COMMA) break;
            continue;
          }
          if (byte === QUOTE) throw new CsvSyntaxError('quote-inside-value', this.line + this.breaks);
          if (byte === CR || byte === LF) {
            const ending = this.endingAt(data, pos);
            if (ending === MORE) return MORE;
            if (ending > 0) break;
            if (byte === LF || data[pos + 1] !== LF) this.breaks++;
          }
        }
        if (pos >= length && !final) return MORE;
        starts[count] = fieldStart;
        ends[count] = pos;
        flags[count] = 0;
      }
      count++;
      // After a value: a comma, a line end, or the end of the input.
      if (pos >= length) {
        if (!final) return MORE;
        fieldEnd = length;
        break;
      }
      if (data[pos] === COMMA) {
        pos++;
        if (pos >= length && !final) return MORE;
        continue;
      }
      const ending = this.endingAt(data, pos);
      if (ending === MORE) return MORE;
      fieldEnd = pos + ending;
      this.breaks++;
      break;
    }
    this.fieldCount = count;
    this.unquoted = false;
    this.sink(this);
    this.line += this.breaks;
    return fieldEnd;
  }

  /**
   * The usual record, read in one loop over its bytes: on one line, with no quote, ending as the file's
   * records end. Hands it to the sink and returns where the next starts; FULL for anything else (a quote, a
   * line break inside a value, a blank line, a record cut off by the end of the bytes so far), which
   * record() then reads from the start again.
   */
  private plainRecord(data: Buffer, start: number): number {
    const length = data.length;
    const ending = this.ending;
    let { starts, ends } = this;
    let count = 0;
    let fieldStart = start;
    for (let pos = start; pos < length; pos++) {
      const byte = data[pos]!;
      if (byte > QUOTE) {
        if (byte === COMMA) {
          if (count + 1 === starts.length) {
            this.grow();
            ({ starts, ends } = this);
          }
          starts[count] = fieldStart;
          ends[count] = pos;
          count++;
          fieldStart = pos + 1;
        }
        continue;
      }
      if (byte === QUOTE) return FULL;
      let next: number;
      if (byte === LF) {
        if (ending !== Ending.Lf) return FULL;
        next = pos + 1;
      } else if (byte === CR) {
        if (ending === Ending.Cr) next = pos + 1;
        else if (ending === Ending.CrLf && pos + 1 < length && data[pos + 1] === LF) next = pos + 2;
        else return FULL;
      } else {
        continue;
      }
      if (pos === start) return FULL;
      starts[count] = fieldStart;
      ends[count] = pos;
      const flags = this.flags;
      // No field of this record is quoted: clear the marks a quoted record before it left.
      if (this.flagsSet) {
        flags.fill(0);
        this.flagsSet = false;
      }
      this.fieldCount = count + 1;
      this.unquoted = true;
      this.sink(this);
      this.line++;
      return next;
    }
    return FULL;
  }

  /** Counts line breaks in a quoted stretch (CR LF as one). */
  private countBreaks(data: Buffer, from: number, to: number): void {
    for (let at = from; at < to; at++) {
      const byte = data[at];
      if (byte === LF) this.breaks++;
      else if (byte === CR && data[at + 1] !== LF) this.breaks++;
    }
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const starts = new Int32Array(size);
    starts.set(this.starts);
    const ends = new Int32Array(size);
    ends.set(this.ends);
    const flags = new Uint8Array(size);
    flags.set(this.flags);
    this.starts = starts;
    this.ends = ends;
    this.flags = flags;
  }
}
