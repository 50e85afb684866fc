// Domain: the problems reading an upload can raise (any return type), worded for a council data officer.
// Blocking problems stop the return being processed; notices are reported while processing continues.

export type BlockingKind =
  // the upload as a whole
  | 'no-files'
  | 'year-not-accepted'
  | 'file-too-large'
  | 'mixed-upload'
  | 'unsupported-file'
  | 'wrong-council'
  | 'missing-table'
  | 'duplicate-table'
  | 'too-many-children'
  | 'too-many-rows'
  // one file's bytes
  | 'binary'
  | 'encoding'
  // one CSV file's shape
  | 'empty-file'
  | 'header-only'
  | 'wrong-delimiter'
  | 'duplicate-column'
  | 'blank-column-name'
  | 'unknown-table'
  | 'missing-column'
  | 'column-case'
  | 'table-not-collected'
  | 'csv-quotes'
  // XML
  | 'xml-doctype'
  | 'xml-malformed'
  | 'xml-root'
  // ZIP
  | 'zip-entries'
  | 'zip-too-large'
  | 'zip-ratio'
  | 'zip-encrypted'
  | 'zip-damaged'
  | 'zip-nested'
  | 'zip-path'
  | 'zip-method'
  | 'zip-no-data';

export interface BlockingError {
  readonly kind: BlockingKind;
  /** The file (or "archive.zip/entry.csv") the problem is in; null when it is about the upload as a whole. */
  readonly file: string | null;
  readonly message: string;
}

export type NoticeKind =
  | 'encoding-windows-1252'
  | 'empty-table'
  | 'ignored-file'
  | 'ignored-xml-element'
  | 'rule-failed'
  | 'findings-truncated'
  | 'previous-year';

/** A council-level observation that does not stop processing. */
export interface Notice {
  readonly kind: NoticeKind;
  /** "warning" means the council should act on it; "info" is for the record. */
  readonly severity: 'info' | 'warning';
  readonly file: string | null;
  readonly message: string;
}

/** Thrown by the readers; the engine turns it into a BlockingError. */
export class ReturnReadError extends Error {
  override readonly name = 'ReturnReadError';
  constructor(
    readonly kind: BlockingKind,
    message: string,
    readonly file: string | null = null,
  ) {
    super(message);
  }

  toBlockingError(): BlockingError {
    return { kind: this.kind, file: this.file, message: this.message };
  }
}

/** Lists names for a message: "A", "A and B", "A, B and C". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}
