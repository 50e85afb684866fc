// Benchmark: each function's bundle as deployed (size of the code, of its source map and of the files shipped
// beside it, and its largest parts) and its import time, the work of a cold start's init: the median of fresh
// Node processes, plain and with --enable-source-maps as the stack sets it. The two are run in turn, so both
// see the same load; CPU time is given beside wall time, as it varies far less on a shared machine.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MAX_BUNDLE_BYTES } from '../../infra/constructs/function-bundling.ts';
import { ensureAssembly } from '../../infra/local/assembly.ts';
import { serviceEnvironmentFor } from '../../infra/local/local-cloud.ts';
import { buildLocalModel, loadAssembly } from '../../infra/local/model.ts';
import { buildFunctionBundle } from './bundles-build.ts';

const IMPORT = [
  'const cpu=process.cpuUsage(),t=performance.now();await import(process.argv[1]);',
  'const used=process.cpuUsage(cpu);',
  'process.stdout.write(JSON.stringify({wall:performance.now()-t,cpu:(used.user+used.system)/1000}))',
].join('');

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

interface ImportTime {
  readonly wall: number;
  readonly cpu: number;
}

function importOnce(entryFile: string, env: NodeJS.ProcessEnv): ImportTime {
  const child = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', IMPORT, pathToFileURL(entryFile).href],
    { env, encoding: 'utf8', timeout: 30_000 },
  );
  if (child.status !== 0) throw new Error(`importing ${entryFile} failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as ImportTime;
}

/** Medians of `runs` imports plain and as deployed, alternating between the two. */
function importMs(entryFile: string, env: NodeJS.ProcessEnv, runs: number) {
  const plain: ImportTime[] = [];
  const deployed: ImportTime[] = [];
  for (let run = 0; run < runs; run += 1) {
    plain.push(importOnce(entryFile, { ...env, NODE_OPTIONS: '' }));
    deployed.push(importOnce(entryFile, { ...env, NODE_OPTIONS: '--enable-source-maps' }));
  }
  const medians = (times: ImportTime[]) => ({
    wall: median(times.map((time) => time.wall)),
    cpu: median(times.map((time) => time.cpu)),
  });
  return { plain: medians(plain), deployed: medians(deployed) };
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
    const env = { PATH: process.env.PATH, ...fn.environment, ...services };
    const { plain, deployed } = importMs(fn.entryFile, env, runs);
    // The bundle-size test trusts the in-memory build to be the deployed one; a difference means the
    // construct no longer bundles with function-bundling.ts alone.
    const { bytes, parts } = await buildFunctionBundle(root, fn.displayName);
    if (bytes !== code) {
      throw new Error(
        `${fn.displayName}: built in memory ${bytes} bytes, as deployed ${code}; the function construct and infra/constructs/function-bundling.ts disagree.`,
      );
    }
    functions[fn.displayName] = {
      bundleBytes: code,
      sourceMapBytes: map,
      besideBytes: treeBytes(dir) - code - map,
      largestParts: Object.fromEntries(parts.slice(0, 5).map(({ part, bytes }) => [part, bytes])),
      importMsPlain: Math.round(plain.wall),
      importMsDeployed: Math.round(deployed.wall),
      sourceMapsCost: Number((deployed.wall / plain.wall).toFixed(2)),
      importCpuMsPlain: Math.round(plain.cpu),
      importCpuMsDeployed: Math.round(deployed.cpu),
    };
  }
  const rows = Object.values(functions) as {
    bundleBytes: number;
    importMsDeployed: number;
    importCpuMsDeployed: number;
  }[];
  return {
    runsPerMedian: runs,
    largestBundleBytes: Math.max(...rows.map((row) => row.bundleBytes)),
    bundlesOver1MB: rows.filter((row) => row.bundleBytes >= MAX_BUNDLE_BYTES).length,
    slowestImportMsDeployed: Math.max(...rows.map((row) => row.importMsDeployed)),
    slowestImportCpuMsDeployed: Math.max(...rows.map((row) => row.importCpuMsDeployed)),
    importsOver300ms: rows.filter((row) => row.importMsDeployed >= 300).length,
    functions,
  };
}
