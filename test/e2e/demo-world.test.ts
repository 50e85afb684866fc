// End to end through the local cloud: the demo story `npm start` plays (Kent's workforce crisis, as in-year
// uploads and the adviser's intelligence) leaves a risk alert for the South East advisers in the inbox
// without anyone doing anything else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../infra/local/local-cloud.ts';
import { DEMO_ADVISERS, seedDemoDirectory } from '../../scripts/demo/directory.ts';
import { DEMO_COLLECTION_YEAR } from '../../scripts/demo/submit.ts';
import { playWorkforceCrisis } from '../../scripts/demo/world.ts';
import { eventually } from '../integration/helpers/emulators.ts';
import { startTestCloud } from './helpers/test-cloud.ts';

type StoredEmail = { destination: { to: string[] }; subject: string };

describe('the demo world at first start', () => {
  let cloud: LocalCloud;
  const played: string[] = [];

  beforeAll(async () => {
    cloud = await startTestCloud();
    await seedDemoDirectory(cloud.urls.api, await cloud.tokenFor('administrator'));
  });
  afterAll(async () => {
    await cloud?.stop();
  });

  it('plays the workforce crisis and an adviser alert about Kent reaches the inbox', async () => {
    await playWorkforceCrisis(
      cloud.urls.api,
      {
        council: await cloud.tokenFor('kent-data-officer'),
        adviser: await cloud.tokenFor('south-east-adviser'),
      },
      DEMO_COLLECTION_YEAR,
      (line) => played.push(line),
      new Date('2026-12-05T08:00:00Z'),
    );
    expect(played).toHaveLength(8);
    for (const line of played) expect(line).toMatch(/: accepted;/);

    const southEast = DEMO_ADVISERS.filter(
      (adviser) => adviser.region === 'south-east' && adviser.active,
    ).map((adviser) => adviser.email);
    const alerts = await eventually(
      async () => {
        const store = new URL('/store', cloud.urls.sesInbox);
        const { emails } = (await (await fetch(store)).json()) as { emails: StoredEmail[] };
        const found = emails.filter((email) => /^Risk alert: Kent /.test(email.subject));
        return found.length > 0 ? found : undefined;
      },
      'a risk alert about Kent in the inbox',
      60_000,
    );
    expect(alerts.flatMap((email) => email.destination.to).every((to) => southEast.includes(to))).toBe(true);
  });
});
