// Benchmark: function bundle sizes, local cloud start-up, and submitted → processed latency through it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureAssembly } from '../../infra/local/assembly.ts';
import { startLocalCloud } from '../../infra/local/local-cloud.ts';
import { DEMO_COLLECTION_YEAR, type DemoFile, readDemoReturn, submitReturn } from '../demo/submit.ts';

export async function benchLocalCloud(root: string, uploads = 30): Promise<Record<string, unknown>> {
  const assemblyDir = path.join(root, 'cdk.out');
  const synthStarted = performance.now();
  const synthesized = ensureAssembly(root, assemblyDir, () => {});
  const synthMs = performance.now() - synthStarted;

  const started = performance.now();
  const cloud = await startLocalCloud({
    assemblyDir,
    ports: { api: 0, console: 0, awsServices: 0, dynamodb: 0, ses: 0 },
    log: () => {},
    pollWaitSeconds: 1,
  });
  const startMs = performance.now() - started;
  try {
    const bundles: Record<string, { bytes: number; gzipBytes: number }> = {};
    for (const fn of cloud.model.functions) {
      const dir = path.dirname(fn.entryFile);
      const code = readdirSync(dir).filter((file) => !file.endsWith('.map'));
      const bytes = code.reduce((sum, file) => sum + statSync(path.join(dir, file)).size, 0);
      bundles[fn.displayName] = { bytes, gzipBytes: gzipSync(readFileSync(fn.entryFile)).length };
    }

    // End to end as a council sends a return: POST /submissions, PUT each file, poll until processed.
    // Each run's content differs (trailing blank lines, which the reader ignores) so none is a duplicate.
    const demo = readDemoReturn(path.join(root, 'shared', 'demo', 'ssda903'));
    const token = await cloud.tokenFor('kent-data-officer');
    const timed = async (files: DemoFile[], runIndex: number) => {
      const varied = files.map((file) =>
        file.name === 'header.csv'
          ? { ...file, body: Buffer.concat([file.body, Buffer.from('\r\n'.repeat(runIndex + 1))]) }
          : file,
      );
      const startedAt = performance.now();
      const view = await submitReturn(cloud.urls.api, token, varied, {
        collectionYear: DEMO_COLLECTION_YEAR,
      });
      if (!view.outcome || view.status === 'duplicate') throw new Error(`unexpected outcome ${view.status}`);
      return performance.now() - startedAt;
    };
    const small = demo
      .filter((file) => file.name === 'header.csv' || file.name === 'episodes.csv')
      .map((file) => ({
        ...file,
        body: Buffer.from(file.body.toString('utf8').split('\n').slice(0, 21).join('\n')),
      }));
    const latencies: number[] = [];
    for (let index = 0; index < uploads; index += 1) latencies.push(await timed(small, index));
    const fullRuns: number[] = [];
    for (let index = 0; index < 3; index += 1) fullRuns.push(await timed(demo, uploads + index));
    latencies.sort((a, b) => a - b);
    fullRuns.sort((a, b) => a - b);
    const percentile = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
    return {
      synth: synthesized ? `${(synthMs / 1000).toFixed(1)} s` : 'reused cdk.out',
      localCloudStartSeconds: Number((startMs / 1000).toFixed(2)),
      bundles,
      smallReturnSubmittedToProcessedMs: {
        returns: uploads,
        p50: Math.round(percentile(50)),
        p95: Math.round(percentile(95)),
        max: Math.round(latencies.at(-1)!),
      },
      demoReturnSubmittedToProcessedMs: {
        bytes: demo.reduce((sum, file) => sum + file.body.length, 0),
        files: demo.length,
        runs: fullRuns.map(Math.round),
      },
    };
  } finally {
    await cloud.stop();
  }
}
