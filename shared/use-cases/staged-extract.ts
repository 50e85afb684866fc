// Use case step shared by the returns that keep a degraded extract (SSDA903, CIN): one streamed CSV per
// table, written under staging/ while the return is processed and moved to its own prefix only when the
// return is accepted. A rejected or failed attempt leaves nothing under curated/; what a crashed attempt
// leaves under staging/ expires by the data bucket's lifecycle rule.
import { type ObjectStore, type ObjectWriter, STAGING_PREFIX } from '../ports/objects.ts';

const NEEDS_QUOTES = /[",\r\n]/;

function csvLine(values: readonly string[]): string {
  // Most rows hold no value that needs quotes: one test of them all (joined by a character that never needs
  // quotes) costs less than a test of each value.
  if (!NEEDS_QUOTES.test(values.join('\u001f'))) return `${values.join(',')}\r\n`;
  let line = '';
  for (let index = 0; index < values.length; index++) {
    const value = values[index]!;
    if (index > 0) line += ',';
    line += value === '' || !NEEDS_QUOTES.test(value) ? value : `"${value.replace(/"/g, '""')}"`;
  }
  return `${line}\r\n`;
}

/**
 * Rows are gathered per table and handed to the store some 64 K characters at a time: a national-scale
 * return has over a million rows, and a write (with its promise) per row cost more than building them.
 */
const CHUNK_CHARS = 1 << 16;

interface TableFile {
  readonly writer: ObjectWriter;
  gathered: string;
}

/**
 * What to await once several rows are written: the handovers their writes returned (StagedExtract.write), as
 * one promise, or undefined when none of them filled a chunk.
 */
export function handedOverTogether(
  earlier: Promise<void> | undefined,
  later: Promise<void> | undefined,
): Promise<void> | undefined {
  if (!later) return earlier;
  if (!earlier) return later;
  return Promise.all([earlier, later]).then(() => {});
}

export class StagedExtract<Table extends string> {
  private readonly files = new Map<Table, TableFile>();

  /** `prefix` is where the tables end up, e.g. curated/886/cin/2026/SUB-…; each is `${prefix}/${table}.csv`. */
  constructor(
    private readonly objects: ObjectStore,
    private readonly bucket: string,
    private readonly prefix: string,
  ) {}

  private finalKey(table: Table): string {
    return `${this.prefix}/${table}.csv`;
  }

  /**
   * Adds one row; a table's file is opened, with its header row, when its first row arrives. Returns a
   * promise only when the row filled a chunk that went to the store: await it (the store's backpressure)
   * before long. Chunks reach the store in the order of the rows whether or not it was awaited yet.
   */
  write(table: Table, header: () => readonly string[], cells: readonly string[]): Promise<void> | undefined {
    let file = this.files.get(table);
    if (!file) {
      const writer = this.objects.openWriter(
        this.bucket,
        `${STAGING_PREFIX}${this.finalKey(table)}`,
        'text/csv; charset=utf-8',
      );
      file = { writer, gathered: csvLine(header()) };
      this.files.set(table, file);
    }
    file.gathered += csvLine(cells);
    return file.gathered.length < CHUNK_CHARS ? undefined : this.handOver(file);
  }

  private handOver(file: TableFile): Promise<void> {
    const text = file.gathered;
    file.gathered = '';
    return file.writer.write(text);
  }

  /** Hands over what is gathered and closes every table's file. */
  async close(): Promise<void> {
    await Promise.all(
      [...this.files.values()].map(async (file) => {
        if (file.gathered !== '') await this.handOver(file);
        await file.writer.close();
      }),
    );
  }

  /** Moves every table to its own key: called once the return is accepted. */
  async commit(): Promise<void> {
    for (const table of this.files.keys()) {
      const key = this.finalKey(table);
      await this.objects.move(this.bucket, `${STAGING_PREFIX}${key}`, key);
    }
  }

  /** Removes what was staged (a rejected return, or a failed attempt); never throws. */
  async discard(): Promise<void> {
    for (const table of this.files.keys()) {
      await this.objects.remove(this.bucket, `${STAGING_PREFIX}${this.finalKey(table)}`).catch(() => {});
    }
  }
}
