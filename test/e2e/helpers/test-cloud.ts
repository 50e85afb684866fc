// The local cloud as the end-to-end tests start it: from the synthesized app (cdk.out, made once by the global
// setup), on ports the system chooses, its queues polled every second, so that test files run side by side.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AttributeValue, paginateScan } from '@aws-sdk/client-dynamodb';
import { ensureAssembly } from '../../../infra/local/assembly.ts';
import {
  type LocalCloud,
  type LocalCloudOptions,
  startLocalCloud,
} from '../../../infra/local/local-cloud.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const ASSEMBLY_DIR = path.join(REPO_ROOT, 'cdk.out');

export interface TestCloudOptions {
  /** Receives the functions' and emulators' log lines ("[source] line"), for a failing test to print. */
  readonly logs?: string[];
  /** False: schedules fire only when the test triggers them, whatever the hour. */
  readonly scheduleTimers?: LocalCloudOptions['scheduleTimers'];
}

export function startTestCloud(options: TestCloudOptions = {}): Promise<LocalCloud> {
  ensureAssembly(REPO_ROOT, ASSEMBLY_DIR, () => {});
  const { logs } = options;
  return startLocalCloud({
    assemblyDir: ASSEMBLY_DIR,
    ports: { api: 0, console: 0, awsServices: 0, dynamodb: 0, ses: 0 },
    log: logs ? (source, line) => logs.push(`[${source}] ${line}`) : () => {},
    pollWaitSeconds: 1,
    ...(options.scheduleTimers !== undefined ? { scheduleTimers: options.scheduleTimers } : {}),
  });
}

/** The cloud's one DynamoDB table. */
export const tableNameOf = (cloud: LocalCloud): string => cloud.model.tables[0]!.name;

/** The bucket councils upload to: the one whose new objects are announced. */
export const uploadsBucketOf = (cloud: LocalCloud): string =>
  cloud.model.buckets.find((bucket) => cloud.model.notifications.some((n) => n.bucketName === bucket.name))!
    .name;

/**
 * Every item in the cloud's table, as stored. A scan answers a page (1 MB) at a time, so a check over what is
 * stored (no personal data anywhere) must read every page, not the first.
 */
export async function everyStoredItem(cloud: LocalCloud): Promise<Record<string, AttributeValue>[]> {
  const items: Record<string, AttributeValue>[] = [];
  for await (const page of paginateScan({ client: cloud.clients.dynamo }, { TableName: tableNameOf(cloud) }))
    items.push(...(page.Items ?? []));
  return items;
}
