import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ChildNumbers,
  ReturnStore,
  TextCache,
  ValueWords,
} from '../../../shared/domain/ssda903/child-store.ts';
import type { ChildRecord, Row } from '../../../shared/domain/ssda903/model.ts';
import { dayOf } from '../../../shared/domain/ssda903/row-days.ts';
import { byteRowOf } from './helpers/byte-rows.ts';

const COLUMNS = ['CHILD', 'DECOM', 'HOME_POST'];

// As the store gives rows back: with their dates parsed (row-days.ts).
const episode = (rowNumber: number, values: Record<string, string>): Row => ({
  table: 'Episodes',
  rowNumber,
  values,
  days: { DECOM: dayOf(values.DECOM) },
});

function storeOf(rows: readonly Row[], spill?: ConstructorParameters<typeof ReturnStore>[1]): ReturnStore {
  const store = new ReturnStore(new Set(['Episodes']), spill);
  store.declareTable('Episodes', COLUMNS);
  for (const row of rows) store.addRow(byteRowOf(row, COLUMNS));
  return store;
}

describe('ReturnStore', () => {
  it('hands back every value exactly as added, whatever the characters, grouped by child in file order', () => {
    // Accented letters, a character outside the Basic Multilingual Plane and a replacement character must all
    // come back unchanged.
    const rows = [
      episode(2, { CHILD: 'A', DECOM: '01/04/2025', HOME_POST: 'Zoë Café' }),
      episode(3, { CHILD: 'B', DECOM: '', HOME_POST: '😀 AB1' }),
      episode(4, { CHILD: 'A', DECOM: '02/04/2025', HOME_POST: 'x\uFFFDy' }),
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

  it('removes the spilled files when checking stops part way, and on release before grouping', () => {
    const rows: Row[] = [];
    for (let index = 0; index < 20_000; index++) {
      rows.push(
        episode(index + 2, { CHILD: `C${(index * 7919) % 3_000}`, DECOM: `${index}`, HOME_POST: 'AB1' }),
      );
    }
    const folder = mkdtempSync(join(tmpdir(), 'store-test-'));
    try {
      const stopped = storeOf(rows, { directory: folder, memoryBytes: 16 * 1024 });
      expect(readdirSync(folder)).toHaveLength(1);
      expect(() => {
        for (const child of stopped.children()) {
          if (child.number === 10) throw new Error('a check failed');
        }
      }).toThrow('a check failed');
      expect(readdirSync(folder)).toEqual([]);
      const refused = storeOf(rows, { directory: folder, memoryBytes: 16 * 1024 });
      expect(readdirSync(folder)).toHaveLength(1);
      refused.release();
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
  it('keeps values of every length', () => {
    // Lengths about the one-byte limit of a value's length, and far past it.
    const long = (length: number) => 'x'.repeat(length);
    const rows = [251, 252, 253, 255, 256, 300, 70_000].map((length, index) =>
      episode(index + 2, { CHILD: `C${index % 2}`, DECOM: long(length), HOME_POST: 'é'.repeat(length) }),
    );
    const children = [...storeOf(rows).children()];
    expect(children.map(({ record }) => record.child)).toEqual(['C0', 'C1']);
    const seen = children.flatMap(({ record }) => record.rows.Episodes ?? []);
    expect(seen.sort((a, b) => a.rowNumber - b.rowNumber)).toEqual(rows);
  });

  it('gives the rows of a table without a CHILD column a blank CHILD', () => {
    const store = new ReturnStore(new Set(['Episodes']));
    const columns = ['DECOM', 'HOME_POST'];
    store.declareTable('Episodes', columns);
    const rows = [
      episode(2, { DECOM: '01/04/2025', HOME_POST: 'AB1 2CD' }),
      episode(3, { DECOM: '', HOME_POST: '' }),
    ];
    for (const row of rows) store.addRow(byteRowOf(row, columns));
    const children = [...store.children()];
    expect(children.map(({ record }) => record)).toEqual([
      {
        child: '',
        rows: { Episodes: rows.map((row) => ({ ...row, values: { ...row.values, CHILD: '' } })) },
      },
    ]);
  });

  it('stores rows read from CSV, their values laid out in an order of their own, as they were read', () => {
    // Each row's values in the table's column order, as ranges of one buffer, in an order of their own.
    const lines = [
      ['A', '01/04/2025', 'AB1 2CD'],
      ['B', '', ''],
      ['A', '02/04/2025', 'Zoë'],
      ['C', '03/04/2025', 'x'.repeat(300)],
    ];
    expectStoredAlike(lines, 'reversed');
  });
  it('stores CSV rows of values that repeat and of values that do not alike, past the point it stops numbering some, with their days', () => {
    // DECOM repeats (numbered, its days parsed once per number), now and then a date that does not exist;
    // HOME_POST is new on most rows (no longer numbered after a few thousand rows), and now and then has the
    // text of a date, numbered before DECOM meets it.
    const count = 12_000;
    const lines = Array.from({ length: count }, (_, index) => [
      `C${index % 2_000}`,
      index % 5 === 0 ? '' : index % 11 === 0 ? '31/02/2025' : `0${1 + (index % 9)}/04/2025`,
      index % 13 === 0 ? '05/04/2025' : `P${index}${index % 7 === 0 ? 'é' : ''}`,
    ]);
    expectStoredAlike(lines, 'in order');
  });
});

/**
 * Stores `lines` (CHILD, DECOM, HOME_POST) as CSV rows, each value a range of one buffer (laid out in the
 * columns' order or reversed), and expects them back grouped by child in order of first appearance, in file order.
 */
function expectStoredAlike(lines: readonly string[][], layout: 'in order' | 'reversed'): void {
  const laidOut = layout === 'reversed' ? lines.map((line) => [...line].reverse()) : lines;
  const bytes = Buffer.from(laidOut.flat().join(''), 'utf8');
  const fromCsv = new ReturnStore(new Set(['Episodes']));
  fromCsv.declareTable('Episodes', COLUMNS);
  let at = 0;
  lines.forEach((line, index) => {
    const starts = new Int32Array(COLUMNS.length);
    const ends = new Int32Array(COLUMNS.length);
    const columns = line.map((_, column) => column);
    if (layout === 'reversed') columns.reverse();
    for (const column of columns) {
      starts[column] = at;
      at += Buffer.byteLength(line[column]!);
      ends[column] = at;
    }
    fromCsv.addRow({ table: 'Episodes', rowNumber: index + 2, bytes, starts, ends });
  });
  const expected = new Map<string, Row[]>();
  lines.forEach(([child, decom, post], index) => {
    const rows = expected.get(child!) ?? [];
    rows.push(episode(index + 2, { CHILD: child!, DECOM: decom!, HOME_POST: post! }));
    expected.set(child!, rows);
  });
  const records: ChildRecord[] = [...expected].map(([child, rows]) => ({ child, rows: { Episodes: rows } }));
  expect([...fromCsv.children()].map(({ record }) => record)).toEqual(records);
}

describe('ValueWords', () => {
  it('gives a value the same number each time and its text back, and numbers no more than it has room for', () => {
    const words = new ValueWords();
    const values = Array.from({ length: ValueWords.CAPACITY + 10 }, (_, index) =>
      index % 3 === 0 ? `é${index}` : `${index}`.padStart(1 + (index % ValueWords.LONGEST), '0'),
    );
    const bytes = Buffer.from(values.join(''), 'utf8');
    const ranges: [number, number][] = [];
    let at = 0;
    for (const value of values) {
      ranges.push([at, at + Buffer.byteLength(value)]);
      at += Buffer.byteLength(value);
    }
    const first = ranges.map(([from, to]) => words.numberOf(bytes, from, to));
    const expected = values.map((_, index) => (index < ValueWords.CAPACITY ? index : -1));
    expect(first).toEqual(expected);
    expect(ranges.map(([from, to]) => words.numberOf(bytes, from, to))).toEqual(expected);
    expect(words.texts).toEqual(values.slice(0, ValueWords.CAPACITY));
  });

  it('finds a value by its own bytes alone, wherever it is in a buffer and whatever follows it', () => {
    const words = new ValueWords();
    // Values of every length, with and without zero bytes, that share their first bytes with each other.
    const values: string[] = [];
    for (let length = 1; length <= ValueWords.LONGEST; length++) {
      values.push(
        '01/04/2025AB'.slice(0, length),
        '\u0000'.repeat(length),
        `a${'\u0000'.repeat(length - 1)}`,
      );
    }
    const numbers = new Map<string, number>();
    for (const value of values) {
      const bytes = Buffer.from(value, 'latin1');
      for (const [before, after] of [
        ['', ''],
        ['', '\u00ff'.repeat(20)],
        ['xyz', ''],
        ['xyz', 'zzzzzzzzzzzzzzzz'],
        ['0000', '\u0000'.repeat(12)],
      ] as const) {
        const buffer = Buffer.from(before + value + after, 'latin1');
        const number = words.numberOf(buffer, before.length, before.length + bytes.length);
        expect(number).toBe(numbers.get(value) ?? words.count - 1);
        numbers.set(value, number);
      }
    }
    expect(new Set(numbers.values()).size).toBe(new Set(values).size);
    expect([...numbers].every(([value, number]) => words.texts[number] === value)).toBe(true);
  });

  it('tells every value of one or two bytes from the others, and numbers none met once it is full', () => {
    const words = new ValueWords();
    // Every single byte, and pairs that share a byte with a single one or with each other (0 included).
    const values: Buffer[] = [];
    for (let byte = 0; byte < 256; byte++) values.push(Buffer.from([byte]));
    for (let byte = 0; byte < 256; byte += 17) {
      values.push(Buffer.from([byte, 0]), Buffer.from([0, byte]), Buffer.from([byte, byte ^ 0x80]));
    }
    const distinct = [...new Map(values.map((value) => [value.toString('hex'), value])).values()];
    // Each value alone at the end of its buffer, then again with other bytes after it.
    const alone = distinct.map((value) => words.numberOf(value, 0, value.length));
    expect(alone).toEqual(distinct.map((_, index) => index));
    const followed = distinct.map((value) => {
      const buffer = Buffer.concat([Buffer.from('x'), value, Buffer.from('\u0000yyyyyyyyyyyy')]);
      return words.numberOf(buffer, 1, 1 + value.length);
    });
    expect(followed).toEqual(alone);
    // Fill the store with longer values: a short value met before keeps its number, a new one gets none.
    let filler = 0;
    while (words.count < ValueWords.CAPACITY) {
      const value = Buffer.from(`v${filler++}`);
      words.numberOf(value, 0, value.length);
    }
    const late = Buffer.from('\u00ff~', 'latin1');
    expect([1, 2].map(() => words.numberOf(late, 0, 2))).toEqual([-1, -1]);
    expect(words.numberOf(distinct[65]!, 0, 1)).toBe(65);
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

describe('TextCache on values of one or two bytes', () => {
  it('gives each its own text: every ASCII byte and pair, and the characters of two bytes', () => {
    const cache = new TextCache();
    const values = [''];
    for (let first = 0; first < 128; first++) {
      values.push(String.fromCharCode(first));
      for (let second = 0; second < 128; second++) values.push(String.fromCharCode(first, second));
    }
    for (let code = 0x80; code < 0x800; code++) values.push(String.fromCharCode(code));
    const bytes = Buffer.from(values.join(''), 'utf8');
    for (let round = 0; round < 2; round++) {
      let at = 0;
      for (const value of values) {
        const end = at + Buffer.byteLength(value);
        expect(end - at).toBeLessThanOrEqual(2);
        expect(cache.text(bytes, at, end)).toBe(value);
        at = end;
      }
    }
  });
});

describe('ChildNumbers', () => {
  it('numbers references in order of first appearance, finds each again by its bytes, and gives it back', () => {
    const numbers = new ChildNumbers();
    // Enough references to grow the table several times; some differ only in their last byte or length.
    const references = Array.from({ length: 30_000 }, (_, index) => `C${index}${index % 3 === 0 ? 'é' : ''}`);
    references.push('', ' ', 'x\uFFFDy', '😀');
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
