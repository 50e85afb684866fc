// Domain helper: the byte sources every return reader accepts, and looking at a source's first bytes
// without losing them.

/** A Node Readable, any async iterable of byte chunks, or (mostly in tests) a whole buffer or string. */
export type ByteSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array> | Uint8Array | string;

function toBuffer(chunk: Uint8Array | string): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/** Normalises a source to an async iterable of non-empty Buffers. */
export async function* byteChunks(source: ByteSource): AsyncGenerator<Buffer> {
  if (typeof source === 'string' || source instanceof Uint8Array) {
    const buffer = toBuffer(source);
    if (buffer.length > 0) yield buffer;
    return;
  }
  for await (const chunk of source as AsyncIterable<Uint8Array | string>) {
    const buffer = toBuffer(chunk);
    if (buffer.length > 0) yield buffer;
  }
}

export interface PeekedSource {
  /** At least `size` bytes from the start of the source, or all of it if shorter. */
  readonly head: Buffer;
  /** The whole source again, head included. */
  readonly chunks: AsyncIterable<Buffer>;
}

/** Reads the first `size` bytes (keeping them) so a caller can sniff a file before reading it. */
export async function peekBytes(source: ByteSource, size: number): Promise<PeekedSource> {
  const iterator = byteChunks(source)[Symbol.asyncIterator]();
  const taken: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < size) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    taken.push(next.value);
    length += next.value.length;
  }
  const head = taken.length === 1 ? taken[0]! : Buffer.concat(taken);
  async function* replay(): AsyncGenerator<Buffer> {
    try {
      if (head.length > 0) yield head;
      if (done) return;
      while (true) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      // Stopping early releases the underlying stream too.
      if (!done) await iterator.return?.(undefined);
    }
  }
  return { head, chunks: replay() };
}

/** Stops a source that will not be read to the end, so its file handle or socket is released. */
export function releaseSource(source: unknown): void {
  const candidate = source as { destroy?: () => void; return?: () => unknown } | null;
  if (candidate && typeof candidate.destroy === 'function') candidate.destroy();
  else if (candidate && typeof candidate.return === 'function') void candidate.return();
}
