import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type SpillLog, type SpillShape, SpillSpace } from '../../../shared/domain/ssda903/spill-log.ts';

const SMALL: SpillShape = {
  name: 'spill-test',
  memoryBytes: 1 << 20,
  firstChunkBytes: 64,
  largestChunkBytes: 1_024,
};

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function freshFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'spill-log-test-'));
  folders.push(folder);
  return folder;
}

/** Appends `count` records of varied lengths (now and then one longer than a chunk) across `logs`. */
function fill(logs: readonly SpillLog[], count: number): number[][] {
  const expected: number[][] = logs.map(() => []);
  for (let index = 0; index < count; index++) {
    const log = (index * 7919) % logs.length;
    const length = index % 997 === 0 ? 3_000 : 1 + (index % 40);
    const record = Buffer.alloc(length + 3, index & 0xff);
    logs[log]!.append(record, length);
    for (let byte = 0; byte < length; byte++) expected[log]!.push(index & 0xff);
  }
  return expected;
}

/** Writes one record straight into a log's chunk, as the row store does. */
function writeInPlace(log: SpillLog, text: string): void {
  const chunk = log.reserve(text.length);
  const end = log.used + chunk.write(text, log.used, 'latin1');
  log.commit(end);
}

describe('SpillSpace', () => {
  it('gives each log its bytes back in the order appended, kept in memory without a folder', () => {
    const space = new SpillSpace({ ...SMALL, memoryBytes: 100 });
    const logs = Array.from({ length: 5 }, () => space.log());
    const expected = fill(logs, 4_000);
    expect(space.spilled).toBe(false);
    for (const [index, log] of logs.entries()) {
      expect(log.size).toBe(expected[index]!.length);
      expect(log.take()).toEqual(Buffer.from(expected[index]!));
      expect(log.size).toBe(0);
    }
  });

  it('spills every log to one folder past a tiny budget, and reads the same bytes back', () => {
    const folder = freshFolder();
    const space = new SpillSpace({ ...SMALL, memoryBytes: 512 }, { directory: folder });
    const logs = Array.from({ length: 5 }, () => space.log());
    const expected = fill(logs, 4_000);
    expect(space.spilled).toBe(true);
    const [made] = readdirSync(folder);
    expect(made).toMatch(/^spill-test-/);
    expect(readdirSync(join(folder, made!)).sort()).toEqual(['log-0', 'log-1', 'log-2', 'log-3', 'log-4']);
    for (const [index, log] of logs.entries()) {
      const room = Buffer.alloc(log.size + 10);
      expect(log.read(room)).toEqual(Buffer.from(expected[index]!));
      // Reading leaves the log as it was.
      expect(log.take()).toEqual(Buffer.from(expected[index]!));
    }
    space.release();
    expect(readdirSync(folder)).toEqual([]);
  });

  it('keeps bytes written in place intact when written-out chunks hold later bytes', () => {
    const folder = freshFolder();
    // Chunks fill up between spills, are written out and come back as spares for either log.
    const space = new SpillSpace({ ...SMALL, memoryBytes: 5_000 }, { directory: folder });
    const logs = [space.log(), space.log()];
    const expected = ['', ''];
    for (let index = 0; index < 20_000; index++) {
      const text = `${index};`.padEnd(2 + (index % 50), String.fromCharCode(97 + (index % 26)));
      writeInPlace(logs[index % 3 === 0 ? 0 : 1]!, text);
      expected[index % 3 === 0 ? 0 : 1] += text;
    }
    expect(space.spilled).toBe(true);
    expect(logs[0]!.take().toString('latin1')).toBe(expected[0]);
    expect(logs[1]!.take().toString('latin1')).toBe(expected[1]);
    space.release();
    expect(readdirSync(folder)).toEqual([]);
  });

  it('removes its files on release when they were never read (a return that failed part way)', () => {
    const folder = freshFolder();
    const space = new SpillSpace({ ...SMALL, memoryBytes: 256 }, { directory: folder });
    fill([space.log(), space.log()], 2_000);
    expect(readdirSync(folder)).toHaveLength(1);
    space.release();
    expect(readdirSync(folder)).toEqual([]);
  });

  it('takes a log emptied and lets it be appended to again, after a spill too', () => {
    const folder = freshFolder();
    const space = new SpillSpace({ ...SMALL, memoryBytes: 256 }, { directory: folder });
    const log = space.log();
    const first = fill([log], 500)[0]!;
    expect(space.spilled).toBe(true);
    expect(log.take()).toEqual(Buffer.from(first));
    const again = fill([log], 300)[0]!;
    expect(log.take()).toEqual(Buffer.from(again));
    space.release();
    expect(readdirSync(folder)).toEqual([]);
  });
});
