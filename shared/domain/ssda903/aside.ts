// Domain: where the checks across children (rule 444) set aside what they must remember until every child has
// been seen, so that what they keep in memory does not grow with the number of children.
//
// A check writes one record per thing to remember into a log split into partitions by a key of its choosing
// (for rule 444, the UPN), so that records that must be compared with each other share a partition. Once every
// child has been seen, each partition is read back and judged alone: memory then holds one partition, not the
// whole return's. Given a folder, a log is written to files there once what the logs hold passes a small
// budget; without one (a return read wholly in memory) the records stay in memory.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Bytes the logs of one return may hold in memory before they are written to the folder. */
const DEFAULT_MEMORY_BYTES = 1 << 20;
/** A partition's first chunk is small (most of a small return's partitions hold a few records) and grows. */
const FIRST_CHUNK_BYTES = 1 << 9;
const LARGEST_CHUNK_BYTES = 1 << 14;

export interface AsideOptions {
  /** A folder for the logs' files (a fresh subfolder is made in it and removed by release). */
  readonly directory: string;
  /** Bytes held in memory, across the logs, before they are written out (default 1 MiB). */
  readonly memoryBytes?: number | undefined;
}

/** The records of one partition: what was written to its file, then the chunks still in memory. */
class Partition {
  readonly chunks: Buffer[] = [];
  current: Buffer = Buffer.alloc(0);
  used = 0;
  file: number | null = null;
  fileBytes = 0;
}

/** One check's records, in partitions; records of a partition are read back in the order they were appended. */
export class PartitionedLog {
  private readonly partitions: Partition[];

  constructor(
    private readonly space: AsideSpace,
    partitions: number,
  ) {
    this.partitions = Array.from({ length: partitions }, () => new Partition());
  }

  get partitionCount(): number {
    return this.partitions.length;
  }

  /** Appends bytes[0, length) to a partition as one record (the caller knows where each record ends). */
  append(partition: number, bytes: Uint8Array, length: number): void {
    const part = this.partitions[partition]!;
    if (part.used + length > part.current.length) {
      if (part.used > 0) part.chunks.push(part.current.subarray(0, part.used));
      const size = Math.min(LARGEST_CHUNK_BYTES, Math.max(FIRST_CHUNK_BYTES, part.current.length * 2));
      part.current = Buffer.allocUnsafe(Math.max(size, length));
      part.used = 0;
    }
    part.current.set(bytes.subarray(0, length), part.used);
    part.used += length;
    this.space.held(length);
  }

  /** Every record of a partition, in order, as one buffer; the partition is emptied. */
  take(partition: number): Buffer {
    const part = this.partitions[partition]!;
    const pieces: Buffer[] = [];
    if (part.file !== null && part.fileBytes > 0) {
      const written = Buffer.allocUnsafe(part.fileBytes);
      let at = 0;
      while (at < part.fileBytes) at += readSync(part.file, written, at, part.fileBytes - at, at);
      pieces.push(written);
    }
    pieces.push(...part.chunks);
    if (part.used > 0) pieces.push(part.current.subarray(0, part.used));
    this.partitions[partition] = new Partition();
    if (part.file !== null) closeSync(part.file);
    return pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces);
  }

  /** Writes the records held in memory to the partitions' files and lets them go. */
  writeOut(folder: string, name: string): void {
    for (let index = 0; index < this.partitions.length; index++) {
      const part = this.partitions[index]!;
      if (part.used > 0) {
        part.chunks.push(part.current.subarray(0, part.used));
        // The chunk is written out with the rest: the next record starts a fresh one.
        part.current = Buffer.alloc(0);
        part.used = 0;
      }
      if (part.chunks.length === 0) continue;
      part.file ??= openSync(join(folder, `${name}-${index}`), 'w+');
      for (const chunk of part.chunks) {
        let written = 0;
        while (written < chunk.length)
          written += writeSync(part.file, chunk, written, chunk.length - written, part.fileBytes + written);
        part.fileBytes += chunk.length;
      }
      part.chunks.length = 0;
    }
  }

  /** Closes the partitions' files (the space removes them). */
  close(): void {
    for (const part of this.partitions) {
      if (part.file !== null) closeSync(part.file);
      part.file = null;
    }
  }
}

/** The logs of one return's checks across children, and the folder they are written to past the budget. */
export class AsideSpace {
  private readonly logs: PartitionedLog[] = [];
  private folder: string | null = null;
  private heldBytes = 0;
  private readonly memoryBytes: number;

  /** @param options where to write the logs; none keeps them in memory. */
  constructor(private readonly options?: AsideOptions) {
    this.memoryBytes = options?.memoryBytes ?? DEFAULT_MEMORY_BYTES;
  }

  /** A new log of `partitions` partitions. */
  log(partitions: number): PartitionedLog {
    const log = new PartitionedLog(this, partitions);
    this.logs.push(log);
    return log;
  }

  /** Counts bytes appended to a log; past the budget every log is written out. */
  held(bytes: number): void {
    this.heldBytes += bytes;
    if (this.options === undefined || this.heldBytes <= this.memoryBytes) return;
    this.folder ??= mkdtempSync(join(this.options.directory, 'ssda903-aside-'));
    for (const [index, log] of this.logs.entries()) log.writeOut(this.folder, `log-${index}`);
    this.heldBytes = 0;
  }

  /** Closes and removes the logs' files, whether or not they were read. */
  release(): void {
    for (const log of this.logs) log.close();
    if (this.folder !== null) rmSync(this.folder, { recursive: true, force: true });
    this.folder = null;
  }
}
