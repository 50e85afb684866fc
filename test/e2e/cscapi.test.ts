// End to end through the local cloud: a council's CSC API payloads (a full payload as the year starts, then a
// stretch of daily deltas with purges at every level) sent as submissions through the API and processed by the
// unchanged ingest bundle, one after another as the council's daily extract sends them. The monthly measures
// stored must equal those worked out independently from the generator's own records (test/unit/cscapi/
// independent-measures.ts, none of the product's code); a resend changes nothing; and no name, UPN, full date
// of birth or postcode is kept anywhere outside the raw uploads.
//
// The stretch is 61 days (April and May) at a fifth of a council's size, not a year: each day is a whole
// submission through the API, queue and function, and a year of them takes longer than a test run should
// (docs/cscapi.md, "Tests"). CSCAPI_E2E_DAYS=365 runs the whole year, every month compared.
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../infra/local/local-cloud.ts';
import { declareFile } from '../../scripts/demo/submit.ts';
import { DynamoAggregateStore } from '../../shared/adapters/dynamo-aggregate-store.ts';
import { asNdjson, generateCscapiStretch } from '../../shared/domain/generate/cscapi.ts';
import { Random } from '../../shared/domain/generate/random.ts';
import { eventually } from '../integration/helpers/emulators.ts';
import { independentMeasures } from '../unit/cscapi/independent-measures.ts';
import { everyStoredItem, startTestCloud, tableNameOf, uploadsBucketOf } from './helpers/test-cloud.ts';

const DAYS = Number(process.env.CSCAPI_E2E_DAYS ?? 61);
const YEAR = 2026;

interface View {
  submissionId: string;
  status: string;
  outcome?: { status: string; summary: string; duplicateOf?: string };
}

describe('the CSC API payload through the local cloud', () => {
  let cloud: LocalCloud;
  const logs: string[] = [];
  const stretch = generateCscapiStretch({
    la: '886',
    collectionYear: YEAR,
    random: new Random(19),
    days: DAYS,
    scale: 0.2,
  });

  beforeAll(async () => {
    cloud = await startTestCloud({ logs });
  });
  afterAll(async () => {
    await cloud?.stop();
  });

  const tableName = () => tableNameOf(cloud);
  const uploadsBucket = () => uploadsBucketOf(cloud);
  const token = () => cloud.tokenFor('kent-data-officer');
  const api = async (pathname: string) =>
    fetch(`${cloud.urls.api}${pathname}`, { headers: { authorization: `Bearer ${await token()}` } });

  async function submit(name: string, body: Buffer): Promise<View> {
    const authorization = `Bearer ${await token()}`;
    const started = await fetch(`${cloud.urls.api}/submissions`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ returnType: 'cscapi', collectionYear: YEAR, files: [declareFile(name, body)] }),
    });
    expect(started.status, await started.clone().text()).toBe(201);
    const { submissionId, uploads } = (await started.json()) as {
      submissionId: string;
      uploads: { url: string; headers: Record<string, string> }[];
    };
    const put = await fetch(uploads[0]!.url, { method: 'PUT', headers: uploads[0]!.headers, body });
    expect(put.ok, `PUT ${name}`).toBe(true);
    return eventually(
      async () => {
        const view = (await (await api(`/submissions/${submissionId}`)).json()) as View;
        return view.outcome ? view : undefined;
      },
      `submission ${submissionId} to be processed`,
      60_000,
    );
  }

  const current = () =>
    new DynamoAggregateStore(
      DynamoDBDocumentClient.from(cloud.clients.dynamo),
      tableName(),
    ).currentAggregates('886', 'cscapi', YEAR);

  // Every month of the collection year (April to March) the stretch reaches.
  const months = [...new Set(stretch.days.map((day) => day.date.slice(0, 7)))].filter(
    (month) => month >= `${YEAR - 1}-04` && month <= `${YEAR}-03`,
  );
  const stored = async () => {
    const aggregates = await current();
    return Object.fromEntries(
      (aggregates?.months ?? [])
        .filter((month) => months.includes(month.month))
        .map((m) => [m.month, m.figures]),
    );
  };

  it(
    'turns a full payload and daily deltas into the monthly measures worked out independently',
    async () => {
      const purges = stretch.days.flatMap((day) => day.documents).map((doc) => JSON.stringify(doc));
      // Purges at every level are in the stretch: a child, an episode, a record within an episode.
      expect(purges.some((doc) => /^\{"la_code":"886","la_child_id":"[^"]+","purge":true\}$/.test(doc))).toBe(
        true,
      );
      expect(purges.some((doc) => /"social_care_episode_id":"[^"]+","purge":true/.test(doc))).toBe(true);
      expect(
        purges.some((doc) =>
          /"child_protection_plan_id":"[^"]+","purge":true|"child_and_family_assessment_id":"[^"]+","purge":true/.test(
            doc,
          ),
        ),
      ).toBe(true);

      // A day with nothing to send sends nothing (a file cannot be empty).
      for (const day of stretch.days.filter((each) => each.documents.length > 0)) {
        const view = await submit(
          `cscapi_886_${day.kind}_${day.date}.ndjson`,
          Buffer.from(asNdjson(day.documents)),
        );
        expect(view.outcome?.status, `${day.date}: ${view.outcome?.summary}`).toBe('accepted');
      }
      const expected = independentMeasures(stretch.children, months);
      expect(await stored()).toEqual(expected);
      expect(expected['2025-05']!.referrals).toBeGreaterThan(10);
      expect((await current())?.children).toBe(stretch.children.length);
    },
    Math.max(900_000, DAYS * 15_000),
  );

  it('changes nothing when the last delta is sent again, as the same file or as a JSON array', async () => {
    const before = await stored();
    const last = stretch.days.findLast((day) => day.documents.length > 0)!;
    const again = await submit(`cscapi_886_delta_${last.date}.ndjson`, Buffer.from(asNdjson(last.documents)));
    expect(again.outcome?.status).toBe('duplicate');
    const asArray = await submit(
      `cscapi_886_delta_${last.date}.json`,
      Buffer.from(JSON.stringify(last.documents)),
    );
    expect(asArray.outcome?.status).toBe('accepted');
    expect(await stored()).toEqual(before);
  }, 120_000);

  it('keeps no name, UPN, full date of birth or postcode anywhere but the raw uploads', async () => {
    const personal = new Set<string>();
    for (const day of stretch.days)
      for (const document of day.documents) {
        const details = document.child_details as Record<string, unknown> | undefined;
        for (const field of ['first_name', 'surname', 'unique_pupil_number', 'date_of_birth', 'postcode'])
          if (typeof details?.[field] === 'string') personal.add(details[field] as string);
        for (const episode of (document.social_care_episodes as Record<string, unknown>[] | undefined) ?? [])
          for (const placement of (episode.child_looked_after_placements as
            | Record<string, unknown>[]
            | undefined) ?? [])
            if (typeof placement.postcode === 'string') personal.add(placement.postcode);
      }
    // A baby's date of birth can also be the date of an event that is kept (a referral on the day of birth):
    // such a date says nothing about whose birthday it is, so only dates of birth that are no event's date count.
    const eventDates = new Set<string>();
    const collectDates = (value: unknown, key = ''): void => {
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !/birth/.test(key))
        eventDates.add(value);
      else if (Array.isArray(value)) for (const inner of value) collectDates(inner, key);
      else if (value && typeof value === 'object')
        for (const [innerKey, inner] of Object.entries(value)) collectDates(inner, innerKey);
    };
    for (const day of stretch.days) for (const document of day.documents) collectDates(document);
    for (const date of eventDates) personal.delete(date);
    const texts: string[] = [];
    for (const bucket of cloud.model.buckets) {
      let token: string | undefined;
      do {
        const listing = await cloud.clients.s3.send(
          new ListObjectsV2Command({ Bucket: bucket.name, ContinuationToken: token }),
        );
        for (const object of listing.Contents ?? []) {
          if (bucket.name === uploadsBucket() && object.Key!.startsWith('uploads/')) continue;
          const body = await cloud.clients.s3.send(
            new GetObjectCommand({ Bucket: bucket.name, Key: object.Key }),
          );
          texts.push(await body.Body!.transformToString('utf8'));
        }
        token = listing.NextContinuationToken;
      } while (token);
    }
    texts.push(...(await everyStoredItem(cloud)).map((item) => JSON.stringify(item)));
    const everything = texts.join('\n');
    // The scan reaches the kept state and the figures.
    expect(everything).toContain('"birthMonth"');
    expect(everything).toContain('cp_plans_open');
    expect(personal.size).toBeGreaterThan(500);
    // Every stretch of text shaped like a name, UPN, date or postcode, looked up among the personal values.
    const shapes = /[A-Z][a-z]{2,}|[A-Z]\d{12}|\d{4}-\d{2}-\d{2}|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}/g;
    const found = new Set(everything.match(shapes) ?? []);
    expect([...personal].filter((value) => found.has(value))).toEqual([]);
    expect(logs.filter((line) => /Message failed/.test(line))).toEqual([]);
  }, 300_000);
});
