// Domain: append-only logs of bytes that spill to disk, shared by the row store (child-store.ts, a log per part
// of the children) and the checks across children (aside.ts, a log per partition of what a check remembers).
//
// A space holds logs that share one memory budget and one temporary folder. Each log is a run of chunks in
// memory; once what the space's logs hold passes the budget, every log's chunks are appended to a file of its
// own in the folder and let go, and later bytes go to memory again. A log is read back whole, in the order its
// bytes were appended (what went to its file first, then what is still in memory). Without a folder nothing is
// written out: the logs stay in memory. The folder is made on the first spill and removed by release, whether
// or not the logs were read (a return that failed part way leaves nothing behind).
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface SpillOptions {
  /** A folder for the spilled logs (a fresh subfolder is made in it and removed after). */
  readonly directory: string;
  /** Bytes held in memory, across the space's logs, before they are written out. */
  readonly memoryBytes?: number | undefined;
}

/** How a space's logs are kept: chosen by its owner for the size and number of its logs. */
export interface SpillShape {
  /** The start of the temporary subfolder's name (the rest is made unique). */
  readonly name: string;
  /** Bytes held in memory before the logs are written out, when the options do not say. */
  readonly memoryBytes: number;
  /** A log's first chunk: later ones double up to the largest. */
  readonly firstChunkBytes: number;
  /** Chunks of this size, once written out, hold later bytes of any log rather than wait for the collector. */
  readonly largestChunkBytes: number;
}

/** Logs sharing a memory budget and a folder to spill to. */
export class SpillSpace {
  private readonly logs: SpillLog[] = [];
  private readonly memoryBytes: number;
  private folder: string | null = null;
  private heldBytes = 0;
  /** Chunks of the largest size already written out, for any log's next chunk. */
  private readonly spares: Buffer[] = [];

  /** @param options where to spill; none keeps every log in memory. */
  constructor(
    readonly shape: SpillShape,
    private readonly options?: SpillOptions,
  ) {
    this.memoryBytes = options?.memoryBytes ?? shape.memoryBytes;
  }

  /** A new, empty log. */
  log(): SpillLog {
    const log = new SpillLog(this, this.logs.length);
    this.logs.push(log);
    return log;
  }

  /** Bytes added to the space's logs since they were last written out. */
  get bytesHeld(): number {
    return this.heldBytes;
  }

  /** Whether anything has been written to disk. */
  get spilled(): boolean {
    return this.folder !== null;
  }

  /** Counts bytes added to a log; past the budget (given a folder) every log is written out. */
  held(bytes: number): void {
    this.heldBytes += bytes;
    if (this.heldBytes > this.memoryBytes && this.options !== undefined) this.spillAll();
  }

  /** Writes every log's bytes held in memory to its file, and lets them go. */
  spillAll(): void {
    if (this.options === undefined) throw new Error('This space has no folder to spill to');
    this.folder ??= mkdtempSync(join(this.options.directory, `${this.shape.name}-`));
    for (const log of this.logs) log.writeOut(this.folder, this.spares);
    this.heldBytes = 0;
  }

  /** A chunk for a log: a spare one when the largest size is asked for. */
  chunk(bytes: number): Buffer {
    if (bytes === this.shape.largestChunkBytes && this.spares.length > 0) return this.spares.pop()!;
    return Buffer.allocUnsafe(bytes);
  }

  /** Lets the spare chunks go (nothing more will be appended). */
  dropSpares(): void {
    this.spares.length = 0;
  }

  /** Closes and removes the logs' files, whether or not they were read. */
  release(): void {
    for (const log of this.logs) log.closeFile();
    if (this.folder !== null) rmSync(this.folder, { recursive: true, force: true });
    this.folder = null;
  }
}

/**
 * One append-only log. Bytes are written straight into its current chunk: `reserve(n)` gives a chunk with room
 * for n bytes from `used`, and `commit(end)` takes them in; `append` does both for bytes made elsewhere.
 */
export class SpillLog {
  /** Full chunks in memory, in order, and how much of each is used. */
  private readonly chunks: Buffer[] = [];
  private readonly chunkEnds: number[] = [];
  /** The chunk being written, and its bytes used so far. */
  current: Buffer = Buffer.alloc(0);
  used = 0;
  private file: number | null = null;
  private fileBytes = 0;

  constructor(
    private readonly space: SpillSpace,
    private readonly index: number,
  ) {}

  /** The current chunk, with room for `size` more bytes from `used` (a new chunk when it has not). */
  reserve(size: number): Buffer {
    if (this.used + size > this.current.length) {
      if (this.used > 0) {
        this.chunks.push(this.current);
        this.chunkEnds.push(this.used);
      }
      const { firstChunkBytes, largestChunkBytes } = this.space.shape;
      const next = Math.min(largestChunkBytes, Math.max(firstChunkBytes, this.current.length * 2));
      this.current = this.space.chunk(Math.max(next, size));
      this.used = 0;
    }
    return this.current;
  }

  /** Takes in the bytes written to the current chunk up to `end`. */
  commit(end: number): void {
    const added = end - this.used;
    this.used = end;
    this.space.held(added);
  }

  /** Appends bytes[0, length). */
  append(bytes: Uint8Array, length: number): void {
    const chunk = this.reserve(length);
    chunk.set(length === bytes.length ? bytes : bytes.subarray(0, length), this.used);
    this.commit(this.used + length);
  }

  /** Bytes held, on disk and in memory. */
  get size(): number {
    let size = this.fileBytes + this.used;
    for (const end of this.chunkEnds) size += end;
    return size;
  }

  /**
   * Everything appended, in order: copied into `room` (which must hold `size` bytes), unless it is all in the
   * current chunk, which is then given as it is.
   */
  read(room: Buffer): Buffer {
    if (this.fileBytes === 0 && this.chunks.length === 0) return this.current.subarray(0, this.used);
    let at = 0;
    while (at < this.fileBytes) at += readSync(this.file!, room, at, this.fileBytes - at, at);
    for (let index = 0; index < this.chunks.length; index++) {
      at += this.chunks[index]!.copy(room, at, 0, this.chunkEnds[index]!);
    }
    at += this.current.copy(room, at, 0, this.used);
    return room.subarray(0, at);
  }

  /** Everything appended, in a buffer of its own (or the current chunk); the log is then emptied. */
  take(): Buffer {
    const bytes = this.read(Buffer.allocUnsafe(this.size));
    this.clear();
    return bytes;
  }

  /** Lets every byte go, in memory and on disk; the log can be appended to again. */
  clear(): void {
    this.chunks.length = 0;
    this.chunkEnds.length = 0;
    this.current = Buffer.alloc(0);
    this.used = 0;
    this.closeFile();
    this.fileBytes = 0;
  }

  /** Appends the chunks held in memory to the log's file; full-size chunks become spares. */
  writeOut(folder: string, spares: Buffer[]): void {
    if (this.used === 0 && this.chunks.length === 0) return;
    this.file ??= openSync(join(folder, `log-${this.index}`), 'w+');
    const largest = this.space.shape.largestChunkBytes;
    for (let index = 0; index < this.chunks.length; index++) {
      const chunk = this.chunks[index]!;
      this.write(chunk, this.chunkEnds[index]!);
      if (chunk.length === largest) spares.push(chunk);
    }
    this.chunks.length = 0;
    this.chunkEnds.length = 0;
    // The current chunk is written and kept for the log's next bytes.
    this.write(this.current, this.used);
    this.used = 0;
  }

  closeFile(): void {
    if (this.file !== null) closeSync(this.file);
    this.file = null;
  }

  private write(chunk: Buffer, length: number): void {
    let written = 0;
    while (written < length) {
      written += writeSync(this.file!, chunk, written, length - written, this.fileBytes + written);
    }
    this.fileBytes += length;
  }
}
