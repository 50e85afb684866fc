// The validate progress bar: drawn only on a terminal and outside CI, only for large files, and it reaches 100%
// because the offline checks report every byte they read.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { PROGRESS_MIN_BYTES, progressBar, progressLine } from '../../../shared/cli/progress.ts';
import { validateFiles } from '../../../shared/cli/validate.ts';

function terminal(): PassThrough & { isTTY: boolean; text: () => string } {
  const stream = new PassThrough() as PassThrough & { isTTY: boolean; text: () => string };
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.isTTY = true;
  stream.text = () => Buffer.concat(chunks).toString('utf8');
  return stream;
}

describe('the validate progress bar', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'upstream-progress-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('draws the share checked and the megabytes', () => {
    expect(progressLine(0, 10 * 1_048_576, 10)).toBe('[----------]   0%  0.0 of 10.0 MB checked');
    expect(progressLine(5 * 1_048_576, 10 * 1_048_576, 10)).toBe('[#####-----]  50%  5.0 of 10.0 MB checked');
    expect(progressLine(12, 10, 10)).toBe('[##########] 100%  0.0 of 0.0 MB checked');
  });

  it('stays silent when piped, under CI, or for a small return', () => {
    const piped = new PassThrough();
    expect(progressBar(piped, {})).toBeUndefined();
    expect(progressBar(terminal(), { CI: 'true' })).toBeUndefined();
    const small = terminal();
    const bar = progressBar(small, {});
    bar?.update(10, 100);
    bar?.finish();
    expect(small.text()).toBe('');
  });

  it('reaches 100% on a large return checked offline, then ends its line', async () => {
    const header = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n';
    const row = '1000001,1,01/01/2010,WBRI,A123456789012,,\n';
    const file = path.join(dir, 'header.csv');
    writeFileSync(file, header + row.repeat(Math.ceil(PROGRESS_MIN_BYTES / row.length) + 10));
    const stderr = terminal();
    let clock = 0;
    const bar = progressBar(stderr, {}, () => (clock += 1000));
    await validateFiles({
      returnType: 'ssda903',
      collectionYear: 2024,
      la: '886',
      files: [file],
      ...(bar ? { onProgress: bar.update } : {}),
    });
    bar?.finish();
    const frames = stderr.text().split('\r').filter(Boolean);
    expect(frames.length).toBeGreaterThan(1);
    expect(frames.at(-1)).toMatch(/^\[#{30}\] 100% {2}5\.\d of 5\.\d MB checked\n$/);
  }, 60_000);
});
