// Use case step shared by the returns that keep a degraded extract (SSDA903, CIN): one streamed CSV per
// table, written under staging/ while the return is processed and moved to its own prefix only when the
// return is accepted. A rejected or failed attempt leaves nothing under curated/; what a crashed attempt
// leaves under staging/ expires by the data bucket's lifecycle rule.
import { type ObjectStore, type ObjectWriter, STAGING_PREFIX } from '../ports/objects.ts';

function csvLine(values: readonly string[]): string {
  return `${values.map((value) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)).join(',')}\r\n`;
}

export class StagedExtract<Table extends string> {
  private readonly writers = new Map<Table, ObjectWriter>();

  /** `prefix` is where the tables end up, e.g. curated/886/cin/2026/SUB-…; each is `${prefix}/${table}.csv`. */
  constructor(
    private readonly objects: ObjectStore,
    private readonly bucket: string,
    private readonly prefix: string,
  ) {}

  private finalKey(table: Table): string {
    return `${this.prefix}/${table}.csv`;
  }

  /** Writes one row; a table's file is opened, with its header row, when its first row arrives. */
  async write(table: Table, header: () => readonly string[], cells: readonly string[]): Promise<void> {
    let writer = this.writers.get(table);
    if (!writer) {
      writer = this.objects.openWriter(
        this.bucket,
        `${STAGING_PREFIX}${this.finalKey(table)}`,
        'text/csv; charset=utf-8',
      );
      this.writers.set(table, writer);
      await writer.write(csvLine(header()));
    }
    await writer.write(csvLine(cells));
  }

  async close(): Promise<void> {
    await Promise.all([...this.writers.values()].map((writer) => writer.close()));
  }

  /** Moves every table to its own key: called once the return is accepted. */
  async commit(): Promise<void> {
    for (const table of this.writers.keys()) {
      const key = this.finalKey(table);
      await this.objects.move(this.bucket, `${STAGING_PREFIX}${key}`, key);
    }
  }

  /** Removes what was staged (a rejected return, or a failed attempt); never throws. */
  async discard(): Promise<void> {
    for (const table of this.writers.keys()) {
      await this.objects.remove(this.bucket, `${STAGING_PREFIX}${this.finalKey(table)}`).catch(() => {});
    }
  }
}
