// Domain: one SSDA903 data row read from CSV, as ranges of the UTF-8 bytes the CSV tokenizer found it in.
import type { TableName } from './model.ts';

/**
 * A data row as it comes from the file, its values kept as ranges of UTF-8 bytes: no string or object is made
 * per value. Value c, in the table's column order (the schema's, whatever the file's), is
 * bytes[starts[c], ends[c]), already trimmed and with doubled quotes undone. Valid only while it is handed over:
 * the reader reuses it for the next row.
 */
export interface ByteRow {
  readonly table: TableName;
  readonly rowNumber: number;
  readonly bytes: Buffer;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}
