// `npm start`: the whole product on this machine, from the synthesized template, with demo users, the demo
// directory, generated returns for Kent and Barnet and the workforce crisis story.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_USERS } from '../../infra/local/issuer.ts';
import type { LocalCloud } from '../../infra/local/local-cloud.ts';
import { prefixedLog, serveLocalCloud } from '../../infra/local/serve.ts';
import { seedDemoDirectory } from './directory.ts';
import { DEMO_COLLECTION_YEAR } from './submit.ts';
import { playWorkforceCrisis, sendGeneratedReturns } from './world.ts';

const log = prefixedLog();

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

await serveLocalCloud({
  root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..'),
  portBase: Number(process.env.UPSTREAM_PORT_BASE ?? 3000),
  log,
  onReady: greetAndLoadDemo,
});
