// Web app: reads a multipart/form-data body (the upload form posted without JavaScript) into fields and
// files. Bodies are small here (API Gateway and Lambda cap them at a few MB), so it works on one buffer.

export interface FormFile {
  readonly field: string;
  readonly name: string;
  readonly content: Buffer;
}

export interface MultipartForm {
  readonly fields: URLSearchParams;
  readonly files: FormFile[];
}

export function boundaryOf(contentType: string | undefined): string | undefined {
  const match = /^multipart\/form-data;.*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  return match ? (match[1] ?? match[2]) : undefined;
}

export function parseMultipart(body: Buffer, boundary: string): MultipartForm {
  const fields = new URLSearchParams();
  const files: FormFile[] = [];
  const delimiter = Buffer.from(`--${boundary}`);
  let position = body.indexOf(delimiter);
  while (position !== -1) {
    const start = position + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    // Each part: CRLF, headers, CRLF CRLF, content, CRLF before the next delimiter.
    const part = body.subarray(start + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    if (split !== -1) {
      const headers = part.subarray(0, split).toString('utf8');
      const content = part.subarray(split + 4);
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      if (name !== undefined && filename !== undefined) {
        // An empty file input still sends a part with no name and no content.
        if (filename) files.push({ field: name, name: filename.split(/[\\/]/).pop()!, content });
      } else if (name !== undefined) {
        fields.append(name, content.toString('utf8'));
      }
    }
    position = next;
  }
  return { fields, files };
}
