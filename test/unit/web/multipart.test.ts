import { describe, expect, it } from 'vitest';
import { boundaryOf, parseMultipart } from '../../../shared/web/multipart.ts';

const form = (boundary: string, parts: string[]) =>
  Buffer.from(`${parts.map((part) => `--${boundary}\r\n${part}\r\n`).join('')}--${boundary}--\r\n`, 'latin1');

describe('multipart form bodies', () => {
  it('reads fields and files byte for byte, keeping only the file name a browser sends', () => {
    const binary = '\x00\xff\r\n--x\r\nPK';
    const body = form('----b', [
      'Content-Disposition: form-data; name="_csrf"\r\n\r\ntoken',
      `Content-Disposition: form-data; name="files"; filename="C:\\\\fakepath\\\\header.csv"\r\nContent-Type: text/csv\r\n\r\nCHILD,SEX\r\n1,1`,
      `Content-Disposition: form-data; name="files"; filename="return.zip"\r\n\r\n${binary}`,
      'Content-Disposition: form-data; name="files"; filename=""\r\n\r\n',
    ]);
    const parsed = parseMultipart(body, boundaryOf('multipart/form-data; boundary=----b')!);
    expect(parsed.fields.get('_csrf')).toBe('token');
    expect(parsed.files.map((file) => file.name)).toEqual(['header.csv', 'return.zip']);
    expect(parsed.files[0]!.content.toString()).toBe('CHILD,SEX\r\n1,1');
    expect(parsed.files[1]!.content).toEqual(Buffer.from(binary, 'latin1'));
  });

  it('finds no boundary in a body that is not multipart', () => {
    expect(boundaryOf('application/x-www-form-urlencoded')).toBeUndefined();
  });
});
