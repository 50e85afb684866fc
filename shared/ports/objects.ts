// Port: object storage (S3 in AWS, fauxqs locally) as streams.

export interface ObjectWriter {
  /**
   * Resolves when the writer can take more. Texts reach the object in the order written, even when a write
   * is made before the last one resolved.
   */
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

export interface ObjectStore {
  open(bucket: string, key: string): Promise<AsyncIterable<Uint8Array>>;
  /**
   * Size and SHA-256 of the object; with `ifMatch`, of that version only (ObjectChangedError if the
   * object now has another ETag).
   */
  digest(bucket: string, key: string, ifMatch?: string): Promise<{ size: number; sha256: string }>;
  putText(bucket: string, key: string, body: string, contentType: string): Promise<void>;
  /** A streamed upload: memory stays flat whatever the size. */
  openWriter(bucket: string, key: string, contentType: string): ObjectWriter;
  /** Moves an object to another key in the same bucket (copy, then delete the original). */
  move(bucket: string, fromKey: string, toKey: string): Promise<void>;
  remove(bucket: string, key: string): Promise<void>;
}

/**
 * Outputs are written under this prefix of their bucket while a submission is processed, and moved to
 * their own key only when it succeeds: a failed attempt leaves nothing under curated/, and what it leaves
 * here expires (the data bucket's lifecycle rule).
 */
export const STAGING_PREFIX = 'staging/';

/** The object is not the version asked for: it was replaced or removed since. */
export class ObjectChangedError extends Error {
  override name = 'ObjectChangedError';
}
