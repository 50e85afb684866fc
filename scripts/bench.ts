// `npm run bench [section]`: measured figures, printed and written to bench-results/. Compare figures
// within one run: the machines are shared and noisy.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchBundles } from './bench/bundles.ts';
import { benchLoad } from './bench/load.ts';
import { benchLocalCloud } from './bench/local-cloud.ts';
import { benchWebPages } from './bench/web-pages.ts';
import { benchCscapi } from './bench-cscapi.ts';
import { benchIngestUseCase } from './bench-ingest-use-case.ts';
import { benchRecompute } from './bench-recompute.ts';
import { benchSsda903Parse } from './bench-ssda903-parse.ts';
import { benchXmlIngest } from './bench-xml-ingest.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const results: Record<string, unknown> = {
    machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
  };
  const only = process.argv[2];
  const sections: [string, () => Promise<Record<string, unknown>>][] = (
    [
      ['bundles', () => benchBundles(root)],
      ['recompute', () => benchRecompute()],
      ['ssda903Ingest', () => benchSsda903Parse()],
      ['xmlIngest', () => benchXmlIngest()],
      ['ingestUseCase', () => benchIngestUseCase()],
      ['localCloud', () => benchLocalCloud(root)],
      ['webPages', () => benchWebPages(root)],
      ['load', () => benchLoad(root)],
      ['cscapi', () => benchCscapi()],
    ] as [string, () => Promise<Record<string, unknown>>][]
  ).filter(([name]) => !only || name === only);
  for (const [name, run] of sections) {
    console.log(`\n== ${name}`);
    results[name] = await run();
    console.log(JSON.stringify(results[name], null, 2));
  }
  const outDir = path.join(root, 'bench-results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(
    path.join(outDir, 'latest.json'),
    JSON.stringify({ at: new Date().toISOString(), ...results }, null, 2),
  );
  console.log(`\nWritten to bench-results/latest.json`);
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
