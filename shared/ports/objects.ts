// Port: object storage (S3 in AWS, fauxqs locally) as streams.

export interface ObjectWriter {
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
}

/** The object is not the version asked for: it was replaced or removed since. */
export class ObjectChangedError extends Error {
  override name = 'ObjectChangedError';
}
