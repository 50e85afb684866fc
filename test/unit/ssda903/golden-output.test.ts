// The whole result of reading messy SSDA903 returns, pinned by a hash: findings, counts, notices, blocking
// errors, degraded rows and aggregates. Any change to the reading path (tokenizer, row store, field checks,
// rule accessors) must leave these bytes exactly as they are. When a hash changes on purpose (a fix that
// changes output), say why in the commit that updates it.
//
// Rules are limited to the codes listed here, so that new rule modules do not move the hashes.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateReturn } from '#domain/generate/index';
import { loadNationalBaseline } from '#domain/indicators/reference-data';
import { councilPseudonymKey } from '#domain/privacy';
import { Ssda903Aggregator } from '#domain/ssda903/aggregates';
import { degradeChild } from '#domain/ssda903/degrade';
import { type InputFile, readReturn } from '#domain/ssda903/engine';
import { rulesFor } from '#domain/ssda903/rules/registry';
import { SAMPLE_DIR, sampleFileNames } from './helpers/sample.ts';
import { inChunks, windows1252 } from './helpers/streams.ts';
import { buildZip } from './helpers/zip-writer.ts';

// biome-ignore format: one code per rule, kept compact
const GOLDEN_RULE_CODES = new Set([
  '1000', '1004', '1005', '1006', '1009', '101', '102', '103', '104', '112', '113', '114', '115', '116', '119',
  '120', '131', '132', '133', '141', '142', '143', '144', '145', '146', '147', '148', '149', '153', '165', '166',
  '167', '168', '171', '174', '175', '176', '177', '178', '180', '184', '196', '213', '214', '217', '222', '225',
  '226', '232', '233', '234', '301', '302', '304', '333', '344', '345', '351', '352', '353', '354', '355', '356',
  '357', '358', '361', '362', '371', '372', '373', '374', '375', '376', '378', '379', '380', '381', '382',
]);

const COUNCIL_KEY = councilPseudonymKey(Buffer.alloc(32, 7), 'E09000001');

const sample = (name: string): string => readFileSync(join(SAMPLE_DIR, name), 'utf8');

/** Replaces the nth data line (1 = the first row after the column names) of an LF text. */
function editLine(text: string, line: number, edit: (line: string) => string): string {
  const lines = text.split('\n');
  lines[line] = edit(lines[line]!);
  return lines.join('\n');
}

/** The demo return made messy in the ways councils' exports are. */
function messyFiles(): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  for (const name of sampleFileNames()) files[name] = Buffer.from(sample(name), 'utf8');

  // Header: a byte order mark, CR LF line ends, two empty columns at the right, blank rows, spaces.
  let header = sample('header.csv')
    .trimEnd()
    .split('\n')
    .map((line) => `${line},,`)
    .join('\r\n');
  header = editLine(header.replaceAll('\r\n', '\n'), 3, (line) => ` ${line.replace(',', ' ,')}`)
    .split('\n')
    .join('\r\n');
  header = header.replace('\r\n', '\r\n\r\n,,,,,,,,\r\n');
  files['header.csv'] = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${header}\r\n`)]);

  // Episodes: quoting of every kind, a value over two lines, bad dates, rows of the wrong length,
  // a non-breaking space, and no line break at the end.
  let episodes = sample('episodes.csv').trimEnd();
  episodes = editLine(episodes, 1, (line) =>
    line
      .split(',')
      .map((value) => `"${value}"`)
      .join(','),
  );
  episodes = editLine(episodes, 2, (line) => line.replace(',X1,', ',"X\r\n1",'));
  episodes = editLine(episodes, 4, (line) => line.replace(/,(\d\d)\/(\d\d)\/(\d{4}),/, ',$3-$2-$1,'));
  episodes = editLine(episodes, 5, (line) => line.replace(/,\d\d\/(\d\d)\/(\d{4}),/, ',31/02/$2,'));
  episodes = editLine(episodes, 6, (line) => `${line},extra`);
  episodes = editLine(episodes, 7, (line) => line.slice(0, line.lastIndexOf(',')));
  episodes = editLine(episodes, 8, (line) => line.replace(',PR', ',\u00a0PR'));
  episodes = editLine(episodes, 9, (line) =>
    line.replace(/,([A-Z]{2}\d+ \d[A-Z]{2}),/, ',"$1 ""flat"", rear",'),
  );
  episodes = editLine(episodes, 10, () => ',,,,,,,,,,,,');
  episodes = editLine(episodes, 11, (line) => `${line}\n`);
  episodes = editLine(episodes, 13, (line) => line.replace(/,(\d)(\d)\/0?(\d)\//, ',$2/$3/'));
  episodes = editLine(episodes, 14, (line) => line.replace(/^(\w+),/, '$1 ,'));
  files['episodes.csv'] = Buffer.from(episodes, 'utf8');

  // Reviews: saved by Excel as Windows-1252, with a euro sign and accented letters in values.
  let reviews = sample('reviews.csv').replaceAll('\n', '\r\n');
  reviews = reviews.replace(/,PN(\d)\r\n/, ',PN€\r\n').replace(/,PN(\d)\r\n/, ',Révisé\r\n');
  files['reviews.csv'] = windows1252(reviews);

  // Previous permanence: UTF-8 accented letters, read in chunks that cut characters in half.
  files['previous_permanence.csv'] = Buffer.from(
    sample('previous_permanence.csv').replace(/,([A-Z][0-9]),/, ',Zürich,'),
    'utf8',
  );

  // Missing: a quoted value with a comma, and a CR alone ending each line.
  files['missing.csv'] = Buffer.from(
    editLine(sample('missing.csv'), 2, (line) => line.replace(/,([A-Z]+),/, ',"$1, again",')).replaceAll(
      '\n',
      '\r',
    ),
    'utf8',
  );
  return files;
}

/** Each file cut into chunks of a different size (some small enough to split characters and line ends). */
function inputsOf(files: Record<string, Buffer>): InputFile[] {
  return Object.entries(files).map(([name, data], index) => ({
    name,
    body: inChunks(data, [3, 7, 64, 1000, 65_536][index % 5]!),
  }));
}

async function digestOf(inputs: InputFile[], collectionYear: number): Promise<string> {
  const rules = rulesFor(collectionYear).filter((rule) => GOLDEN_RULE_CODES.has(rule.code));
  const degraded: unknown[] = [];
  let aggregator: Ssda903Aggregator | null = null;
  const result = await readReturn(inputs, {
    collectionYear,
    rules,
    onChild: (child, context) => {
      aggregator ??= new Ssda903Aggregator(context.collectionYear, context.tablesPresent);
      degraded.push(degradeChild(child, COUNCIL_KEY));
      aggregator.add(child);
    },
  });
  const aggregates = (aggregator as Ssda903Aggregator | null)?.result() ?? null;
  const text = JSON.stringify({ result, degraded, aggregates });
  return createHash('sha256').update(text).digest('hex');
}

describe('golden output of the reading path', { timeout: 60_000 }, () => {
  it('every rule the hashes were taken with still exists', () => {
    const codes = new Set(rulesFor(2027).map((rule) => rule.code));
    expect([...GOLDEN_RULE_CODES].filter((code) => !codes.has(code))).toEqual([]);
  });

  it('reads the demo return as it is', async () => {
    const files = Object.fromEntries(
      sampleFileNames().map((name) => [name, readFileSync(join(SAMPLE_DIR, name))]),
    );
    expect(await digestOf(inputsOf(files), 2027)).toBe(
      '69568a3d2ed2e8e9ced2c4f0e435d9606ba593bc0164d57379b3f334ea6cfae9',
    );
  });

  it('reads the demo return made messy, as CSV files and as one ZIP', async () => {
    expect(await digestOf(inputsOf(messyFiles()), 2027)).toBe(
      '6578bbe2cdb295b65a767962fae0db1c1ed57ff5ac8b712356964854ffadd50f',
    );
    const zip = buildZip(Object.entries(messyFiles()).map(([name, data]) => ({ name, data })));
    expect(await digestOf([{ name: 'return.zip', body: inChunks(zip, 4096) }], 2027)).toBe(
      'a059378f615e00d875b1e4a8288873403e5c93b4fefdea1077796a5fb0e76773',
    );
  });

  it('reads a generated return with planted faults', async () => {
    const files = generateReturn(
      {
        returnType: 'ssda903',
        collectionYear: 2025,
        la: '202',
        seed: 14,
        faults: ['old-sex-codes', 'bad-upn', 'episode-after-year', 'missing-mother-status'],
      },
      loadNationalBaseline(),
    );
    const inputs = Object.fromEntries(files.map((file) => [file.name, Buffer.from(file.content, 'utf8')]));
    expect(await digestOf(inputsOf(inputs), 2025)).toBe(
      '2905204a0272b04967865246ce4a74fd37c058b3366206c51f5eae30f0d85e9c',
    );
  });

  it('refuses broken files with the same words and line numbers', async () => {
    const episodes = sample('episodes.csv');
    const header = sample('header.csv');
    const broken: Record<string, string> = {
      'quote inside a value': editLine(episodes, 40, (line) => line.replace(',', ',A"B')),
      'text after a closing quote': editLine(episodes, 41, (line) => line.replace(',', ',"AB"C')),
      'a quote never closed': editLine(episodes, 42, (line) => line.replace(',', ',"AB')),
      'a space before a quote': editLine(episodes, 43, (line) => line.replace(',', ', "AB"')),
      semicolons: episodes.replaceAll(',', ';'),
      'a value over two lines before a bad quote': editLine(
        editLine(episodes, 20, (line) => line.replace(',X1,', ',"X\r\n\r\n1",')),
        44,
        (line) => line.replace(',', ',A"B'),
      ),
    };
    const digests: Record<string, string> = {};
    for (const [what, text] of Object.entries(broken)) {
      digests[what] = await digestOf(
        inputsOf({ 'header.csv': Buffer.from(header), 'episodes.csv': Buffer.from(text) }),
        2027,
      );
    }
    expect(digests).toEqual({
      'quote inside a value': 'a0e7aa6a4fc725173818b284d7e199b8ae5f1a2ead7862218a46d2acadf5d7dd',
      'text after a closing quote': '14fea8e934e3cc61ee8c89c656e45c6eacc5bc3157141588be396a3124b6faac',
      'a quote never closed': '5dc76e3aa5db655ac2687f58ed792a8cf98bd9e0527f46bb0c54723f19c5b023',
      'a space before a quote': '81149856646d6e797f0df2e562f30d52312df8491125a6d73b30d75f1a0d38b9',
      semicolons: '0b0dd5fa49d1e0b88a2d9ed8cb78394b13bb1adc1d3f4cfd080f70cfc14bb4d9',
      'a value over two lines before a bad quote':
        '12c7192a715c61a7be60922342f98137a387312c26a04fe569e4162acba8c804',
    });
  });
});
