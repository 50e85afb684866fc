// The whole result of reading a generated SSDA903 return in its XML form, pinned by a hash: findings with
// their places ("Child 12, Episode 3" and the element's line), counts, notices, degraded rows and aggregates.
// Where each row is goes to a log that is written out past a small budget (xml-places.ts): the result must be
// the same whether that log, and the row store, stay in memory or are written to disk.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateReturn } from '#domain/generate/index';
import { loadNationalBaseline } from '#domain/indicators/reference-data';
import { councilPseudonymKey } from '#domain/privacy';
import { Ssda903Aggregator } from '#domain/ssda903/aggregates';
import { degradeChild } from '#domain/ssda903/degrade';
import { type ReadReturnOptions, readReturn } from '#domain/ssda903/engine';
import { rulesFor } from '#domain/ssda903/rules/registry';
import { inChunks } from './helpers/streams.ts';

const COUNCIL_KEY = councilPseudonymKey(Buffer.alloc(32, 7), 'E09000001');
const folder = mkdtempSync(join(tmpdir(), 'xml-golden-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// biome-ignore format: one code per rule, kept compact
const GOLDEN_RULE_CODES = new Set([
  '101', '102', '105', '146', '165', '167', '168', '303', '354', '388', '390', '392d', '393', '433', '434', '550',
  '581', '631', '1004',
]);

/** Replaces every nth match of a global pattern. */
function everyNth(text: string, pattern: RegExp, n: number, replace: (match: string) => string): string {
  let seen = 0;
  return text.replace(pattern, (match) => (++seen % n === 0 ? replace(match) : match));
}

/**
 * A generated return made to fail here and there, in every kind of element, with some children's episodes
 * before their HEADER (so a row's line can be before the last one's) and some children on one line.
 */
function generatedXml(): Buffer {
  const [file] = generateReturn(
    {
      returnType: 'ssda903',
      collectionYear: 2025,
      la: '202',
      seed: 21,
      scale: 2,
      format: 'xml',
      faults: ['old-sex-codes', 'bad-upn', 'episode-after-year', 'missing-mother-status'],
    },
    loadNationalBaseline(),
  );
  let text = everyNth(file!.content, /<PL>\w+<\/PL>/g, 9, () => '<PL>XX9</PL>');
  text = everyNth(text, /<REVIEW_CODE>\w+<\/REVIEW_CODE>/g, 13, () => '<REVIEW_CODE>ZZ9</REVIEW_CODE>');
  text = everyNth(text, /<MIS_START>[\d-]+<\/MIS_START>/g, 7, () => '<MIS_START>2024-02-30</MIS_START>');
  text = everyNth(text, /<PREV_PERM>\w+<\/PREV_PERM>/g, 5, () => '<PREV_PERM>Q9</PREV_PERM>');
  text = everyNth(text, /<DOB>[\d-]+<\/DOB>/g, 11, () => '<DOB>21/13/2010</DOB>');
  const children = text.split('  <CHILD>\n');
  for (let at = 1; at < children.length; at++) {
    if (at % 10 === 3)
      children[at] = children[at]!.replace(
        /^( {4}<HEADER>[\s\S]*? {4}<\/HEADER>\n)([\s\S]*?)( {2}<\/CHILD>)/,
        '$2$1$3',
      );
    if (at >= 100 && at < 150) children[at] = children[at]!.replaceAll('\n', '');
  }
  return Buffer.from(children.join('  <CHILD>\n'), 'utf8');
}

async function digestOf(
  xml: Buffer,
  spill: ReadReturnOptions['spill'],
): Promise<{ digest: string; findings: number }> {
  const degraded: unknown[] = [];
  let aggregator: Ssda903Aggregator | null = null;
  const result = await readReturn([{ name: 'return.xml', body: inChunks(xml, 4093) }], {
    collectionYear: 2025,
    rules: rulesFor(2025).filter((rule) => GOLDEN_RULE_CODES.has(rule.code)),
    spill,
    onChild: (child, context) => {
      aggregator ??= new Ssda903Aggregator(context.collectionYear, context.tablesPresent);
      degraded.push(degradeChild(child, COUNCIL_KEY));
      aggregator.add(child);
    },
  });
  if (result.status !== 'accepted') throw new Error(JSON.stringify(result.blocking));
  const aggregates = (aggregator as Ssda903Aggregator | null)?.result() ?? null;
  const text = JSON.stringify({ result, degraded, aggregates });
  return { digest: createHash('sha256').update(text).digest('hex'), findings: result.findings.length };
}

describe('golden output of an XML return', { timeout: 60_000 }, () => {
  it('every rule the hash was taken with still exists', () => {
    const codes = new Set(rulesFor(2025).map((rule) => rule.code));
    expect([...GOLDEN_RULE_CODES].filter((code) => !codes.has(code))).toEqual([]);
  });

  it('locates every finding as before, in memory and written to disk', async () => {
    const xml = generatedXml();
    const inMemory = await digestOf(xml, false);
    expect(inMemory.findings).toBeGreaterThan(100);
    expect(inMemory.digest).toBe('0d72a76147f93283ad15a3f7d456f392eddcf60cc040f5ad927bb855cbe17aef');
    const spilled = await digestOf(xml, { directory: folder, memoryBytes: 512 });
    expect(spilled.digest).toBe(inMemory.digest);
    expect(readdirSync(folder)).toEqual([]);
  });
});
