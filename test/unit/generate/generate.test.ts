// The synthetic returns generator: the same seed gives the same files, and what it makes for a sample of
// councils and years is read and checked by the service's own ingestion with (almost) nothing to report.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateReturn } from '../../../shared/domain/generate/index.ts';
import { loadNationalBaseline } from '../../../shared/domain/indicators/reference-data.ts';
import type { ReturnType } from '../../../shared/domain/returns/catalogue.ts';
import { generateAndValidate } from './helpers.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'upstream-generate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('generateReturn', () => {
  it('gives the same files for the same seed and different ones for another seed', () => {
    const request = { returnType: 'ssda903' as const, collectionYear: 2025, la: '202', seed: 11 };
    const first = generateReturn(request, loadNationalBaseline());
    const again = generateReturn(request, loadNationalBaseline());
    const other = generateReturn({ ...request, seed: 12 }, loadNationalBaseline());
    expect(again).toEqual(first);
    expect(other.find((file) => file.name === 'episodes.csv')!.content).not.toBe(
      first.find((file) => file.name === 'episodes.csv')!.content,
    );
  });

  it('writes the sex codes of the year (1/2 before 2024/25, M/F from then)', () => {
    const sexes = (collectionYear: number) => {
      const header = generateReturn(
        { returnType: 'ssda903', collectionYear, la: '202', seed: 1 },
        loadNationalBaseline(),
      )
        .find((file) => file.name === 'header.csv')!
        .content.split('\r\n')
        .slice(1, -1);
      return new Set(header.map((line) => line.split(',')[1]));
    };
    expect(sexes(2024)).toEqual(new Set(['1', '2']));
    expect(sexes(2027)).toEqual(new Set(['M', 'F']));
  });

  it('refuses a fault it does not know, naming those it does', () => {
    expect(() =>
      generateReturn(
        { returnType: 'cin', collectionYear: 2025, la: '202', seed: 1, faults: ['no-such'] },
        loadNationalBaseline(),
      ),
    ).toThrow(/No cin fault called no-such\. Known cin faults: factor-21-with-others/);
  });
});

// Councils of different sizes and regions (City of London, Camden, Birmingham at a quarter, Cambridgeshire,
// Norfolk), across the code-list changes of 2024/25 (sex codes, placements) and 2025/26 (placements).
const SAMPLE: readonly { returnType: ReturnType; la: string; collectionYear: number; scale?: number }[] = [
  { returnType: 'ssda903', la: '201', collectionYear: 2022 },
  { returnType: 'ssda903', la: '202', collectionYear: 2024 },
  { returnType: 'ssda903', la: '873', collectionYear: 2026 },
  { returnType: 'ssda903', la: '330', collectionYear: 2027, scale: 0.25 },
  { returnType: 'cin', la: '201', collectionYear: 2023 },
  { returnType: 'cin', la: '926', collectionYear: 2024, scale: 0.25 },
  { returnType: 'cin', la: '202', collectionYear: 2026 },
  { returnType: 'csww', la: '330', collectionYear: 2024 },
  { returnType: 'csww', la: '201', collectionYear: 2025 },
  { returnType: 'inyear', la: '873', collectionYear: 2026 },
  { returnType: 'inyear', la: '201', collectionYear: 2027 },
];

describe('generated returns pass the service’s checks', () => {
  it.each(SAMPLE)(
    '$returnType for $la, $collectionYear',
    async (sample) => {
      const checked = await generateAndValidate({ ...sample, seed: 3 }, scratch);
      expect(checked.status).toBe('accepted');
      expect(checked.report.totals.problems).toBe(0);
      expect(Object.keys(checked.aggregates?.indicators ?? {}).length).toBeGreaterThan(2);
    },
    60_000,
  );
});

/** Rules on the previous permanence (PrevPerm) and adoption (AD1, PlacedAdoption) tables, not generated yet. */
const ADOPTION_AND_PERMANENCE = new Set(['551', '553', '601', '630']);

describe('an SSDA903 return generated as XML', () => {
  it.each([
    { la: '202', collectionYear: 2024 },
    { la: '873', collectionYear: 2026 },
  ])(
    'for $la, $collectionYear is one EXPSSDA903 file the service reads to the same indicators as the CSV form',
    async (sample) => {
      const request = { returnType: 'ssda903' as const, seed: 5, scale: 0.5, ...sample };
      const xml = generateReturn({ ...request, format: 'xml' }, loadNationalBaseline());
      expect(xml.map((file) => file.name)).toEqual([`ssda903_${sample.la}_${sample.collectionYear}.xml`]);
      expect(xml[0]?.content).toMatch(/^<\?xml[^>]*>\n<EXPSSDA903>\n {2}<CHILD>/);
      expect(xml[0]?.content).toMatch(/<DECOM>\d{4}-\d{2}-\d{2}<\/DECOM>/);
      const asXml = await generateAndValidate({ ...request, format: 'xml' }, scratch);
      const asCsv = await generateAndValidate(request, scratch);
      expect(asXml.status).toMatch(/^accepted/);
      // The XML form always carries every table, and the generator writes no previous permanence or adoption
      // records yet, so the rules on those tables find them missing; the CSV form leaves those tables out. Nothing
      // else may fire.
      expect([...asXml.codes].filter((code) => !ADOPTION_AND_PERMANENCE.has(code))).toEqual([]);
      // The XML form has no place for social-worker episodes, so only that indicator is missing from it.
      const { 'social-worker-changes': fromWorkers, ...fromCsv } = asCsv.aggregates?.indicators ?? {};
      expect(fromWorkers).toBeDefined();
      expect(asXml.aggregates?.indicators).toEqual(fromCsv);
    },
    60_000,
  );

  it('carries planted faults into the XML, and is refused for other return types', async () => {
    const checked = await generateAndValidate(
      {
        returnType: 'ssda903',
        la: '873',
        collectionYear: 2026,
        seed: 5,
        scale: 0.2,
        faults: ['bad-upn'],
        format: 'xml',
      },
      scratch,
    );
    expect(checked.report.totals.problems).toBeGreaterThan(0);
    expect(() =>
      generateReturn(
        { returnType: 'cin', la: '873', collectionYear: 2026, seed: 1, format: 'xml' },
        loadNationalBaseline(),
      ),
    ).toThrow(/--format is for ssda903/);
  }, 60_000);
});
