import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AsideSpace } from '../../../shared/domain/ssda903/aside.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function freshFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'aside-test-'));
  folders.push(folder);
  return folder;
}

/** Appends `count` records of varied lengths to a log of `partitions`; returns what each partition should hold. */
function fill(
  space: AsideSpace,
  partitions: number,
  count: number,
): { log: ReturnType<AsideSpace['log']>; expected: number[][] } {
  const log = space.log(partitions);
  const expected: number[][] = Array.from({ length: partitions }, () => []);
  for (let index = 0; index < count; index++) {
    const partition = (index * 7919) % partitions;
    // Records of 1 to 40 bytes, now and then one longer than a chunk.
    const length = index % 997 === 0 ? 20_000 : 1 + (index % 40);
    const record = Buffer.alloc(length, index & 0xff);
    log.append(partition, record, length);
    for (let byte = 0; byte < length; byte++) expected[partition]!.push(index & 0xff);
  }
  return { log, expected };
}

describe('AsideSpace', () => {
  it('gives each partition its records back in the order appended, kept in memory', () => {
    const space = new AsideSpace();
    const { log, expected } = fill(space, 8, 5_000);
    for (let partition = 0; partition < 8; partition++) {
      expect(log.take(partition)).toEqual(Buffer.from(expected[partition]!));
    }
  });

  it('gives the same records back when they were written to its folder, and removes the files on release', () => {
    const folder = freshFolder();
    const space = new AsideSpace({ directory: folder, memoryBytes: 4_096 });
    const { log, expected } = fill(space, 8, 5_000);
    const other = space.log(3);
    other.append(1, Buffer.from('kept apart'), 10);
    expect(readdirSync(folder)).toHaveLength(1);
    for (let partition = 0; partition < 8; partition++) {
      expect(log.take(partition)).toEqual(Buffer.from(expected[partition]!));
    }
    expect(other.take(1).toString()).toBe('kept apart');
    expect(other.take(0)).toHaveLength(0);
    space.release();
    expect(readdirSync(folder)).toEqual([]);
  });

  it('removes its files on release when they were never read (a return that failed part way)', () => {
    const folder = freshFolder();
    const space = new AsideSpace({ directory: folder, memoryBytes: 1_024 });
    fill(space, 4, 2_000);
    expect(readdirSync(folder)).toHaveLength(1);
    space.release();
    expect(readdirSync(folder)).toEqual([]);
  });
});
