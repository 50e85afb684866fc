// The README's screenshots: each role's main page, taken in Debian's chromium from the local cloud after the
// demo return is sent, the daily review has run and the weekly summary is published. Loopback only.
// Run: npm run screenshots (writes docs/screenshots/*.png).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ensureAssembly } from '../infra/local/assembly.ts';
import { startLocalCloud } from '../infra/local/local-cloud.ts';
import { COUNCILS } from '../shared/domain/councils.ts';
import { seedDemoDirectory } from './demo/directory.ts';
import { DEMO_COLLECTION_YEAR, readDemoReturn, submitReturn } from './demo/submit.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs', 'screenshots');

const SHOTS = [
  { user: 'Kent County Council data officer', file: 'council.png', path: '' },
  { user: 'South East regional adviser', file: 'adviser.png', path: '' },
  { user: 'DfE liaison', file: 'dfe.png', path: 'england' },
  { user: 'national administrator', file: 'admin.png', path: 'directory' },
] as const;

async function waitFor(what: string, check: () => Promise<boolean>, seconds = 240): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  throw new Error(`Gave up waiting for ${what}.`);
}

ensureAssembly(root, path.join(root, 'cdk.out'), () => {});
const cloud = await startLocalCloud({
  assemblyDir: path.join(root, 'cdk.out'),
  ports: { api: 0, console: 0, awsServices: 0, dynamodb: 0, ses: 0 },
  log: () => {},
  pollWaitSeconds: 1,
});
try {
  await seedDemoDirectory(cloud.urls.api, await cloud.tokenFor('administrator'));
  await submitReturn(
    cloud.urls.api,
    await cloud.tokenFor('kent-data-officer'),
    readDemoReturn(path.join(root, 'shared', 'demo', 'ssda903')),
    { collectionYear: DEMO_COLLECTION_YEAR },
  );
  const adviser = await cloud.tokenFor('south-east-adviser');
  await waitFor('Kent’s first assessment', async () => {
    const response = await fetch(`${cloud.urls.api}/risk/councils/886`, {
      headers: { authorization: `Bearer ${adviser}` },
    });
    return response.status === 200;
  });
  const review = cloud.wiring().schedules.find((schedule) => /RiskReview/.test(schedule.id))!;
  await cloud.triggerSchedule(review.id);
  // The board is worth showing once the South East's councils are assessed.
  const southEast = COUNCILS.filter((council) => council.region === 'south-east');
  await waitFor('the South East’s assessments', async () => {
    const answers = await Promise.all(
      southEast.map((council) =>
        fetch(`${cloud.urls.api}/risk/councils/${council.la}`, {
          headers: { authorization: `Bearer ${adviser}` },
        }),
      ),
    );
    return answers.every((response) => response.status === 200);
  });
  const weekly = cloud.model.schedules.find((schedule) => schedule.input?.includes('"summary"'))!;
  await cloud.triggerSchedule(weekly.id);
  const dfe = await cloud.tokenFor('dfe-liaison');
  await waitFor('the weekly summary', async () => {
    const response = await fetch(`${cloud.urls.api}/feeds/dfe.json`, {
      headers: { authorization: `Bearer ${dfe}` },
    });
    return response.status === 200;
  });

  const executablePath = execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
    encoding: 'utf8',
  }).trim();
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  try {
    for (const shot of SHOTS) {
      const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
      const page = await context.newPage();
      await page.goto(cloud.urls.app);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByLabel(shot.user).check();
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.origin === new URL(cloud.urls.app).origin);
      if (shot.path) await page.goto(`${cloud.urls.app}${shot.path}`);
      await page.screenshot({ path: path.join(out, shot.file) });
      console.log(`docs/screenshots/${shot.file}`);
      await context.close();
    }
  } finally {
    await browser.close();
  }
} finally {
  await cloud.stop();
}
