// Benchmark: each function's bundle as deployed (size of the code, of its source map and of the files shipped
// beside it) and its import time, the work of a cold start's init: the median of fresh Node processes, plain and
// with --enable-source-maps as the stack sets it.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureAssembly } from '../../infra/local/assembly.ts';
import { serviceEnvironmentFor } from '../../infra/local/local-cloud.ts';
import { buildLocalModel, loadAssembly } from '../../infra/local/model.ts';

const IMPORT =
  'const t=performance.now();await import(process.argv[1]);process.stdout.write(String(performance.now()-t))';

function treeBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const full = path.join(dir, entry.name);
    return sum + (entry.isDirectory() ? treeBytes(full) : statSync(full).size);
  }, 0);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function importMs(entryFile: string, env: NodeJS.ProcessEnv, runs: number): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const child = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', IMPORT, pathToFileURL(entryFile).href],
      {
        env,
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    if (child.status !== 0) throw new Error(`importing ${entryFile} failed: ${child.stderr}`);
    times.push(Number(child.stdout));
  }
  return median(times);
}

export async function benchBundles(root: string, runs = Number(process.env.BENCH_IMPORT_RUNS ?? 7)) {
  const assemblyDir = path.join(root, 'cdk.out');
  ensureAssembly(root, assemblyDir, () => {});
  const model = buildLocalModel(loadAssembly(assemblyDir), assemblyDir, {
    queueUrl: (name) => `http://127.0.0.1:9/000000000000/${name}`,
    apiUrl: () => 'http://127.0.0.1:9',
  });
  const services = serviceEnvironmentFor({
    s3: 'http://127.0.0.1:9',
    sqs: 'http://127.0.0.1:9',
    dynamodb: 'http://127.0.0.1:9',
    ses: 'http://127.0.0.1:9',
    secretsManager: 'http://127.0.0.1:9',
  });
  const functions: Record<string, unknown> = {};
  for (const fn of [...model.functions].sort((a, b) => a.displayName.localeCompare(b.displayName))) {
    const dir = path.dirname(fn.entryFile);
    const code = statSync(fn.entryFile).size;
    const map = statSync(`${fn.entryFile}.map`, { throwIfNoEntry: false })?.size ?? 0;
    const env = { PATH: process.env.PATH, ...fn.environment, ...services, NODE_OPTIONS: '' };
    const plain = importMs(fn.entryFile, env, runs);
    const deployed = importMs(fn.entryFile, { ...env, NODE_OPTIONS: '--enable-source-maps' }, runs);
    functions[fn.displayName] = {
      bundleBytes: code,
      sourceMapBytes: map,
      besideBytes: treeBytes(dir) - code - map,
      importMsPlain: Math.round(plain),
      importMsDeployed: Math.round(deployed),
      sourceMapsCost: Number((deployed / plain).toFixed(2)),
    };
  }
  const rows = Object.values(functions) as { bundleBytes: number; importMsDeployed: number }[];
  return {
    runsPerMedian: runs,
    largestBundleBytes: Math.max(...rows.map((row) => row.bundleBytes)),
    bundlesOver1MB: rows.filter((row) => row.bundleBytes >= 1_000_000).length,
    slowestImportMsDeployed: Math.max(...rows.map((row) => row.importMsDeployed)),
    importsOver300ms: rows.filter((row) => row.importMsDeployed >= 300).length,
    functions,
  };
}
