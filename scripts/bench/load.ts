// Load through the local cloud: every council sends a small generated SSDA903 return (some send corrections
// straight after) while advisers record intelligence items, all at once, through the API as in AWS. The run
// then reads the table as an administrator and reports what was lost, duplicated or applied out of order,
// with the latencies from upload to final status and from an intelligence POST to the council's reassessment.
import path from 'node:path';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ensureAssembly } from '../../infra/local/assembly.ts';
import { DEFAULT_LOCAL_CONCURRENCY } from '../../infra/local/functions.ts';
import { type LocalCloud, startLocalCloud } from '../../infra/local/local-cloud.ts';
import { DynamoAggregateStore } from '../../shared/adapters/dynamo-aggregate-store.ts';
import { DynamoIntelligenceStore } from '../../shared/adapters/dynamo-intelligence-store.ts';
import { DynamoRiskStore } from '../../shared/adapters/dynamo-risk-store.ts';
import { DynamoSubmissionStore } from '../../shared/adapters/dynamo-submission-store.ts';
import { COUNCILS, type Council } from '../../shared/domain/councils.ts';
import { generateReturn } from '../../shared/domain/generate/index.ts';
import { loadNationalBaseline } from '../../shared/domain/indicators/reference-data.ts';
import { INTELLIGENCE_CATEGORIES, SEVERITIES } from '../../shared/domain/intelligence.ts';
import { DEMO_COLLECTION_YEAR, type DemoFile, declareFile } from '../demo/submit.ts';

export interface LoadPlan {
  /** How many councils send a return (at most 153, taken in the reference list's order). */
  readonly councils: number;
  /** Every n-th council sends two corrections straight after its first return (0: none do). */
  readonly correctionsEvery: number;
  readonly intelligenceItems: number;
  /** Children per return, as a share of the council's published size: small keeps the run quick. */
  readonly scale: number;
  /** Requests in flight at once from the clients (councils and advisers together). */
  readonly clientConcurrency: number;
  /** Send the intelligence once every return has settled, so each council's events come in one order, run after run. */
  readonly intelligenceAfterReturns?: boolean;
  /** How long to wait for everything to settle. */
  readonly timeoutMs: number;
}

export interface SentReturn {
  readonly la: string;
  readonly submissionId: string;
  /** Its place among the council's returns, in the order they were declared. */
  readonly sequence: number;
  readonly sentAt: number;
}

export interface SentItem {
  readonly la: string;
  readonly itemId: string;
  readonly sequence: number;
  readonly sentAt: number;
}

export interface LoadResult {
  readonly returns: readonly SentReturn[];
  readonly items: readonly SentItem[];
  /** Milliseconds from the POST that declared a return to its final status. */
  readonly uploadToFinalMs: readonly number[];
  /** Milliseconds from an intelligence POST to the council's reassessment caused by it. */
  readonly intelligenceToBandMs: readonly number[];
  readonly elapsedMs: number;
  /** Everything that should not have happened, in words; empty when the run held. */
  readonly violations: readonly string[];
}

const INTELLIGENCE_EVENT = 'IntelligenceChanged';
/** The two tables a return needs: each file is a notification and an ingest invocation of its own. */
const SMALL_RETURN_TABLES = new Set(['header.csv', 'episodes.csv']);
const RETURN_EVENT = 'ReturnIngested';

/** Runs `tasks` with at most `limit` of them in flight. */
async function inParallel<T>(limit: number, tasks: readonly (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** A concurrency gate shared by every client stream, so councils and advisers compete as real clients do. */
function gate(limit: number): <T>(work: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (work) => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await work();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export interface LoadHooks {
  /** Called once in each phase, when half its requests have been sent (the fault test stops the runtime). */
  readonly midway?: (phase: 'returns' | 'intelligence') => Promise<void>;
}

export async function runLoad(cloud: LocalCloud, plan: LoadPlan, hooks: LoadHooks = {}): Promise<LoadResult> {
  const councils = COUNCILS.slice(0, plan.councils);
  const baseline = loadNationalBaseline();
  const year = DEMO_COLLECTION_YEAR;
  // Each version of a council's return is another seed, so no two are identical (none is a duplicate).
  const versionsOf = (index: number) =>
    plan.correctionsEvery > 0 && index % plan.correctionsEvery === 0 ? 3 : 1;
  const returnsToSend = councils.map((council, index) =>
    Array.from({ length: versionsOf(index) }, (_, version): DemoFile[] =>
      generateReturn(
        { returnType: 'ssda903', collectionYear: year, la: council.la, seed: version + 1, scale: plan.scale },
        baseline,
      )
        .filter((file) => SMALL_RETURN_TABLES.has(file.name))
        .map((file) => ({ name: file.name, body: Buffer.from(file.content) })),
    ),
  );
  const councilTokens = new Map<string, string>();
  for (const council of councils)
    councilTokens.set(
      council.la,
      await cloud.tokenFor({
        username: `load-${council.la}-data-officer`,
        email: `data.officer@${council.la}.example`,
        groups: [`council:${council.la}`],
        description: `data officer of council ${council.la}`,
      }),
    );
  const adviserTokens = new Map<string, string>();
  for (const region of new Set(councils.map((council) => council.region)))
    adviserTokens.set(
      region,
      await cloud.tokenFor({
        username: `load-${region}-adviser`,
        email: `adviser.${region}@upstream.example`,
        groups: [`adviser:${region}`],
        description: `adviser for ${region}`,
      }),
    );

  const limit = gate(plan.clientConcurrency);
  const started = Date.now();
  const returns: SentReturn[] = [];
  const items: SentItem[] = [];

  // A council declares its versions in order, then uploads them: the declarations are the order sent.
  const sendReturns = async (council: Council, versions: DemoFile[][]) => {
    const authorization = `Bearer ${councilTokens.get(council.la)}`;
    const declared: { submissionId: string; uploads: Upload[]; files: DemoFile[] }[] = [];
    for (const [sequence, files] of versions.entries()) {
      const sentAt = Date.now();
      const response = await limit(() =>
        fetch(`${cloud.urls.api}/submissions`, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/json' },
          body: JSON.stringify({
            returnType: 'ssda903',
            collectionYear: year,
            files: files.map((file) => declareFile(file.name, file.body)),
          }),
        }),
      );
      if (response.status !== 201)
        throw new Error(
          `Council ${council.la}: POST /submissions ${response.status} ${await response.text()}`,
        );
      const { submissionId, uploads } = (await response.json()) as {
        submissionId: string;
        uploads: Upload[];
      };
      returns.push({ la: council.la, submissionId, sequence, sentAt });
      declared.push({ submissionId, uploads, files });
    }
    // The last declared lands first: in AWS a standard queue and concurrent ingests may reorder them anyway.
    for (const { uploads, files } of declared.reverse()) {
      for (const upload of uploads) {
        const file = files.find((candidate) => candidate.name === upload.fileName)!;
        const put = await limit(() =>
          fetch(upload.url, { method: 'PUT', headers: upload.headers, body: file.body }),
        );
        if (!put.ok)
          throw new Error(`Council ${council.la}: PUT ${file.name} ${put.status} ${await put.text()}`);
      }
    }
  };

  // Items go round the councils; each council's items are sent one after another, in sequence.
  const itemsFor = new Map<string, number>();
  for (let index = 0; index < plan.intelligenceItems; index += 1) {
    const la = councils[index % councils.length]!.la;
    itemsFor.set(la, (itemsFor.get(la) ?? 0) + 1);
  }
  const observedOn = new Date().toISOString().slice(0, 10);
  const sendItems = async (council: Council, count: number, afterEach: () => Promise<void>) => {
    const authorization = `Bearer ${adviserTokens.get(council.region)}`;
    for (let sequence = 0; sequence < count; sequence += 1) {
      const sentAt = Date.now();
      const response = await limit(() =>
        fetch(`${cloud.urls.api}/intelligence`, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/json' },
          body: JSON.stringify({
            la: council.la,
            category:
              INTELLIGENCE_CATEGORIES[(Number(council.la) + sequence) % INTELLIGENCE_CATEGORIES.length],
            severity: SEVERITIES[sequence % SEVERITIES.length],
            confidence: 'medium',
            source: 'Load run',
            observedOn,
            narrative: `Item ${sequence + 1} of ${count} for council ${council.la}.`,
          }),
        }),
      );
      if (response.status !== 201)
        throw new Error(
          `Council ${council.la}: POST /intelligence ${response.status} ${await response.text()}`,
        );
      const { itemId } = ((await response.json()) as { item: { itemId: string } }).item;
      items.push({ la: council.la, itemId, sequence, sentAt });
      await afterEach();
    }
  };

  const tableName = cloud.functionEnvironment('recompute').TABLE_NAME!;
  const documents = DynamoDBDocumentClient.from(cloud.clients.dynamo);
  const submissions = new DynamoSubmissionStore(documents, tableName);
  const risk = new DynamoRiskStore(documents, tableName);
  const deadline = started + plan.timeoutMs;
  const finished = new Map<string, { status: string; finishedAt: string }>();
  let causes = new Map<string, { eventId: string; type: string; assessedAt: string; version: number }[]>();
  // Settled: every submission has its final status and every item and accepted return caused a reassessment.
  const settle = async () => {
    for (;;) {
      const pending = returns.filter((sent) => !finished.has(sent.submissionId));
      await inParallel(
        8,
        pending.map((sent) => async () => {
          const stored = await submissions.getSubmission(sent.submissionId);
          if (stored?.outcome) finished.set(sent.submissionId, stored.outcome);
        }),
      );
      if (finished.size === returns.length) {
        causes = await assessmentCauses(risk, councils);
        const seen = new Set([...causes.values()].flat().map((cause) => cause.eventId));
        const accepted = returns.filter((sent) =>
          finished.get(sent.submissionId)?.status.startsWith('accepted'),
        );
        if (
          items.every((item) => seen.has(`${item.itemId}#1`)) &&
          accepted.every((sent) => seen.has(sent.submissionId))
        )
          return;
      }
      if (Date.now() > deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  };
  // Halfway through each phase's requests, the hook may do its worst (stop the function runtime).
  const halfway = (phase: 'returns' | 'intelligence', total: number) => {
    let done = 0;
    return async () => {
      done += 1;
      if (done === Math.ceil(total / 2)) await hooks.midway?.(phase);
    };
  };
  const afterReturn = halfway('returns', councils.length);
  const afterItem = halfway('intelligence', plan.intelligenceItems);
  const sendAllReturns = () =>
    Promise.all(
      councils.map(async (council, index) => {
        await sendReturns(council, returnsToSend[index]!);
        await afterReturn();
      }),
    );
  const sendAllItems = () =>
    Promise.all(councils.map((council) => sendItems(council, itemsFor.get(council.la) ?? 0, afterItem)));
  if (plan.intelligenceAfterReturns) {
    await sendAllReturns();
    await settle();
    await sendAllItems();
  } else {
    await Promise.all([sendAllReturns(), sendAllItems()]);
  }
  await settle();
  const elapsedMs = Date.now() - started;

  const violations = await checkInvariants({
    returns,
    items,
    finished,
    causes,
    stores: {
      submissions,
      intelligence: new DynamoIntelligenceStore(documents, tableName),
      aggregates: new DynamoAggregateStore(documents, tableName),
    },
    year,
  });

  const assessedAt = new Map([...causes.values()].flat().map((cause) => [cause.eventId, cause.assessedAt]));
  const uploadToFinalMs = returns
    .filter((sent) => finished.has(sent.submissionId))
    .map((sent) => Date.parse(finished.get(sent.submissionId)!.finishedAt) - sent.sentAt)
    .sort((a, b) => a - b);
  const intelligenceToBandMs = items
    .filter((item) => assessedAt.has(`${item.itemId}#1`))
    .map((item) => Date.parse(assessedAt.get(`${item.itemId}#1`)!) - item.sentAt)
    .sort((a, b) => a - b);
  return { returns, items, uploadToFinalMs, intelligenceToBandMs, elapsedMs, violations };
}

interface Upload {
  readonly fileName: string;
  readonly url: string;
  readonly headers: Record<string, string>;
}

async function assessmentCauses(
  risk: DynamoRiskStore,
  councils: readonly Council[],
): Promise<Map<string, { eventId: string; type: string; assessedAt: string; version: number }[]>> {
  const byCouncil = new Map<
    string,
    { eventId: string; type: string; assessedAt: string; version: number }[]
  >();
  await inParallel(
    8,
    councils.map((council) => async () => {
      const history = await risk.history(council.la, 1000);
      byCouncil.set(
        council.la,
        history
          .map((stored) => ({ ...stored.cause, assessedAt: stored.assessedAt, version: stored.version }))
          .sort((a, b) => a.version - b.version),
      );
    }),
  );
  return byCouncil;
}

async function checkInvariants(run: {
  returns: readonly SentReturn[];
  items: readonly SentItem[];
  finished: ReadonlyMap<string, { status: string }>;
  causes: ReadonlyMap<string, readonly { eventId: string; type: string }[]>;
  stores: {
    submissions: DynamoSubmissionStore;
    intelligence: DynamoIntelligenceStore;
    aggregates: DynamoAggregateStore;
  };
  year: number;
}): Promise<string[]> {
  const violations: string[] = [];
  const councils = [...new Set([...run.returns, ...run.items].map((sent) => sent.la))].sort();
  await inParallel(
    8,
    councils.map((la) => async () => {
      // Returns: each declared one is stored once, reached a final status, and was accepted (they are valid).
      const sent = run.returns.filter((entry) => entry.la === la).sort((a, b) => a.sequence - b.sequence);
      const listed = (await run.stores.submissions.listSubmissions(la)).filter(
        (entry) => entry.returnType === 'ssda903',
      );
      const listedIds = listed.map((entry) => entry.submissionId).sort();
      const sentIds = sent.map((entry) => entry.submissionId).sort();
      if (JSON.stringify(listedIds) !== JSON.stringify(sentIds))
        violations.push(`council ${la}: ${sentIds.length} returns sent, ${listedIds.length} stored`);
      for (const entry of sent) {
        const status = run.finished.get(entry.submissionId)?.status;
        if (!status)
          violations.push(`council ${la}: return ${entry.submissionId} never reached a final status`);
        else if (!status.startsWith('accepted'))
          violations.push(`council ${la}: return ${entry.submissionId} ended ${status}`);
      }
      // Corrections end in the order sent: the last one declared holds the council's current figures.
      const last = sent.at(-1);
      if (last) {
        const current = await run.stores.aggregates.currentAggregates(la, 'ssda903', run.year);
        if (current?.submissionId !== last.submissionId)
          violations.push(
            `council ${la}: current figures are from ${current?.submissionId ?? 'no return'}, not the last one sent (${last.submissionId})`,
          );
      }
      // Intelligence: each item stored once and applied once, in the order the adviser sent them.
      const items = run.items.filter((entry) => entry.la === la).sort((a, b) => a.sequence - b.sequence);
      const stored = (await run.stores.intelligence.listForCouncil(la, { includeWithdrawn: true })).map(
        (item) => item.itemId,
      );
      if (JSON.stringify([...stored].sort()) !== JSON.stringify(items.map((item) => item.itemId).sort()))
        violations.push(`council ${la}: ${items.length} intelligence items sent, ${stored.length} stored`);
      const causes = run.causes.get(la) ?? [];
      const applied = causes
        .filter((cause) => cause.type === INTELLIGENCE_EVENT)
        .map((cause) => cause.eventId);
      const expected = items.map((item) => `${item.itemId}#1`);
      if (JSON.stringify(applied) !== JSON.stringify(expected)) {
        const missing = expected.filter((id) => !applied.includes(id)).length;
        const duplicated = applied.length - new Set(applied).size;
        violations.push(
          missing || duplicated
            ? `council ${la}: intelligence applied ${applied.length} times for ${expected.length} items (${missing} missing, ${duplicated} twice)`
            : `council ${la}: intelligence applied out of the order sent`,
        );
      }
      const ingested = causes.filter((cause) => cause.type === RETURN_EVENT).map((cause) => cause.eventId);
      if (ingested.length !== new Set(ingested).size)
        violations.push(`council ${la}: a return was applied to the indicators more than once`);
    }),
  );
  return violations.sort();
}

/**
 * `npm run bench load`: 153 councils' returns (every fifth council sends two corrections) and 2,000
 * intelligence items at once through a local cloud of its own. BENCH_LOAD_COUNCILS, BENCH_LOAD_ITEMS and
 * BENCH_LOAD_CLIENTS scale it.
 */
export async function benchLoad(root: string): Promise<Record<string, unknown>> {
  const assemblyDir = path.join(root, 'cdk.out');
  ensureAssembly(root, assemblyDir, () => {});
  const cloud = await startLocalCloud({
    assemblyDir,
    ports: { api: 0, console: 0, awsServices: 0, dynamodb: 0, ses: 0 },
    log: () => {},
    pollWaitSeconds: 1,
  });
  try {
    const plan: LoadPlan = {
      councils: Number(process.env.BENCH_LOAD_COUNCILS ?? COUNCILS.length),
      correctionsEvery: 5,
      intelligenceItems: Number(process.env.BENCH_LOAD_ITEMS ?? 2000),
      scale: 0.02,
      // BENCH_LOAD_CLIENTS: requests in flight at once. Each function scales out to the local cap (16
      // environments), so up to that many clients are answered in parallel; beyond it the API throttles.
      clientConcurrency: Number(process.env.BENCH_LOAD_CLIENTS ?? DEFAULT_LOCAL_CONCURRENCY),
      timeoutMs: 60 * 60 * 1000,
    };
    // This process holds the gateway, the functions' worker threads, fauxqs and the local SES; DynamoDB Local
    // is a JVM of its own and not counted.
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 1000);
    const result = await runLoad(cloud, plan).finally(() => clearInterval(sampler));
    const figures = (sorted: readonly number[]) => ({
      count: sorted.length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      max: sorted.at(-1) ?? null,
    });
    const seconds = result.elapsedMs / 1000;
    return {
      plan,
      elapsedSeconds: Number(seconds.toFixed(1)),
      returnsSent: result.returns.length,
      intelligenceItemsSent: result.items.length,
      uploadToFinalStatusMs: figures(result.uploadToFinalMs),
      intelligencePostToBandMs: figures(result.intelligenceToBandMs),
      throughputPerSecond: {
        returns: Number((result.uploadToFinalMs.length / seconds).toFixed(2)),
        intelligenceItems: Number((result.intelligenceToBandMs.length / seconds).toFixed(2)),
      },
      peakRssMb: Math.round(peakRss / 1024 / 1024),
      violations: result.violations,
    };
  } finally {
    await cloud.stop();
  }
}
