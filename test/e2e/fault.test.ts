// Fault through the local cloud: the same workload twice, once cleanly and once with the function runtime
// stopped halfway through the returns and again halfway through the intelligence items (every execution
// environment killed mid-invocation, the pollers stopped), then started again. The final state (submissions,
// indicators, final bands, DfE summaries) is the same, and each alert went to each mailbox once.
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { ChangeMessageVisibilityCommand, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import {
  DynamoDBDocumentClient,
  paginateScan,
  type ScanCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../infra/local/local-cloud.ts';
import { type LoadPlan, type LoadResult, runLoad } from '../../scripts/bench/load.ts';
import { seedDemoDirectory } from '../../scripts/demo/directory.ts';
import { DynamoAggregateStore } from '../../shared/adapters/dynamo-aggregate-store.ts';
import { DynamoRiskStore } from '../../shared/adapters/dynamo-risk-store.ts';
import { DynamoSubmissionStore } from '../../shared/adapters/dynamo-submission-store.ts';
import { eventually } from '../integration/helpers/emulators.ts';
import { startTestCloud } from './helpers/test-cloud.ts';

const PLAN: LoadPlan = {
  councils: 6,
  correctionsEvery: 3,
  intelligenceItems: 24,
  scale: 0.02,
  clientConcurrency: 4,
  intelligenceAfterReturns: true,
  timeoutMs: 150_000,
};

type StoredEmail = { messageId: string; destination: { to: string[] }; subject: string };

async function withCloud<T>(work: (cloud: LocalCloud) => Promise<T>): Promise<T> {
  // Both runs the same whatever the hour: the daily risk review (06:00) due in one run only would assess
  // every council there and not in the other.
  const cloud = await startTestCloud({ scheduleTimers: false });
  try {
    await seedDemoDirectory(cloud.urls.api, await cloud.tokenFor('administrator'));
    return await work(cloud);
  } finally {
    await cloud.stop();
  }
}

/** Messages on each queue that still has any (visible, in flight or delayed). */
const queueDepths = async (cloud: LocalCloud) => {
  const depths: Record<string, number> = {};
  for (const [name, url] of cloud.queueUrls) {
    const { Attributes } = await cloud.clients.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: url,
        AttributeNames: [
          'ApproximateNumberOfMessages',
          'ApproximateNumberOfMessagesNotVisible',
          'ApproximateNumberOfMessagesDelayed',
        ],
      }),
    );
    const depth = Object.values(Attributes ?? {}).reduce((sum, value) => sum + Number(value), 0);
    if (depth > 0) depths[name] = depth;
  }
  return depths;
};

/**
 * Stands in for the visibility timeout running out (minutes in the template): what the killed invocations
 * held becomes visible again now, as it would then.
 */
async function expireInFlightMessages(cloud: LocalCloud): Promise<number> {
  let expired = 0;
  for (const [name, url] of cloud.queueUrls) {
    const inspected = (await (await fetch(`${cloud.urls.sqs}/_fauxqs/queues/${name}`)).json()) as {
      messages?: { inflight?: { receiptHandle: string }[] };
    };
    for (const { receiptHandle } of inspected.messages?.inflight ?? []) {
      await cloud.clients.sqs.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: url,
          ReceiptHandle: receiptHandle,
          VisibilityTimeout: 0,
        }),
      );
      expired += 1;
    }
  }
  return expired;
}

/** The items a filtered scan finds on every page (a scan filters each 1 MB page it reads, not the table). */
async function scanned(documents: DynamoDBDocumentClient, input: ScanCommandInput) {
  const items: Record<string, unknown>[] = [];
  for await (const page of paginateScan({ client: documents }, input)) items.push(...(page.Items ?? []));
  return items;
}

/**
 * With the visibility timeout, time passes for the leases shorter than it: a send claim (twice notify's
 * timeout) that a killed invocation held has run out by the time its alert comes back, so it is taken over.
 */
async function expireSendLeases(cloud: LocalCloud): Promise<number> {
  const tableName = cloud.functionEnvironment('notify').TABLE_NAME!;
  const documents = DynamoDBDocumentClient.from(cloud.clients.dynamo);
  const Items = await scanned(documents, {
    TableName: tableName,
    FilterExpression: 'begins_with(sk, :send) AND #state = :sending',
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: { ':send': 'SEND#', ':sending': 'sending' },
  });
  for (const item of Items) {
    await documents.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: item.pk, sk: item.sk },
        UpdateExpression: 'SET leaseUntil = :past',
        ExpressionAttributeValues: { ':past': new Date(0).toISOString() },
      }),
    );
  }
  return Items.length;
}

/** The final state, without identifiers and times that differ from run to run. */
async function finalState(cloud: LocalCloud, run: LoadResult) {
  // Nothing may still be on its way: every queue drained (dead-letter queues included, which must stay empty).
  await eventually(
    async () => {
      const depths = await queueDepths(cloud);
      if (Object.keys(depths).length === 0) return true;
      throw new Error(`still on their queues: ${JSON.stringify(depths)}`);
    },
    'every queue to drain',
    120_000,
  );
  const weekly = cloud.model.schedules.find((schedule) => schedule.input?.includes('"summary"'))!;
  await cloud.triggerSchedule(weekly.id);

  const tableName = cloud.functionEnvironment('recompute').TABLE_NAME!;
  const documents = DynamoDBDocumentClient.from(cloud.clients.dynamo);
  const submissions = new DynamoSubmissionStore(documents, tableName);
  const aggregates = new DynamoAggregateStore(documents, tableName);
  const risk = new DynamoRiskStore(documents, tableName);
  const sequenceOf = new Map(run.returns.map((sent) => [sent.submissionId, `return ${sent.sequence}`]));
  const itemOf = new Map(run.items.map((item) => [`${item.itemId}#1`, `item ${item.sequence}`]));
  const councils = [...new Set(run.returns.map((sent) => sent.la))].sort();
  const perCouncil: Record<string, unknown> = {};
  for (const la of councils) {
    const listed = await submissions.listSubmissions(la);
    const current = await aggregates.currentAggregates(la, 'ssda903', 2027);
    const history = await risk.history(la, 1000);
    const assessment = await risk.current(la);
    perCouncil[la] = {
      submissions: listed
        .map((entry) => ({
          return: sequenceOf.get(entry.submissionId),
          status: entry.status,
          summary: entry.summary,
          supersededBy: entry.supersededBy ? sequenceOf.get(entry.supersededBy) : undefined,
        }))
        .sort((a, b) => String(a.return).localeCompare(String(b.return))),
      currentFigures: { from: sequenceOf.get(current?.submissionId ?? ''), indicators: current?.indicators },
      band: assessment?.assessment.band,
      drivers: assessment?.assessment.drivers.map((driver) => driver.text),
      assessments: history
        .sort((a, b) => a.version - b.version)
        .map((stored) => ({
          cause:
            itemOf.get(stored.cause.eventId) ?? sequenceOf.get(stored.cause.eventId) ?? stored.cause.type,
          band: stored.assessment.band,
        })),
    };
  }
  const inbox = (
    (await (await fetch(new URL('/store', cloud.urls.sesInbox))).json()) as { emails: StoredEmail[] }
  ).emails;
  // In the order SES accepted them: a region's alerts go out in order (one FIFO group per region).
  const sent = inbox.map((email) => `${email.destination.to.join(',')}: ${email.subject}`);
  const emails = [...sent].sort();
  const sendLedger = await scanned(documents, {
    TableName: tableName,
    FilterExpression: 'begins_with(pk, :alert) AND begins_with(sk, :send)',
    ExpressionAttributeValues: { ':alert': 'ALERT#', ':send': 'SEND#' },
  });
  // Every email SES accepted, by message id, against the ledger's record of it: one each way.
  const delivery = {
    inbox: inbox.map((email) => email.messageId).sort(),
    recorded: sendLedger
      .filter((item) => item.state === 'sent')
      .map((item) => String(item.messageId))
      .sort(),
  };
  // No council's current assessment still owes its alert once everything has drained.
  const owed = await scanned(documents, {
    TableName: tableName,
    FilterExpression: 'sk = :current AND attribute_exists(alertPending)',
    ExpressionAttributeValues: { ':current': 'RISK#CURRENT' },
  });
  const alertsOwed = owed.map((item) => String(item.pk));
  const dataBucket = cloud.model.buckets.find((bucket) => bucket.id.startsWith('DataBucket'))!;
  const archive = await cloud.clients.s3.send(
    new ListObjectsV2Command({ Bucket: dataBucket.name, Prefix: 'feeds/dfe/archive/' }),
  );
  const summaries: Record<string, unknown> = {};
  for (const { Key } of archive.Contents ?? []) {
    const object = await cloud.clients.s3.send(new GetObjectCommand({ Bucket: dataBucket.name, Key }));
    summaries[Key!] = withoutTimes(JSON.parse(await object.Body!.transformToString()));
  }
  return { perCouncil, emails, sent, delivery, summaries, alertsOwed };
}

/**
 * Each mailbox's band changes per council, in the order sent, from the alert subjects
 * ("Risk alert: Barnet moved from Green to Red"); alerts for a new red driver alone leave the band as it was.
 */
function bandMoves(emails: readonly string[]): Map<string, [string, string][]> {
  const moves = new Map<string, [string, string][]>();
  for (const email of emails) {
    const move = /^(.+): Risk alert: (.+) moved from (\w+) to (\w+)$/.exec(email);
    if (!move) continue;
    const [, to, council, from, band] = move;
    const key = `${to} / ${council}`;
    moves.set(key, [...(moves.get(key) ?? []), [from!, band!]]);
  }
  return moves;
}

/** Drops the times a summary was generated or published at; its figures and ids stay. */
function withoutTimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTimes);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !/(At|Time)$/.test(key))
        .map(([key, inner]) => [key, withoutTimes(inner)]),
    );
  return value;
}

describe('the function runtime stopped mid-batch', () => {
  it('ends in the same state as a clean run', async () => {
    const clean = await withCloud(async (cloud) => {
      const run = await runLoad(cloud, PLAN);
      expect(run.violations).toEqual([]);
      return finalState(cloud, run);
    });

    const stops: string[] = [];
    const faulty = await withCloud(async (cloud) => {
      const run = await runLoad(cloud, PLAN, {
        midway: async (phase) => {
          await cloud.stopFunctions();
          const expired = await expireInFlightMessages(cloud);
          const leases = await expireSendLeases(cloud);
          stops.push(`${phase}: ${expired} in flight, ${leases} send claims`);
          cloud.startFunctions();
        },
      });
      expect(run.violations).toEqual([]);
      return finalState(cloud, run);
    });

    expect(stops).toHaveLength(2);
    expect(clean.emails.length).toBeGreaterThan(0);
    expect(Object.keys(clean.summaries).length).toBeGreaterThan(0);
    // The path may differ, the end may not: a reassessment reads the intelligence stored when it runs, so a
    // backlog left by the stop folds several items into one step (history and alerts on the way can differ).
    const end = (state: typeof clean) => ({
      summaries: state.summaries,
      perCouncil: Object.fromEntries(
        Object.entries(state.perCouncil).map(([la, council]) => {
          const { assessments: _path, ...rest } = council as Record<string, unknown>;
          return [la, rest];
        }),
      ),
    });
    expect(end(faulty)).toEqual(end(clean));

    // Alerts: each email SES accepted is the one the ledger recorded for its alert and mailbox, none beside it.
    for (const state of [clean, faulty]) {
      expect(state.alertsOwed).toEqual([]);
      expect(state.delivery.inbox.length).toBeGreaterThan(0);
      expect(state.delivery.inbox).toEqual(state.delivery.recorded);
    }
    // No two emails for one band change: a mailbox's moves for a council chain on (each starts where the last
    // ended) and it never hears of the same move twice in a row. A backlog may fold steps (Green → Red instead
    // of Green → Amber → Red), so only where each council started and ended is compared with the clean run.
    const netMoves = (state: typeof clean) => {
      const net: Record<string, string> = {};
      for (const [key, moves] of bandMoves(state.sent)) {
        moves.forEach(([from], index) => {
          if (index > 0)
            expect(from, `${key}: ${JSON.stringify(moves)} do not chain on`).toBe(moves[index - 1]![1]);
        });
        net[key] = `${moves[0]![0]} → ${moves.at(-1)![1]}`;
      }
      return net;
    };
    expect(netMoves(faulty)).toEqual(netMoves(clean));
  }, 600_000);
});
