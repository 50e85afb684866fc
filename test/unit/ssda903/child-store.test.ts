import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChildNumbers, ReturnStore, TextCache } from '../../../shared/domain/ssda903/child-store.ts';
import type { Row } from '../../../shared/domain/ssda903/model.ts';

const COLUMNS = ['CHILD', 'DECOM', 'HOME_POST'];

const episode = (rowNumber: number, values: Record<string, string>): Row => ({
  table: 'Episodes',
  rowNumber,
  values,
});

function storeOf(rows: readonly Row[], spill?: ConstructorParameters<typeof ReturnStore>[1]): ReturnStore {
  const store = new ReturnStore(new Set(['Episodes']), spill);
  store.declareTable('Episodes', COLUMNS);
  for (const row of rows) store.add(row);
  return store;
}

describe('ReturnStore', () => {
  it('hands back every value exactly as added, whatever the characters, grouped by child in file order', () => {
    // Accented letters, a character outside the Basic Multilingual Plane and a lone surrogate (which UTF-8
    // cannot carry) must all come back unchanged.
    const rows = [
      episode(2, { CHILD: 'A', DECOM: '01/04/2025', HOME_POST: 'Zoë Café' }),
      episode(3, { CHILD: 'B', DECOM: '', HOME_POST: '😀 AB1' }),
      episode(4, { CHILD: 'A', DECOM: '02/04/2025', HOME_POST: 'x\uD800y' }),
      episode(5, { CHILD: 'B', DECOM: '03/04/2025', HOME_POST: '' }),
    ];
    const children = [...storeOf(rows).children()];
    expect(children.map(({ record }) => record.child)).toEqual(['A', 'B']);
    expect(children[0]!.record.rows.Episodes).toEqual([rows[0], rows[2]]);
    expect(children[1]!.record.rows.Episodes).toEqual([rows[1], rows[3]]);
    expect(children[0]!.rowNumbers).toEqual({ Episodes: [2, 4] });
  });

  it('keeps many rows across buffer chunks intact', () => {
    const rows: Row[] = [];
    for (let index = 0; index < 20_000; index++) {
      const child = `C${index % 7}`;
      rows.push(episode(index + 2, { CHILD: child, DECOM: `${index}`, HOME_POST: 'é'.repeat(index % 5) }));
    }
    const seen: Row[] = [];
    for (const { record } of storeOf(rows).children()) seen.push(...(record.rows.Episodes ?? []));
    const byRowNumber = (a: Row, b: Row) => a.rowNumber - b.rowNumber;
    expect(seen.sort(byRowNumber)).toEqual(rows);
  });

  it('gives the same children when its rows are spilled to disk, and removes the spilled files after', {
    timeout: 60_000,
  }, () => {
    const rows: Row[] = [];
    for (let index = 0; index < 50_000; index++) {
      // More children than one part of the log holds, each seen again far apart.
      const child = `C${(index * 7919) % 36_000}`;
      rows.push(episode(index + 2, { CHILD: child, DECOM: `${index}`, HOME_POST: 'ü'.repeat(index % 3) }));
    }
    const inMemory = [...storeOf(rows).children()];
    const folder = mkdtempSync(join(tmpdir(), 'store-test-'));
    try {
      const spilled = storeOf(rows, { directory: folder, memoryBytes: 64 * 1024 });
      const seen: unknown[] = [];
      let sawFiles = false;
      for (const child of spilled.children()) {
        sawFiles ||= readdirSync(folder).length > 0;
        seen.push(child);
      }
      expect(sawFiles).toBe(true);
      expect(seen).toEqual(inMemory);
      expect(readdirSync(folder)).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('gives the same children when whole chunks are written out and used again for later rows', {
    timeout: 60_000,
  }, () => {
    const rows: Row[] = [];
    for (let index = 0; index < 120_000; index++) {
      // One part of the log (fewer children than it holds), megabytes of rows: its chunks fill up between
      // spills, are written out and then hold later rows, in two parts and in one.
      const child = `C${(index * 7919) % (index < 100_000 ? 30_000 : 40_000)}`;
      const value = `${index}:`.padEnd(4 + (index % 60), 'é');
      rows.push(episode(index + 2, { CHILD: child, DECOM: `${index}`, HOME_POST: value }));
    }
    const inMemory = [...storeOf(rows).children()];
    const folder = mkdtempSync(join(tmpdir(), 'store-test-'));
    try {
      const spilled = storeOf(rows, { directory: folder, memoryBytes: 700 * 1024 });
      expect([...spilled.children()]).toEqual(inMemory);
      expect(readdirSync(folder)).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('ReturnStore records', () => {
  it('keeps values of every length, and a CHILD that UTF-8 cannot carry', () => {
    // Lengths about the one-byte limit of a value's length, and far past it.
    const long = (length: number) => 'x'.repeat(length);
    const rows = [251, 252, 253, 255, 256, 300, 70_000].map((length, index) =>
      episode(index + 2, { CHILD: `C${index % 2}`, DECOM: long(length), HOME_POST: 'é'.repeat(length) }),
    );
    rows.push(episode(9, { CHILD: 'x\uD800y', DECOM: '', HOME_POST: 'AB1' }));
    const children = [...storeOf(rows).children()];
    expect(children.map(({ record }) => record.child)).toEqual(['C0', 'C1', 'x\uD800y']);
    const seen = children.flatMap(({ record }) => record.rows.Episodes ?? []);
    expect(seen.sort((a, b) => a.rowNumber - b.rowNumber)).toEqual(rows);
  });

  it('stores a block of CSV rows as it stores the same rows given one by one, leaving out refused rows', () => {
    // The file's columns in another order than the table's, one of them missing.
    const fileColumns = ['HOME_POST', 'CHILD'];
    const lines = [
      ['AB1 2CD', 'A'],
      ['', 'B'],
      ['refused', 'R'],
      ['Zoë', 'A'],
      ['x'.repeat(300), 'B'],
    ];
    const text = lines.flat().join('');
    const bytes = Buffer.from(text, 'utf8');
    const starts: number[] = [];
    const ends: number[] = [];
    let at = 0;
    for (const value of lines.flat()) {
      starts.push(at);
      at += Buffer.byteLength(value);
      ends.push(at);
    }
    const block = {
      table: 'Episodes' as const,
      columns: fileColumns,
      count: lines.length,
      rowNumbers: Int32Array.from(lines, (_, index) => index + 2),
      bytes,
      starts: Int32Array.from(starts),
      ends: Int32Array.from(ends),
      refused: new Map([
        [
          2,
          {
            code: 'SCHEMA:field-count',
            table: 'Episodes' as const,
            rowNumber: 4,
            field: '',
            value: '',
            child: 'R',
          },
        ],
      ]),
    };
    const fromBlock = new ReturnStore(new Set(['Episodes']));
    fromBlock.declareTable('Episodes', COLUMNS);
    fromBlock.addBlock(
      block,
      Int32Array.from(COLUMNS, (column) => fileColumns.indexOf(column)),
      1,
    );
    const oneByOne = storeOf(
      lines
        .map(([post, child], index) => episode(index + 2, { CHILD: child!, DECOM: '', HOME_POST: post! }))
        .filter((_, index) => index !== 2),
    );
    expect([...fromBlock.children()]).toEqual([...oneByOne.children()]);
  });
});

describe('TextCache', () => {
  it('gives each byte range its own text, whatever other values share its slot', () => {
    const cache = new TextCache();
    // Enough different values of every short length that many share a slot, each asked for twice.
    const values = Array.from({ length: 40_000 }, (_, index) =>
      `${index.toString(36)}é`.repeat(1 + (index % 5)),
    );
    const bytes = Buffer.from(values.join(''), 'utf8');
    const ranges: [number, number][] = [];
    let at = 0;
    for (const value of values) {
      const length = Buffer.byteLength(value);
      ranges.push([at, at + length]);
      at += length;
    }
    for (let round = 0; round < 2; round++) {
      values.forEach((value, index) => {
        expect(cache.text(bytes, ranges[index]![0], ranges[index]![1])).toBe(value);
      });
    }
  });
});

describe('ChildNumbers', () => {
  it('numbers references in order of first appearance, finds each again by its bytes, and gives it back', () => {
    const numbers = new ChildNumbers();
    // Enough references to grow the table several times; some differ only in their last byte or length.
    const references = Array.from({ length: 30_000 }, (_, index) => `C${index}${index % 3 === 0 ? 'é' : ''}`);
    references.push('', ' ', 'x\uD800y', 'x\uFFFDy', 'x\uDC00y');
    const numbered = references.map((reference) => numbers.numberOfText(reference));
    expect(numbered).toEqual(references.map((_, index) => index));
    const bytes = Buffer.from(`,${references.slice(0, 1000).join(',')},`, 'utf8');
    let at = 1;
    references.slice(0, 1000).forEach((reference, index) => {
      const end = at + Buffer.byteLength(reference);
      expect(numbers.numberOf(bytes, at, end)).toBe(index);
      at = end + 1;
    });
    expect(references.map((reference) => numbers.numberOfText(reference))).toEqual(numbered);
    expect(numbered.map((child) => numbers.reference(child))).toEqual(references);
    expect(numbers.count).toBe(references.length);
    numbers.seal();
    expect(numbered.map((child) => numbers.reference(child))).toEqual(references);
    expect(() => numbers.numberOfText('C1')).toThrow(/no longer numbered/);
  });
});
