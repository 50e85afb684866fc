// Local cloud: the Lambda runtime. Each function runs its unchanged bundle from the cloud assembly in worker
// threads (one per execution environment) with the template's environment plus AWS_ENDPOINT_URL_<SERVICE>.
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { LOCAL_ACCOUNT, LOCAL_REGION, type LocalFunction } from './model.ts';

export interface InvocationError {
  readonly errorType: string;
  readonly errorMessage: string;
  readonly stack?: string;
}

export type InvocationResult = { ok: true; result: unknown } | { ok: false; error: InvocationError };

export type LogSink = (functionName: string, line: string) => void;

interface Pending {
  readonly invocationId: string;
  readonly event: unknown;
  readonly resolve: (result: InvocationResult) => void;
}

/** What a caller does when every execution environment the function may have is busy. */
export type WhenBusy =
  /** Wait for one to come free: event source mappings and schedules, which Lambda retries after a throttle. */
  | 'wait'
  /**
   * Fail at once with TooManyRequestsException, as a synchronous invocation (API Gateway's) is throttled, when
   * the function's reserved concurrency is what is reached. The local cap is this machine's limit, not AWS's
   * (whose account has 1,000): beyond it a synchronous invocation waits, as it would not be refused in AWS.
   */
  | 'throttle';

/** Enough for the load runs' clients on one machine; AWS's default account concurrency is 1,000. */
export const DEFAULT_LOCAL_CONCURRENCY = 16;

const SHUT_DOWN: InvocationResult = {
  ok: false,
  error: { errorType: 'Shutdown', errorMessage: 'The local cloud is stopping' },
};

const THROTTLED: InvocationResult = {
  ok: false,
  error: {
    errorType: 'TooManyRequestsException',
    errorMessage: 'Rate Exceeded: every execution environment the function may have is busy',
  },
};

/**
 * One function's execution environments, as Lambda keeps them: an invocation runs in an idle one, or in a
 * new one while there are fewer than the function's concurrency (the local cap, or the template's reserved
 * concurrency when lower); beyond that it waits or is throttled, as its caller chooses. Each environment runs
 * one invocation at a time (an event source mapping invokes one batch at a time, so FIFO order holds), and
 * a timed-out invocation kills its environment, as Lambda does.
 */
export class LocalFunctionRuntime {
  private readonly idle: ExecutionEnvironment[] = [];
  private readonly all = new Set<ExecutionEnvironment>();
  private readonly waiting: Pending[] = [];
  private stopped = false;
  invocations = 0;
  /** The most environments that ran at once. */
  peakConcurrency = 0;
  readonly concurrency: number;
  /** Whether the template's reserved concurrency, not the local cap, is the limit (then AWS throttles too). */
  private readonly reservationBinds: boolean;

  constructor(
    readonly definition: LocalFunction,
    private readonly environment: Readonly<Record<string, string>>,
    private readonly log: LogSink,
    /** The most environments this machine runs for one function. */
    localConcurrency = DEFAULT_LOCAL_CONCURRENCY,
  ) {
    this.concurrency = Math.min(localConcurrency, definition.reservedConcurrency ?? Number.POSITIVE_INFINITY);
    this.reservationBinds =
      definition.reservedConcurrency !== undefined && definition.reservedConcurrency <= localConcurrency;
  }

  invoke(event: unknown, whenBusy: WhenBusy = 'wait'): Promise<InvocationResult> {
    if (this.stopped) return Promise.resolve(SHUT_DOWN);
    return new Promise((resolve) => {
      const entry: Pending = { invocationId: randomUUID(), event, resolve };
      const environment = this.take();
      if (environment) void this.runOn(environment, entry);
      else if (whenBusy === 'throttle' && this.reservationBinds) {
        this.log(this.definition.displayName, `Throttled: all ${this.concurrency} environments are busy`);
        resolve(THROTTLED);
      } else this.waiting.push(entry);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const pending of this.waiting.splice(0)) pending.resolve(SHUT_DOWN);
    await this.kill();
  }

  /**
   * Kills every execution environment at once, as a crash would: invocations in progress fail with
   * Runtime.ExitError, and the next ones start fresh environments.
   */
  async kill(): Promise<void> {
    const environments = [...this.all];
    this.all.clear();
    this.idle.splice(0);
    await Promise.all(environments.map((environment) => environment.terminate()));
  }

  /** An idle environment, or a new one while under the function's concurrency. */
  private take(): ExecutionEnvironment | undefined {
    const idle = this.idle.pop();
    if (idle) return idle;
    if (this.all.size >= this.concurrency) return undefined;
    const created = new ExecutionEnvironment(this.definition, this.environment, this.log);
    this.all.add(created);
    this.peakConcurrency = Math.max(this.peakConcurrency, this.all.size);
    return created;
  }

  private async runOn(environment: ExecutionEnvironment, pending: Pending): Promise<void> {
    this.invocations += 1;
    const result = await environment.run(pending);
    if (!environment.alive) this.all.delete(environment);
    pending.resolve(result);
    if (this.stopped) return;
    // The freed environment takes the next waiting invocation, or a dead one's place goes to a new one.
    const next = this.waiting.shift();
    if (environment.alive && this.all.has(environment)) {
      if (next) void this.runOn(environment, next);
      else this.idle.push(environment);
    } else if (next) {
      const replacement = this.take();
      if (replacement) void this.runOn(replacement, next);
      else this.waiting.unshift(next);
    }
  }
}

/** One execution environment: a worker thread with the function's module state, one invocation at a time. */
class ExecutionEnvironment {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private terminated = false;

  constructor(
    private readonly definition: LocalFunction,
    private readonly environment: Readonly<Record<string, string>>,
    private readonly log: LogSink,
  ) {}

  /** False once killed, timed out or crashed: the runtime then drops it. */
  get alive(): boolean {
    return !this.terminated;
  }

  async terminate(): Promise<void> {
    this.terminated = true;
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private start(): Promise<void> {
    const worker = new Worker(new URL('./function-worker.mjs', import.meta.url), {
      env: { ...this.environment },
      stdout: true,
      stderr: true,
      workerData: {
        entryFile: this.definition.entryFile,
        exportName: this.definition.exportName,
        functionName: this.definition.name,
        memoryMb: this.definition.memoryMb,
        timeoutSeconds: this.definition.timeoutSeconds,
        region: LOCAL_REGION,
        accountId: LOCAL_ACCOUNT,
      },
    });
    this.pipeLines(worker.stdout);
    this.pipeLines(worker.stderr);
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
      // Killed while starting: the invocation fails rather than waiting for a worker that is gone.
      worker.once('exit', (code) =>
        reject(new Error(`The function exited with code ${code} while starting`)),
      );
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.terminated = true;
    });
    return this.ready;
  }

  private pipeLines(stream: Readable): void {
    let buffered = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) this.log(this.definition.displayName, line);
    });
  }

  async run(pending: Pending): Promise<InvocationResult> {
    if (this.terminated)
      return {
        ok: false,
        error: { errorType: 'Runtime.ExitError', errorMessage: 'The function was stopped before it ran' },
      };
    try {
      if (!this.worker) await this.start();
      else await this.ready;
    } catch (error) {
      this.worker = undefined;
      this.terminated = true;
      const failure = error as Error;
      this.log(this.definition.displayName, `Init error: ${failure.stack ?? failure.message}`);
      return { ok: false, error: { errorType: 'Runtime.InitError', errorMessage: failure.message } };
    }
    const worker = this.worker;
    if (!worker)
      return {
        ok: false,
        error: { errorType: 'Runtime.ExitError', errorMessage: 'The function was stopped before it ran' },
      };
    const timeoutMs = this.definition.timeoutSeconds * 1000;
    return new Promise((resolve) => {
      const onMessage = (message: { invocationId?: string; result?: unknown; error?: InvocationError }) => {
        if (message.invocationId !== pending.invocationId) return;
        cleanup();
        resolve(message.error ? { ok: false, error: message.error } : { ok: true, result: message.result });
      };
      const onExit = (code: number) => {
        cleanup();
        resolve({
          ok: false,
          error: { errorType: 'Runtime.ExitError', errorMessage: `The function exited with code ${code}` },
        });
      };
      const timer = setTimeout(() => {
        cleanup();
        this.log(
          this.definition.displayName,
          `Task timed out after ${this.definition.timeoutSeconds} seconds`,
        );
        this.worker = undefined;
        this.terminated = true;
        void worker.terminate();
        resolve({
          ok: false,
          error: {
            errorType: 'Sandbox.Timedout',
            errorMessage: `Task timed out after ${this.definition.timeoutSeconds} seconds`,
          },
        });
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('exit', onExit);
      worker.postMessage({
        invocationId: pending.invocationId,
        event: pending.event,
        requestId: randomUUID(),
        deadline: Date.now() + timeoutMs,
      });
    });
  }
}
