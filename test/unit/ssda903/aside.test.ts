import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AsideSpace } from '../../../shared/domain/ssda903/aside.ts';

describe('AsideSpace', () => {
  it('spills every check’s partitions past its budget into one folder, removed on release', () => {
    const folder = mkdtempSync(join(tmpdir(), 'aside-test-'));
    try {
      const space = new AsideSpace({ directory: folder, memoryBytes: 4_096 });
      const tally = space.partitions(8);
      const other = space.partitions(3);
      other[1]!.append(Buffer.from('kept apart'), 10);
      const expected: number[][] = tally.map(() => []);
      for (let index = 0; index < 5_000; index++) {
        const length = 1 + (index % 40);
        tally[index % 8]!.append(Buffer.alloc(length, index & 0xff), length);
        for (let byte = 0; byte < length; byte++) expected[index % 8]!.push(index & 0xff);
      }
      const [made] = readdirSync(folder);
      expect(made).toMatch(/^ssda903-aside-/);
      expect(readdirSync(join(folder, made!))).toHaveLength(8 + 1);
      for (const [index, partition] of tally.entries()) {
        expect(partition.take()).toEqual(Buffer.from(expected[index]!));
      }
      expect(other[1]!.take().toString()).toBe('kept apart');
      expect(other[0]!.take()).toHaveLength(0);
      space.release();
      expect(readdirSync(folder)).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
