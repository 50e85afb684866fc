// Domain: an SSDA903 table's data rows as ranges of the UTF-8 bytes the CSV tokenizer found them in.
import type { Finding, TableName } from './model.ts';

/**
 * Data rows of one table as they come from the file, kept as ranges of UTF-8 bytes: no string or object is
 * made per value. Row r's value of column c (in `columns` order) is bytes[starts[i], ends[i]) with
 * i = r * columns.length + c, already trimmed and with doubled quotes undone.
 */
export interface RowBlock {
  readonly table: TableName;
  readonly columns: readonly string[];
  readonly count: number;
  readonly rowNumbers: Int32Array;
  readonly bytes: Buffer;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Rows with the wrong number of values, by position in the block (their ranges are empty). */
  readonly refused: ReadonlyMap<number, Finding> | null;
}
