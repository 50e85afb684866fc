// `npm run invoke -- <function> <event.json>`: runs one function's bundle once with an event, like
// `sam local invoke`. Uses the running local cloud's services if `npm start` is up, else a throwaway one.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureAssembly } from './assembly.ts';
import { type InvocationResult, LocalFunctionRuntime } from './functions.ts';
import {
  functionCredentials,
  type LocalCloudUrls,
  serviceEnvironmentFor,
  startLocalCloud,
} from './local-cloud.ts';
import { buildLocalModel, loadAssembly } from './model.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const assemblyDir = path.join(root, 'cdk.out');
const stateFile = path.join(root, '.local', 'local-cloud.json');

function runningCloud(): LocalCloudUrls | undefined {
  if (!existsSync(stateFile)) return undefined;
  const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { pid: number; urls: LocalCloudUrls };
  try {
    process.kill(state.pid, 0);
    return state.urls;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const [functionName, eventFile] = process.argv.slice(2);
  if (!functionName || !eventFile) {
    console.error(
      'Usage: npm run invoke -- <function> <event.json>\n  e.g. npm run invoke -- ingest-return events/samples/ingest-return.s3-put-via-sqs.json',
    );
    process.exit(2);
  }
  const event = JSON.parse(readFileSync(path.resolve(process.cwd(), eventFile), 'utf8'));
  ensureAssembly(root, assemblyDir, (line) => console.error(line));
  const log = (source: string, line: string) => console.error(`[${source}] ${line}`);
  const urls = runningCloud();
  let outcome: InvocationResult;
  if (urls) {
    console.error(`Using the running local cloud (${urls.api}).`);
    const port = new URL(urls.sqs).port;
    const model = buildLocalModel(loadAssembly(assemblyDir), assemblyDir, {
      queueUrl: (name) => `http://sqs.eu-west-2.localhost:${port}/000000000000/${name}`,
      apiUrl: () => urls.api,
    });
    const definition = model.functions.find(
      (fn) => fn.displayName === functionName || fn.name === functionName,
    );
    if (!definition)
      throw new Error(
        `No function ${functionName}. Functions: ${model.functions.map((fn) => fn.displayName).join(', ')}`,
      );
    const environment = {
      ...definition.environment,
      ...serviceEnvironmentFor(
        {
          s3: urls.s3,
          sqs: urls.sqs,
          dynamodb: urls.dynamodb,
          ses: urls.sesInbox,
          secretsManager: urls.console,
        },
        functionCredentials(definition.displayName),
      ),
    };
    const runtime = new LocalFunctionRuntime(definition, environment, log);
    outcome = await runtime.invoke(event);
    await runtime.stop();
  } else {
    console.error('No local cloud is running: starting a throwaway one for this invocation.');
    const cloud = await startLocalCloud({
      assemblyDir,
      ports: { api: 0, console: 0, awsServices: 0, dynamodb: 0, ses: 0 },
      log,
      triggers: false,
    });
    try {
      outcome = await cloud.invoke(functionName, event);
    } finally {
      await cloud.stop();
    }
  }
  console.log(JSON.stringify(outcome.ok ? outcome.result : { error: outcome.error }, null, 2));
  process.exit(outcome.ok ? 0 : 1);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
