// `npm start`: the whole product on this machine, from the synthesized template, with demo users.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureAssembly } from './assembly.ts';
import { DEMO_COLLECTION_YEAR } from './demo.ts';
import { seedDemoDirectory } from './demo-directory.ts';
import { playWorkforceCrisis, sendGeneratedReturns } from './demo-world.ts';
import { LocalCloudStartError } from './emulators.ts';
import { UnsupportedTemplateError } from './intrinsics.ts';
import { DEMO_USERS } from './issuer.ts';
import { type LocalCloud, startLocalCloud } from './local-cloud.ts';
import { checkPortBase } from './ports.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const stateDir = path.join(root, '.local');
const assemblyDir = path.join(root, 'cdk.out');
const base = Number(process.env.UPSTREAM_PORT_BASE ?? 3000);

const COLOURS = [36, 35, 33, 32, 34, 91, 96, 95];
const colourOf = new Map<string, number>();
function log(source: string, line: string): void {
  if (!colourOf.has(source)) colourOf.set(source, COLOURS[colourOf.size % COLOURS.length]!);
  const prefix = process.stdout.isTTY ? `\x1b[${colourOf.get(source)}m[${source}]\x1b[0m` : `[${source}]`;
  console.log(`${prefix} ${line}`);
}

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const started = Date.now();
  const portsProblem = checkPortBase(base);
  if (portsProblem) throw new LocalCloudStartError(portsProblem);
  mkdirSync(stateDir, { recursive: true });
  ensureAssembly(root, assemblyDir, (line) => log('local-cloud', line));
  const cloud = await startLocalCloud({
    assemblyDir,
    stateDir,
    ports: { api: base, console: base + 1, awsServices: base + 2, dynamodb: base + 3, ses: base + 4 },
    log,
  });
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
    await greetAndLoadDemo(cloud, started);
  } catch (error) {
    // Nothing started may outlive a failed start-up (DynamoDB Local is a separate Java process).
    console.error(error);
    await stop('start-up failed', 1);
  }
}

async function greetAndLoadDemo(cloud: LocalCloud, started: number): Promise<void> {
  const wiring = cloud.wiring();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`
Upstream is running locally (ready in ${seconds} s).

  Web app         ${cloud.urls.app}   (open in a browser; sign in as any demo user)
  HTTP API        ${cloud.urls.api}
  Email inbox     ${cloud.urls.sesInbox}   (every email the product sends; JSON at /store)
  Local console   ${cloud.urls.console}    (demo tokens, schedule triggers)
  S3 and SQS      ${cloud.urls.s3}
  DynamoDB        ${cloud.urls.dynamodb}   (DynamoDB Local listens on all interfaces)

  Functions       ${cloud.model.functions.map((fn) => fn.displayName).join(', ')}
  Queues → functions  ${wiring.eventSourceMappings.map((m) => `${m.queueName} → ${m.functionName}`).join('; ') || 'none'}
  Routes          ${wiring.routes.map((r) => r.routeKey).join(', ') || 'none'}
  Schedules       ${wiring.schedules.map((s) => `${s.id} (${s.expression}, next ${s.next})`).join('; ') || 'none'}

Demo users (get a token: curl '${cloud.urls.console}/token?user=<username>'):
${DEMO_USERS.map((user) => `  ${user.username.padEnd(22)} ${user.groups.join(' ').padEnd(22)} ${user.description}`).join('\n')}

Try:
  TOKEN=$(curl -s '${cloud.urls.console}/token?user=kent-data-officer' | node -pe 'JSON.parse(require("fs").readFileSync(0)).token')
  curl -H "Authorization: Bearer $TOKEN" ${cloud.urls.api}/submissions
  curl -H "Authorization: Bearer $TOKEN" '${cloud.urls.api}/submissions/<submission id>/report?format=csv'

Operators (dead-letter queues, as with AWS credentials in a deployed stack):
  AWS_ENDPOINT_URL_SQS=${cloud.urls.sqs} AWS_REGION=eu-west-2 AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local npx upstream dlq list

Only the token signing key and the pseudonym secret survive a restart (in .local/); data starts
clean each time, with Kent's demo return. Press Ctrl-C to stop.
`);
  const advisers = await seedDemoDirectory(cloud.urls.api, await cloud.tokenFor('administrator'));
  log('demo', `Adviser directory: ${advisers.length} demo advisers (risk alerts reach the inbox above).`);
  await loadDemoData(cloud);
  log('demo', 'Playing the workforce crisis: Kent’s in-year months and the adviser’s intelligence…');
  await playWorkforceCrisis(
    cloud.urls.api,
    {
      council: await cloud.tokenFor('kent-data-officer'),
      adviser: await cloud.tokenFor('south-east-adviser'),
    },
    DEMO_COLLECTION_YEAR,
    (line) => log('demo', line),
  );
  await reviewAllCouncils(cloud);
  await publishDfeSummary(cloud);
  log(
    'demo',
    `Ready (${((Date.now() - started) / 1000).toFixed(1)} s). Open ${cloud.urls.sesInbox} for the adviser's alert, then sign in to ${cloud.urls.app} as south-east-adviser to see Kent.`,
  );
}

/** Fires the daily risk review once, so every council has a band from the published figures straight away. */
async function reviewAllCouncils(cloud: LocalCloud): Promise<void> {
  const review = cloud.wiring().schedules.find((schedule) => /RiskReview/.test(schedule.id));
  if (!review) return;
  await cloud.triggerSchedule(review.id);
  log('demo', 'Risk review triggered: every council is being assessed on the published figures.');
}

/** Fires the weekly DfE summary once, so DfE's national summary exists when the user first looks. */
async function publishDfeSummary(cloud: LocalCloud): Promise<void> {
  const summary = cloud.wiring().schedules.find((schedule) => /DfeFeedsWeeklySummary/.test(schedule.id));
  if (!summary) return;
  await cloud.triggerSchedule(summary.id);
  log('demo', 'DfE weekly summary triggered: the national summary is published for dfe-liaison.');
}

/** Generated returns for Kent and Barnet, sent through the API as their data officers, unless data is kept. */
async function loadDemoData(cloud: LocalCloud): Promise<void> {
  const token = await cloud.tokenFor('kent-data-officer');
  const existing = (await (
    await fetch(`${cloud.urls.api}/submissions`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { councils: { submissions: unknown[] }[] };
  if (existing.councils.some((council) => council.submissions.length > 0)) {
    log('demo', 'Kent already has submissions; no demo data sent.');
    return;
  }
  log('demo', 'Sending generated returns (made-up children) for Kent and Barnet through the API…');
  await sendGeneratedReturns(
    cloud.urls.api,
    (user) => cloud.tokenFor(user),
    DEMO_COLLECTION_YEAR,
    (line) => log('demo', line),
  );
}

main().catch((error: unknown) => {
  if (error instanceof UnsupportedTemplateError || error instanceof LocalCloudStartError) {
    console.error(`\n${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
