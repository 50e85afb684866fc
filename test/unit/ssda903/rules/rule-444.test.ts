import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toXml } from '../../../../shared/domain/generate/ssda903-xml.ts';
import { AsideSpace } from '../../../../shared/domain/ssda903/aside.ts';
import { type AcceptedReturn, readReturn } from '../../../../shared/domain/ssda903/engine.ts';
import type { ChildRecord, RuleContext } from '../../../../shared/domain/ssda903/model.ts';
import { rulesFor } from '../../../../shared/domain/ssda903/rules/registry.ts';
import { rule444 } from '../../../../shared/domain/ssda903/rules/rule-444.ts';
import { chunked } from '../helpers/streams.ts';
import { childWith, contextFor, episode, header, where } from './helpers.ts';

/** Shows the children to a fresh tally, in order, and lists what it found as "CHILD Table:row:FIELD". */
function tallied(children: readonly ChildRecord[], context: RuleContext = contextFor()): string[] {
  const tally = rule444.acrossChildren!();
  for (const [number, child] of children.entries()) tally.see(child, context, number);
  return tally.findings((number) => children[number]!.child).map((found) => `${found.child} ${where(found)}`);
}

/** A child whose one Header row is at the given spreadsheet row. */
function childAt(id: string, upn: string, rowNumber: number): ChildRecord {
  const record = childWith(id, { Header: [header({ UPN: upn })] });
  const [row] = record.rows.Header!;
  return { child: id, rows: { Header: [{ ...row!, rowNumber }] } };
}

describe('rule 444: one UPN, one child', () => {
  it('accepts different UPNs', () => {
    expect(tallied([childAt('C1', 'A123456789012', 2), childAt('C2', 'B123456789012', 3)])).toEqual([]);
  });

  it('flags every child given the same UPN, the first one too, in row order', () => {
    expect(
      tallied([
        childAt('C1', 'A123456789012', 2),
        childAt('C2', 'B123456789012', 3),
        childAt('C3', 'A123456789012', 4),
        childAt('C4', 'A123456789012', 5),
      ]),
    ).toEqual(['C1 Header:2:UPN', 'C3 Header:4:UPN', 'C4 Header:5:UPN']);
  });

  it('compares UPNs that are not well formed by their text', () => {
    expect(
      tallied([childAt('C1', 'a12345', 2), childAt('C2', 'A123456789012', 3), childAt('C3', 'a12345', 4)]),
    ).toEqual(['C1 Header:2:UPN', 'C3 Header:4:UPN']);
  });

  it('tells apart UPNs that differ only in their last character, digit or letter', () => {
    const upns = ['A123456789010', 'A12345678901A', 'A12345678901Z', 'B123456789010', 'A023456789010'];
    expect(tallied(upns.map((upn, index) => childAt(`C${index}`, upn, index + 2)))).toEqual([]);
  });

  it('does not compare blanks or the "not known" codes, which many children share', () => {
    expect(
      tallied([childAt('C1', '', 2), childAt('C2', '', 3), childAt('C3', 'UN1', 4), childAt('C4', 'UN1', 5)]),
    ).toEqual([]);
  });

  it('leaves a child listed twice with its UPN to the duplicate-child check', () => {
    const twice = childWith('C1', {
      Header: [header({ UPN: 'A123456789012' }), header({ UPN: 'A123456789012' })],
    });
    expect(tallied([twice])).toEqual([]);
  });

  it('has nothing to say about one child on its own', () => {
    expect(rule444.check(childAt('C1', 'A123456789012', 2), contextFor())).toEqual([]);
  });

  it('runs from 2025/26, the year it was added', () => {
    expect(rulesFor(2025).some((rule) => rule.code === '444')).toBe(false);
    expect(rulesFor(2026).some((rule) => rule.code === '444')).toBe(true);
    expect(rulesFor(2027).some((rule) => rule.code === '444')).toBe(true);
  });
});

describe('rule 444 across a whole return', () => {
  const headerRows = [
    { CHILD: 'C1', ...header({ UPN: 'A123456789012' }) },
    { CHILD: 'C2', ...header({ UPN: 'B123456789012' }) },
    { CHILD: 'C3', ...header({ UPN: 'A123456789012' }) },
  ];
  const episodeRows = headerRows.map((row) => ({ CHILD: row.CHILD, ...episode() }));
  const csv = (rows: readonly Record<string, string>[]): string =>
    [Object.keys(rows[0]!).join(','), ...rows.map((row) => Object.values(row).join(','))].join('\r\n');

  async function findings444(files: { name: string; text: string }[]): Promise<string[]> {
    const result = await readReturn(
      files.map(({ name, text }) => ({ name, body: chunked(text) })),
      { collectionYear: 2026, rules: rulesFor(2026) },
    );
    expect(result.status).toBe('accepted');
    return (result as AcceptedReturn).findings
      .filter((found) => found.code === '444')
      .map((found) => `${found.child} ${found.location ?? where(found)}`);
  }

  it('reports both children sharing a UPN in a CSV return', async () => {
    const found = await findings444([
      { name: 'header.csv', text: csv(headerRows) },
      { name: 'episodes.csv', text: csv(episodeRows) },
    ]);
    expect(found).toEqual(['C1 Header:2:UPN', 'C3 Header:4:UPN']);
  });

  it('reports them by child position in an XML return', async () => {
    const xml = toXml({ Header: headerRows, Episodes: episodeRows });
    expect(await findings444([{ name: 'return.xml', text: xml }])).toEqual([
      'C1 Child 1, Header',
      'C3 Child 3, Header',
    ]);
  });
});

describe('rule 444 with its tally set aside', () => {
  /** The rule as first written: every UPN's first child and row in a Map, findings sorted by row. */
  function plainly(children: readonly ChildRecord[]): string[] {
    const first = new Map<string, { child: number; rowNumber: number; shared: boolean }>();
    const found: { child: number; rowNumber: number; upn: string }[] = [];
    for (const [number, child] of children.entries()) {
      for (const row of child.rows.Header ?? []) {
        const upn = row.values.UPN ?? '';
        if (upn === '' || /^UN\d+$/.test(upn)) continue;
        const seen = first.get(upn);
        if (seen === undefined) first.set(upn, { child: number, rowNumber: row.rowNumber, shared: false });
        else if (seen.child !== number) {
          if (!seen.shared) found.push({ child: seen.child, rowNumber: seen.rowNumber, upn });
          seen.shared = true;
          found.push({ child: number, rowNumber: row.rowNumber, upn });
        }
      }
    }
    return found
      .sort((a, b) => a.rowNumber - b.rowNumber)
      .map((found) => `${children[found.child]!.child} Header:${found.rowNumber}:UPN ${found.upn}`);
  }

  it('finds what a plain map finds, on many children spilled to disk, odd UPNs too', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rule-444-test-'));
    try {
      const odd = ['a1', 'Zoë', 'x\uD800y', '😀', 'UN2', '', 'A123456789012 ', 'ü'.repeat(300)];
      const children: ChildRecord[] = [];
      let rowNumber = 2;
      for (let index = 0; index < 6_000; index++) {
        // Some children have two Header rows; a UPN repeats now and then, near or far apart.
        const rows = index % 50 === 0 ? 2 : 1;
        const upns = Array.from({ length: rows }, (_, row) =>
          (index + row) % 37 === 0
            ? odd[(index + row) % odd.length]!
            : `A${String(((index + row) * 7919) % 5_500).padStart(12, '0')}`,
        );
        const record = childWith(`C${index}`, { Header: upns.map((upn) => header({ UPN: upn })) });
        const headerRows = record.rows.Header!.map((row) => ({ ...row, rowNumber: rowNumber++ }));
        children.push({ child: record.child, rows: { Header: headerRows } });
      }
      const space = new AsideSpace({ directory: folder, memoryBytes: 2_048 });
      const tally = rule444.acrossChildren!(space);
      for (const [number, child] of children.entries()) tally.see(child, contextFor(), number);
      expect(readdirSync(folder)).toHaveLength(1);
      const found = tally
        .findings((number) => children[number]!.child)
        .map((finding) => `${finding.child} ${where(finding)} ${finding.value}`);
      const expected = plainly(children);
      expect(expected.length).toBeGreaterThan(500);
      expect(found).toEqual(expected);
      space.release();
      expect(readdirSync(folder)).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('rule 444 on a return spilled to disk', () => {
  it('finds the same as with the return in memory, and leaves no files behind', async () => {
    // 3,000 children, every 500th given the UPN of the child 7 before it.
    const upn = (index: number) =>
      `A${String(index % 500 === 0 && index > 0 ? index - 7 : index).padStart(12, '0')}`;
    const headerCsv = [
      'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB',
      ...Array.from({ length: 3_000 }, (_, index) => `C${index},F,01/01/2010,WBRI,${upn(index)},,`),
    ].join('\r\n');
    const episodesCsv = [
      'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN',
      ...Array.from({ length: 3_000 }, (_, index) => `C${index},01/04/2025,S,C2,N1,U1,PR1,,,,,,`),
    ].join('\r\n');
    const read = async (spill: { directory: string; memoryBytes: number } | false, seen?: () => void) => {
      const result = await readReturn(
        [
          { name: 'header.csv', body: chunked(headerCsv) },
          { name: 'episodes.csv', body: chunked(episodesCsv) },
        ],
        { collectionYear: 2026, rules: rulesFor(2026), spill, onChild: seen },
      );
      expect(result.status).toBe('accepted');
      return (result as AcceptedReturn).findings.filter((found) => found.code === '444').map(where);
    };
    const folder = mkdtempSync(join(tmpdir(), 'rule-444-return-'));
    try {
      // The rows and the UPNs each get a folder of their own while the children are checked.
      const folders = new Set<string>();
      const spilled = await read({ directory: folder, memoryBytes: 4_096 }, () => {
        for (const name of readdirSync(folder)) folders.add(name.slice(0, name.lastIndexOf('-')));
      });
      expect(spilled).toEqual(await read(false));
      expect(spilled).toHaveLength(10);
      expect([...folders].sort()).toEqual(['ssda903-aside', 'ssda903-rows']);
      expect(readdirSync(folder)).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
