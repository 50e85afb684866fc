// Local cloud: runs it as a long-lived process from a project's cdk.out (synthesizing when the sources
// changed), keeps a state file with its URLs, and stops everything it started on Ctrl-C or a failed start.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureAssembly } from './assembly.ts';
import { LocalCloudStartError } from './emulators.ts';
import { UnsupportedTemplateError } from './intrinsics.ts';
import { type LocalCloud, startLocalCloud } from './local-cloud.ts';
import { checkPortBase } from './ports.ts';

const COLOURS = [36, 35, 33, 32, 34, 91, 96, 95];

/** A log line prefixed with its source, in a colour of its own on a terminal. */
export function prefixedLog(): (source: string, line: string) => void {
  const colourOf = new Map<string, number>();
  return (source, line) => {
    if (!colourOf.has(source)) colourOf.set(source, COLOURS[colourOf.size % COLOURS.length]!);
    const prefix = process.stdout.isTTY ? `\x1b[${colourOf.get(source)}m[${source}]\x1b[0m` : `[${source}]`;
    console.log(`${prefix} ${line}`);
  };
}

export interface ServeOptions {
  /** The project whose CDK app is synthesized into <root>/cdk.out; state lives in <root>/.local. */
  readonly root: string;
  /** The first of the local cloud's ports (API, console, S3/SQS, DynamoDB, SES in that order). */
  readonly portBase: number;
  readonly log: (source: string, line: string) => void;
  /** What to do once everything runs (greet, load data); a throw stops the cloud. */
  readonly onReady: (cloud: LocalCloud, startedAt: number) => Promise<void>;
}

/** Starts the local cloud and keeps it running until SIGINT or SIGTERM; exits the process when stopped. */
export async function serveLocalCloud(options: ServeOptions): Promise<void> {
  const { root, portBase: base, log } = options;
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const started = Date.now();
  const stateDir = path.join(root, '.local');
  const assemblyDir = path.join(root, 'cdk.out');
  try {
    const portsProblem = checkPortBase(base);
    if (portsProblem) throw new LocalCloudStartError(portsProblem);
    mkdirSync(stateDir, { recursive: true });
    ensureAssembly(root, assemblyDir, (line) => log('local-cloud', line));
  } catch (error) {
    exitWith(error);
  }
  const cloud = await startLocalCloud({
    assemblyDir,
    stateDir,
    ports: { api: base, console: base + 1, awsServices: base + 2, dynamodb: base + 3, ses: base + 4 },
    log,
  }).catch(exitWith);
  const stateFile = path.join(stateDir, 'local-cloud.json');
  writeFileSync(stateFile, JSON.stringify({ pid: process.pid, urls: cloud.urls }, null, 2));

  let stopping = false;
  const stop = async (reason: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    log('local-cloud', `${reason}: stopping…`);
    await cloud.stop();
    rmSync(stateFile, { force: true });
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void stop('SIGINT', 0));
  process.on('SIGTERM', () => void stop('SIGTERM', 0));
  try {
    await options.onReady(cloud, started);
  } catch (error) {
    // Nothing started may outlive a failed start-up (DynamoDB Local is a separate Java process).
    console.error(error);
    await stop('start-up failed', 1);
  }
}

/** A template the local cloud cannot run, or a port in use, is told in its own words; anything else in full. */
function exitWith(error: unknown): never {
  if (error instanceof UnsupportedTemplateError || error instanceof LocalCloudStartError) {
    console.error(`\n${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
}
