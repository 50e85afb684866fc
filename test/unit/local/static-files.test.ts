// The gateway serves a distribution's bucket paths from the folders a deploy copies into that bucket.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticFileFinder } from '../../../infra/local/static-files.ts';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'upstream-static-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('static files of a distribution', () => {
  const fonts = folder({ 'fonts/a.woff2': 'font' });
  const styles = folder({ 'site.css': 'css' });
  const secret = folder({ 'key.pem': 'secret' });
  const find = staticFileFinder(
    [{ pathPattern: '/assets/*', bucketName: 'web' }],
    [
      { bucketName: 'other', keyPrefix: 'assets/', directories: [secret] },
      { bucketName: 'web', keyPrefix: 'assets/', directories: [fonts, styles] },
    ],
  );

  it('finds a file under the route’s pattern in any folder deployed to its bucket with that prefix', () => {
    expect(find('/assets/fonts/a.woff2')).toBe(path.join(fonts, 'fonts/a.woff2'));
    expect(find('/assets/site.css')).toBe(path.join(styles, 'site.css'));
  });

  it('finds nothing outside the pattern, in another bucket, missing, a folder, or above the folders', () => {
    expect(find('/site.css')).toBeUndefined();
    expect(find('/assets/key.pem')).toBeUndefined();
    expect(find('/assets/nothing.css')).toBeUndefined();
    expect(find('/assets/fonts')).toBeUndefined();
    expect(find(`/assets/../../${path.basename(secret)}/key.pem`)).toBeUndefined();
    expect(find('/assets/fonts/../../site.css')).toBeUndefined();
  });

  it('matches CloudFront’s wildcards: * across slashes, ? for one character', () => {
    const single = staticFileFinder(
      [{ pathPattern: 'assets/site.?ss', bucketName: 'web' }],
      [{ bucketName: 'web', keyPrefix: 'assets/', directories: [styles] }],
    );
    expect(single('/assets/site.css')).toBe(path.join(styles, 'site.css'));
    expect(single('/assets/fonts/a.woff2')).toBeUndefined();
  });
});
