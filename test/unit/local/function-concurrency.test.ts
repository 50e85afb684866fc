// The local Lambda runtime scales out as Lambda does: concurrent invocations of one function run in separate
// execution environments up to its concurrency (the local cap, or the template's reserved concurrency when
// lower); beyond a reserved concurrency a synchronous invocation is throttled, and API Gateway answers as it
// does in AWS; beyond the local cap alone it waits, as AWS (1,000 at once) would not refuse it. Bounded
// bursts on loopback, with a function that only waits.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalFunctionRuntime } from '../../../infra/local/functions.ts';
import { AWS_LIMITS, type RunningGateway, startGateway } from '../../../infra/local/http-gateway.ts';
import type { LocalFunction } from '../../../infra/local/model.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

const definition = (overrides: Partial<LocalFunction> = {}): LocalFunction => ({
  id: 'Slow',
  name: 'slow',
  displayName: 'slow',
  entryFile: path.join(here, 'fixtures', 'slow-handler.mjs'),
  exportName: 'handler',
  runtime: 'nodejs22.x',
  timeoutSeconds: 10,
  memoryMb: 128,
  environment: {},
  role: { name: 'SlowRole', statements: [] },
  ...overrides,
});

const environmentOf = (outcome: Awaited<ReturnType<LocalFunctionRuntime['invoke']>>) => {
  if (!outcome.ok) throw new Error(`${outcome.error.errorType}: ${outcome.error.errorMessage}`);
  return (JSON.parse((outcome.result as { body: string }).body) as { environment: number }).environment;
};

// Worker threads start slowly on a busy machine: each test has more than the default five seconds.
describe('local function concurrency', { timeout: 20_000 }, () => {
  const runtimes: LocalFunctionRuntime[] = [];
  let gateway: RunningGateway | undefined;
  afterEach(async () => {
    await gateway?.stop();
    gateway = undefined;
    await Promise.all(runtimes.splice(0).map((runtime) => runtime.stop()));
  });
  const runtime = (localConcurrency: number, overrides: Partial<LocalFunction> = {}, log: string[] = []) => {
    const created = new LocalFunctionRuntime(
      definition(overrides),
      {},
      (_name, line) => log.push(line),
      localConcurrency,
    );
    runtimes.push(created);
    return created;
  };

  it('runs concurrent invocations in separate environments up to the cap, then reuses them', async () => {
    const slow = runtime(4);
    const first = await Promise.all(Array.from({ length: 4 }, () => slow.invoke({ holdMs: 300 })));
    expect(new Set(first.map(environmentOf)).size).toBe(4);

    // Warm now: the same four environments serve the next burst.
    const second = await Promise.all(Array.from({ length: 4 }, () => slow.invoke({ holdMs: 50 })));
    expect(new Set([...first, ...second].map(environmentOf)).size).toBe(4);
    expect(slow.peakConcurrency).toBe(4);
    expect(slow.invocations).toBe(8);
  });

  it('makes waiting callers (queues, schedules) wait for a free environment, never more than the cap', async () => {
    const slow = runtime(2);
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => slow.invoke({ holdMs: 100 }, 'wait')));
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect(slow.peakConcurrency).toBe(2);
  });

  it('throttles a synchronous invocation beyond the function’s reserved concurrency from the template', async () => {
    const log: string[] = [];
    const reserved = runtime(8, { reservedConcurrency: 1 }, log);
    expect(reserved.concurrency).toBe(1);
    const [held, throttled] = await Promise.all([
      reserved.invoke({ holdMs: 300 }, 'throttle'),
      new Promise((resolve) => setTimeout(resolve, 50)).then(() => reserved.invoke({}, 'throttle')),
    ]);
    expect(held.ok).toBe(true);
    expect(throttled).toMatchObject({ ok: false, error: { errorType: 'TooManyRequestsException' } });
    expect(log.some((line) => /Throttled: all 1 environments are busy/.test(line))).toBe(true);
    expect((await reserved.invoke({}, 'throttle')).ok).toBe(true);
  });

  it('fails what a killed environment was running, and starts a fresh one for the next invocation', async () => {
    const slow = runtime(2);
    const before = environmentOf(await slow.invoke({}));
    const running = slow.invoke({ holdMs: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await slow.kill();
    expect(await running).toMatchObject({ ok: false, error: { errorType: 'Runtime.ExitError' } });
    expect(environmentOf(await slow.invoke({}))).not.toBe(before);
  });

  const startSlowGateway = async (slow: LocalFunctionRuntime, integrationTimeoutMs: number) => {
    gateway = await startGateway(0, {
      api: { id: 'Api', name: 'api' },
      routes: [{ id: 'r', apiId: 'Api', routeKey: 'POST /slow', functionName: 'slow', scopes: [] }],
      issuers: [],
      invoke: (_name, event) => slow.invoke(event, 'throttle'),
      log: () => {},
      limits: { ...AWS_LIMITS, integrationTimeoutMs },
    });
    const url = `${gateway.url}/slow`;
    return (holdMs: number) =>
      fetch(url, { method: 'POST', body: JSON.stringify({ holdMs }) }).then(async (response) => ({
        status: response.status,
        body: (await response.json()) as Record<string, unknown>,
      }));
  };

  it('answers a burst within the integration timeout when each request alone fits in it', async () => {
    // Eight requests of 1 s each against a 4 s timeout: one environment after another would take 8 s and time
    // the later ones out (503); in parallel environments each takes its own second. Warmed first, so a busy
    // machine's cold starts do not decide the outcome.
    const slow = runtime(8);
    await Promise.all(Array.from({ length: 8 }, () => slow.invoke({ holdMs: 200 })));
    expect(slow.peakConcurrency).toBe(8);
    const post = await startSlowGateway(slow, 4_000);
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(1_000)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200));
    expect(new Set(answers.map((answer) => answer.body.environment)).size).toBe(8);
  });

  it('answers 500 Internal Server Error for requests beyond the function’s reserved concurrency, as API Gateway does', async () => {
    const slow = runtime(8, { reservedConcurrency: 3 });
    const post = await startSlowGateway(slow, 5_000);
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(800)));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, 200, 200, 500, 500, 500]);
    expect(answers.filter((answer) => answer.status === 500).map((answer) => answer.body)).toEqual(
      Array(3).fill({ message: 'Internal Server Error' }),
    );
  });

  it('answers every request beyond the local cap when the template reserves nothing, as AWS would', async () => {
    // The cap is this machine's, not AWS's (an account runs 1,000 at once): a burst over it waits for an
    // environment rather than being refused, and the 30 s count from when each invocation starts.
    const slow = runtime(3);
    const post = await startSlowGateway(slow, 5_000);
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(300)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(200));
    expect(slow.peakConcurrency).toBe(3);
  });
});
