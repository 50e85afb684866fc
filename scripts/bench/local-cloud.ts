// Benchmark: function bundle sizes, local cloud start-up, and upload → recorded latency through it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { ensureAssembly } from '../../infra/local/assembly.ts';
import { startLocalCloud } from '../../infra/local/local-cloud.ts';

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

    const bucket = cloud.model.notifications[0]!.bucketName;
    const table = cloud.model.tables[0]!.name;
    const latencies: number[] = [];
    for (let index = 0; index < uploads; index += 1) {
      const submissionId = `SUB-BENCH-${String(index).padStart(4, '0')}`;
      const putAt = performance.now();
      await cloud.clients.s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: `uploads/886/ssda903/2026/${submissionId}/header.csv`,
          Body: `CHILD,SEX\n${index},1\n`,
        }),
      );
      const deadline = Date.now() + 30_000;
      for (;;) {
        const found = await cloud.clients.dynamo.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': { S: `SUBMISSION#${submissionId}` } },
          }),
        );
        if ((found.Items?.length ?? 0) >= 2) break;
        if (Date.now() > deadline) throw new Error(`upload ${submissionId} was not recorded within 30 s`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      latencies.push(performance.now() - putAt);
    }
    latencies.sort((a, b) => a - b);
    const percentile = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
    return {
      synth: synthesized ? `${(synthMs / 1000).toFixed(1)} s` : 'reused cdk.out',
      localCloudStartSeconds: Number((startMs / 1000).toFixed(2)),
      bundles,
      uploadToRecordedMs: {
        uploads,
        p50: Math.round(percentile(50)),
        p95: Math.round(percentile(95)),
        max: Math.round(latencies.at(-1)!),
      },
    };
  } finally {
    await cloud.stop();
  }
}
