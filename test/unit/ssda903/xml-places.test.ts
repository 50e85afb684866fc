// Where each row of an XML return is, written to a compact log (spilled to disk past a budget) and read back
// once to locate the findings: checked against a plain map of every row's place.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding, TableName } from '#domain/ssda903/model';
import { XmlPlaceLog } from '#domain/ssda903/xml-places';
import { type XmlRowPlace, xmlRowLocation } from '#domain/ssda903/xml-reader';

const folder = mkdtempSync(join(tmpdir(), 'xml-places-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** Places as a reader gives them: children in order, lines mostly forward (now and then back, or far on). */
function placesOf(rows: number, next: () => number): XmlRowPlace[] {
  const places: XmlRowPlace[] = [];
  let child = 0;
  let line = 1;
  for (let row = 1; row <= rows; row++) {
    if (row === 1 || next() < 0.2) child++;
    const step = next();
    line =
      step < 0.05
        ? Math.max(1, line - 40)
        : step > 0.999
          ? line + 3_000_000_000
          : line + Math.floor(step * 20);
    places.push({ child, index: 1 + Math.floor(next() * 300), line });
  }
  return places;
}

const TABLES: readonly TableName[] = ['Header', 'Episodes', 'Reviews', 'Missing', 'PrevPerm'];

function findingsOn(rowNumbers: readonly number[], next: () => number): Finding[] {
  return rowNumbers.map((rowNumber, at) => ({
    code: String(100 + at),
    table: TABLES[Math.floor(next() * TABLES.length)]!,
    rowNumber,
    field: 'PLACE',
    value: 'XX9',
    child: 'C1',
  }));
}

function expected(findings: readonly Finding[], places: readonly XmlRowPlace[]) {
  return findings.map((finding) => {
    const place = places[finding.rowNumber - 1];
    if (!place) return finding;
    return { ...finding, rowNumber: place.line, location: xmlRowLocation(finding.table, place) };
  });
}

describe('the places of an XML return’s rows', () => {
  it('locates findings in any order, on any row, as a map of every place would', () => {
    const next = random(7);
    const places = placesOf(50_000, next);
    const rowNumbers = [0, 1, 50_000, 50_001, 25_000, 25_000, 3, 2, 1, -4];
    for (let at = 0; at < 2_000; at++) rowNumbers.push(1 + Math.floor(next() * 50_000));
    const findings = findingsOn(rowNumbers, next);
    for (const spill of [undefined, { directory: folder, memoryBytes: 4096 }]) {
      const log = new XmlPlaceLog(spill);
      for (const [at, place] of places.entries()) log.add(at + 1, place);
      if (spill) expect(readdirSync(folder)).toHaveLength(1);
      expect(log.locateAll(findings)).toEqual(expected(findings, places));
      log.release();
      expect(readdirSync(folder)).toEqual([]);
    }
  });

  it('keeps a few bytes a row, and within its budget when given a folder', () => {
    const places = placesOf(200_000, random(11));
    const log = new XmlPlaceLog({ directory: folder, memoryBytes: 1 << 16 });
    let most = 0;
    places.forEach((place, at) => {
      log.add(at + 1, place);
      most = Math.max(most, log.bytesInMemory);
    });
    expect(most).toBeLessThanOrEqual(2 << 16);
    // The child's step, the line's and the index: 1 + 1 + 2 bytes a row here, less in a real return.
    expect(log.bytes).toBeLessThan(200_000 * 4.2);
    expect(readdirSync(folder)).toHaveLength(1);
    const last = findingsOn([200_000], random(1));
    expect(log.locateAll(last)).toEqual(expected(last, places));
    log.release();
  });

  it('refuses rows out of order, and leaves findings alone when there are no rows', () => {
    const log = new XmlPlaceLog();
    const finding = findingsOn([1], random(3));
    expect(log.locateAll(finding)).toEqual(finding);
    log.add(1, { child: 1, index: 1, line: 2 });
    expect(() => log.add(3, { child: 1, index: 1, line: 2 })).toThrow(/in order/);
    expect(() => log.add(2, { child: 0, index: 1, line: 2 })).toThrow(/in order/);
  });
});
