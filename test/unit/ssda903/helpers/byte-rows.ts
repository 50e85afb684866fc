// Tests: a row given as an object, in the form the readers hand rows to the checks and the store.
import type { ByteRow } from '../../../../shared/domain/ssda903/byte-row.ts';
import type { Row } from '../../../../shared/domain/ssda903/model.ts';

/** The row's values in `columns` order, as ranges of one buffer of their UTF-8 bytes. */
export function byteRowOf(row: Row, columns: readonly string[]): ByteRow {
  const values = columns.map((column) => row.values[column] ?? '');
  const starts = new Int32Array(columns.length);
  const ends = new Int32Array(columns.length);
  let at = 0;
  values.forEach((value, column) => {
    starts[column] = at;
    at += Buffer.byteLength(value);
    ends[column] = at;
  });
  return {
    table: row.table,
    rowNumber: row.rowNumber,
    bytes: Buffer.from(values.join(''), 'utf8'),
    starts,
    ends,
  };
}
