// Local cloud: the Lambda runtime. Each function runs its unchanged bundle from the cloud assembly in a
// worker thread with the template's environment plus the AWS_ENDPOINT_URL_<SERVICE> variables.
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

/**
 * One function's execution environment: invocations run one at a time (concurrency 1, which keeps FIFO
 * ordering honest), and a timed-out invocation kills the environment, as Lambda does.
 */
export class LocalFunctionRuntime {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private readonly queue: Pending[] = [];
  private busy = false;
  private stopped = false;
  invocations = 0;

  constructor(
    readonly definition: LocalFunction,
    private readonly environment: Readonly<Record<string, string>>,
    private readonly log: LogSink,
  ) {}

  invoke(event: unknown): Promise<InvocationResult> {
    return new Promise((resolve) => {
      this.queue.push({ invocationId: randomUUID(), event, resolve });
      void this.drain();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const pending of this.queue.splice(0)) {
      pending.resolve({
        ok: false,
        error: { errorType: 'Shutdown', errorMessage: 'The local cloud is stopping' },
      });
    }
    await this.worker?.terminate();
    this.worker = undefined;
  }

  /**
   * Kills the execution environment at once, as a crash would: an invocation in progress fails with
   * Runtime.ExitError, and the next one starts a fresh environment.
   */
  async kill(): Promise<void> {
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
      if (this.worker === worker) this.worker = undefined;
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

  private async drain(): Promise<void> {
    if (this.busy || this.stopped) return;
    const next = this.queue.shift();
    if (!next) return;
    this.busy = true;
    try {
      next.resolve(await this.run(next));
    } finally {
      this.busy = false;
      void this.drain();
    }
  }

  private async run(pending: Pending): Promise<InvocationResult> {
    try {
      if (!this.worker) await this.start();
      else await this.ready;
    } catch (error) {
      this.worker = undefined;
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
    this.invocations += 1;
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
