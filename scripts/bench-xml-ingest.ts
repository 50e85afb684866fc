// Benchmark: reading the XML returns, the CIN census and the SSDA903 return in its XML form, at the size of a
// large council's. Generates each file with the synthetic returns generator (Kent, 2025/26; the CIN census at
// its published size, the SSDA903 return at BENCH_XML_SSDA903_SCALE times it, default 4) in a temporary folder,
// then measures on the same file, each in its own child process so that its peak resident memory is its own:
//   bytes:   reading the file and nothing else (the floor);
//   saxes:   the XML parser alone (saxes, as our readers use it), every event handled by a no-op;
//   reader:  our streaming reader alone (decoding, the XML prolog checks, building each child), nothing kept;
//   full:    the whole ingest path: reading, schema checks, every rule of the year, degrading and aggregating
//            every child as the ingest function does;
// and reports MB per CPU second for each, the ratios of the full path to each, and peak RSS. The question it
// answers: how much of the full path is the XML parser, and so what a faster reader could still win.
// Usage: npm run bench -- xmlIngest, or npx tsx scripts/bench-xml-ingest.ts
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SaxesParser } from 'saxes';
import { CinAggregator } from '../shared/domain/cin/aggregates.ts';
import { childKey, degradeCinChild } from '../shared/domain/cin/degrade.ts';
import { readCinReturn } from '../shared/domain/cin/engine.ts';
import { cinSchemaForYear } from '../shared/domain/cin/schema.ts';
import { readCinXml } from '../shared/domain/cin/xml-reader.ts';
import { generateReturn } from '../shared/domain/generate/index.ts';
import { loadNationalBaseline } from '../shared/domain/indicators/reference-data.ts';
import { councilPseudonymKey } from '../shared/domain/privacy.ts';
import { Ssda903Aggregator } from '../shared/domain/ssda903/aggregates.ts';
import { degradeChild } from '../shared/domain/ssda903/degrade.ts';
import { readReturn } from '../shared/domain/ssda903/engine.ts';
import { rulesFor } from '../shared/domain/ssda903/rules/registry.ts';
import { schemaForYear } from '../shared/domain/ssda903/schema.ts';
import { readXmlReturn } from '../shared/domain/ssda903/xml-reader.ts';

const COLLECTION_YEAR = 2026;
const LA = '886';
const FORMS = ['cin', 'ssda903'] as const;
type Form = (typeof FORMS)[number];
const KINDS = ['bytes', 'saxes', 'reader', 'full'] as const;
type Kind = (typeof KINDS)[number];

interface Measured {
  /** Children (full, reader) or elements (saxes) or bytes (bytes): what the kind counts. */
  readonly count: number;
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly peakRssMB: number;
  readonly children?: number;
  readonly findings?: number;
}

const fileStream = (path: string) => createReadStream(path, { highWaterMark: 1 << 16 });

async function readBytes(path: string): Promise<number> {
  let bytes = 0;
  for await (const chunk of fileStream(path)) bytes += (chunk as Buffer).length;
  return bytes;
}

async function saxesOnly(path: string): Promise<number> {
  const parser = new SaxesParser({ position: true });
  let elements = 0;
  // A text handler makes saxes hand over every text node, as our readers have it do.
  parser.on('opentag', () => {
    elements++;
  });
  parser.on('text', () => {});
  parser.on('closetag', () => {});
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 }))
    parser.write(chunk as string);
  parser.close();
  return elements;
}

async function readerOnly(form: Form, path: string): Promise<number> {
  let children = 0;
  if (form === 'cin') {
    for await (const item of readCinXml(fileStream(path), {
      fileName: 'census.xml',
      schema: cinSchemaForYear(COLLECTION_YEAR),
    }))
      if (item.kind === 'child') children++;
  } else {
    for await (const row of readXmlReturn(fileStream(path), {
      fileName: 'return.xml',
      schema: schemaForYear(COLLECTION_YEAR),
    }))
      if (row.table === 'Header') children++;
  }
  return children;
}

async function fullPath(form: Form, path: string): Promise<Partial<Measured> & { count: number }> {
  const councilKey = councilPseudonymKey(randomBytes(32), 'E10000016');
  if (form === 'cin') {
    const aggregator = new CinAggregator(COLLECTION_YEAR, null);
    const result = await readCinReturn([{ name: 'census.xml', body: fileStream(path) }], {
      collectionYear: COLLECTION_YEAR,
      la: LA,
      onChild: (child) => {
        const keyed = childKey(child, councilKey);
        aggregator.add(child, keyed);
        degradeCinChild(child, keyed);
      },
    });
    if (result.status !== 'accepted') throw new Error(`Rejected: ${JSON.stringify(result.blocking)}`);
    return { count: aggregator.result().children, children: result.children, findings: result.totalFindings };
  }
  let aggregator: Ssda903Aggregator | null = null;
  const result = await readReturn([{ name: 'return.xml', body: fileStream(path) }], {
    collectionYear: COLLECTION_YEAR,
    la: LA,
    rules: rulesFor(COLLECTION_YEAR),
    onChild: (child, context) => {
      aggregator ??= new Ssda903Aggregator(context.collectionYear, context.tablesPresent);
      degradeChild(child, councilKey);
      aggregator.add(child);
    },
  });
  if (result.status !== 'accepted') throw new Error(`Rejected: ${JSON.stringify(result.blocking)}`);
  return { count: result.children, children: result.children, findings: result.totalFindings };
}

async function measureHere(kind: Kind, form: Form, path: string): Promise<Measured> {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let figures: Partial<Measured> & { count: number };
  switch (kind) {
    case 'bytes':
      figures = { count: await readBytes(path) };
      break;
    case 'saxes':
      figures = { count: await saxesOnly(path) };
      break;
    case 'reader':
      figures = { count: await readerOnly(form, path) };
      break;
    case 'full':
      figures = await fullPath(form, path);
      break;
  }
  const cpu = process.cpuUsage(cpuStart);
  return {
    ...figures,
    seconds: (performance.now() - start) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    // maxRSS is in kilobytes: the peak of the whole process, which did nothing else.
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

const SELF = fileURLToPath(import.meta.url);

/** Runs one measurement in a fresh child process. */
function measureApart(kind: Kind, form: Form, path: string): Measured {
  const child = spawnSync(process.execPath, ['--import', 'tsx', SELF, 'measure', kind, form, path], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`The ${form} ${kind} measurement failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as Measured;
}

function generateFile(form: Form, directory: string): Promise<string> {
  const scale = form === 'ssda903' ? Number(process.env.BENCH_XML_SSDA903_SCALE ?? 4) : 1;
  const [file] = generateReturn(
    {
      returnType: form,
      collectionYear: COLLECTION_YEAR,
      la: LA,
      seed: 1,
      scale,
      ...(form === 'ssda903' ? { format: 'xml' as const } : {}),
    },
    loadNationalBaseline(),
  );
  const path = join(directory, file!.name);
  return writeFile(path, file!.content).then(() => path);
}

async function benchForm(form: Form): Promise<Record<string, unknown>> {
  const directory = await mkdtemp(join(tmpdir(), 'xml-bench-'));
  try {
    const path = await generateFile(form, directory);
    const megabytes = (await stat(path)).size / 1024 ** 2;
    const measured = {} as Record<Kind, Measured>;
    for (const kind of KINDS) measured[kind] = measureApart(kind, form, path);
    if (measured.reader.count !== measured.full.children)
      throw new Error(
        `The reader gave ${measured.reader.count} children, the full path ${measured.full.children}`,
      );
    const cpuRate = (kind: Kind): number => megabytes / measured[kind].cpuSeconds;
    const figures: Record<string, unknown> = {
      fileMB: Number(megabytes.toFixed(1)),
      children: measured.full.children,
      findings: measured.full.findings,
    };
    for (const kind of KINDS) {
      figures[kind] = {
        seconds: Number(measured[kind].seconds.toFixed(2)),
        cpuSeconds: Number(measured[kind].cpuSeconds.toFixed(2)),
        mbPerCpuSecond: Number(cpuRate(kind).toFixed(1)),
        peakRssMB: measured[kind].peakRssMB,
      };
    }
    figures.fullToByCpu = Object.fromEntries(
      KINDS.filter((kind) => kind !== 'full').map((kind) => [
        kind,
        Number((cpuRate('full') / cpuRate(kind)).toFixed(2)),
      ]),
    );
    figures.readerToSaxesByCpu = Number((cpuRate('reader') / cpuRate('saxes')).toFixed(2));
    return figures;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

export async function benchXmlIngest(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = { node: process.version };
  for (const form of FORMS) {
    results[form] = await benchForm(form);
    console.error(JSON.stringify({ [form]: results[form] }));
  }
  return results;
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly && process.argv[2] === 'measure') {
  const [kind, form, path] = process.argv.slice(3) as [Kind, Form, string];
  console.log(JSON.stringify(await measureHere(kind, form, path)));
} else if (invokedDirectly) {
  console.log(JSON.stringify(await benchXmlIngest(), null, 2));
}
