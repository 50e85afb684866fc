// Local cloud: makes sure cdk.out matches the sources, synthesizing only when something changed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const WATCHED = ['infra', 'functions', 'shared', 'events', 'cdk.json', 'package-lock.json'];
const IGNORED = new Set(['node_modules', 'local', '.local', 'cdk.out']);

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (IGNORED.has(entry)) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

function assemblyIsFresh(root: string, assemblyDir: string): boolean {
  const manifest = path.join(assemblyDir, 'manifest.json');
  if (!existsSync(manifest)) return false;
  const built = statSync(manifest).mtimeMs;
  return WATCHED.every((entry) => newestMtime(path.join(root, entry)) <= built);
}

/** Synthesizes the CDK app into assemblyDir unless it is already up to date. Returns whether it ran. */
export function ensureAssembly(
  root: string,
  assemblyDir: string,
  log: (line: string) => void,
  attempt = 1,
): boolean {
  if (assemblyIsFresh(root, assemblyDir)) return false;
  log('Synthesizing the CDK app (sources changed since the last synth)…');
  const cdk = path.join(root, 'node_modules', '.bin', 'cdk');
  const result = spawnSync(cdk, ['synth', '--quiet', '--output', assemblyDir], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) {
    // Another synth into the same directory (a second `npm start`, a parallel test file) holds the CDK lock:
    // wait for it, then use what it wrote if that is now up to date.
    if (/currently synthing/.test(result.stderr) && attempt < LOCK_ATTEMPTS) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, LOCK_WAIT_MS);
      return ensureAssembly(root, assemblyDir, log, attempt + 1);
    }
    throw new Error(`cdk synth failed:\n${result.stdout}\n${result.stderr}`);
  }
  return true;
}

const LOCK_ATTEMPTS = 90;
const LOCK_WAIT_MS = 2000;
