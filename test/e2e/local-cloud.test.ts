// End to end through the local cloud: the synthesized template, the real emulators and the unchanged bundles.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../infra/local/local-cloud.ts';
import {
  DEMO_COLLECTION_YEAR,
  type DemoFile,
  readDemoReturn,
  type SubmissionView,
  submitReturn,
} from '../../scripts/demo/submit.ts';
import { readReturn } from '../../shared/domain/ssda903/engine.ts';
import { buildReport, type ValidationReport } from '../../shared/domain/ssda903/report.ts';
import { rulesFor } from '../../shared/domain/ssda903/rules/registry.ts';
import { eventually } from '../integration/helpers/emulators.ts';
import { everyStoredItem, startTestCloud, tableNameOf, uploadsBucketOf } from './helpers/test-cloud.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const assemblyDir = path.join(root, 'cdk.out');

describe('local cloud end to end', () => {
  let cloud: LocalCloud;
  const logs: string[] = [];

  beforeAll(async () => {
    cloud = await startTestCloud({ logs });
  });
  afterAll(async () => {
    await cloud?.stop();
  });

  const uploadsBucket = () => uploadsBucketOf(cloud);
  const tableName = () => tableNameOf(cloud);
  const queueDepth = async (queueName: string) => {
    const { Attributes } = await cloud.clients.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: cloud.queueUrls.get(queueName),
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    return (
      Number(Attributes?.ApproximateNumberOfMessages) +
      Number(Attributes?.ApproximateNumberOfMessagesNotVisible)
    );
  };
  const ingestQueue = () => cloud.model.notifications[0]!.queueName;
  const ingestDlq = () =>
    cloud.model.queues.find((queue) => queue.name === ingestQueue())!.deadLetter!.queueName;
  const submissionItems = async (submissionId: string) =>
    (
      await cloud.clients.dynamo.send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': { S: `SUBMISSION#${submissionId}` } },
        }),
      )
    ).Items ?? [];
  const api = (pathname: string, token?: string) =>
    fetch(`${cloud.urls.api}${pathname}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('wires every trigger in the synthesized template (no drift)', () => {
    const manifest = JSON.parse(readFileSync(path.join(assemblyDir, 'manifest.json'), 'utf8'));
    const templates = Object.values(
      manifest.artifacts as Record<string, { type: string; properties?: { templateFile: string } }>,
    )
      .filter((artifact) => artifact.type === 'aws:cloudformation:stack')
      .map((artifact) =>
        JSON.parse(readFileSync(path.join(assemblyDir, artifact.properties!.templateFile), 'utf8')),
      );
    const triggers = {
      mappings: [] as string[],
      notifications: 0,
      routes: [] as string[],
      schedules: [] as string[],
    };
    for (const template of templates) {
      for (const [id, resource] of Object.entries(
        template.Resources as Record<
          string,
          {
            Type: string;
            Properties?: {
              ScheduleExpression?: string;
              NotificationConfiguration?: { QueueConfigurations?: unknown[] };
            };
          }
        >,
      )) {
        if (resource.Type === 'AWS::Lambda::EventSourceMapping') triggers.mappings.push(id);
        if (resource.Type === 'AWS::ApiGatewayV2::Route') triggers.routes.push(id);
        if (
          resource.Type === 'AWS::Scheduler::Schedule' ||
          (resource.Type === 'AWS::Events::Rule' && resource.Properties?.ScheduleExpression)
        )
          triggers.schedules.push(id);
        const notification =
          resource.Type === 'Custom::S3BucketNotifications' || resource.Type === 'AWS::S3::Bucket'
            ? resource.Properties?.NotificationConfiguration
            : undefined;
        triggers.notifications += notification?.QueueConfigurations?.length ?? 0;
      }
    }
    const wiring = cloud.wiring();
    expect(triggers.mappings.length + triggers.routes.length + triggers.notifications).toBeGreaterThan(0);
    expect(wiring.eventSourceMappings.map((mapping) => mapping.id).sort()).toEqual(triggers.mappings.sort());
    expect(wiring.routes.map((route) => route.id).sort()).toEqual(triggers.routes.sort());
    expect(wiring.schedules.map((schedule) => schedule.id).sort()).toEqual(triggers.schedules.sort());
    expect(wiring.notifications).toHaveLength(triggers.notifications);
  });

  it('serves the web app’s /assets/ from the folders the synth staged for their deployment, as the distribution does', async () => {
    const css = await fetch(`${cloud.urls.api}/assets/govuk-frontend.min.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await css.text()).length).toBeGreaterThan(10_000);
    const own = await fetch(`${cloud.urls.api}/assets/upstream.js`);
    expect(own.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetch(`${cloud.urls.api}/assets/images/favicon.ico`)).status).toBe(200);
  });

  const sampleFiles = readDemoReturn(path.join(root, 'shared', 'demo', 'ssda903'));
  const SAMPLE_YEAR = DEMO_COLLECTION_YEAR;
  const submit = async (user: string, files: readonly DemoFile[]) =>
    submitReturn(cloud.urls.api, await cloud.tokenFor(user), files, { collectionYear: SAMPLE_YEAR });

  let sampleSubmission: SubmissionView;

  it('takes the sample return through the API and reports its problems row by row, as JSON and CSV', async () => {
    sampleSubmission = await submit('kent-data-officer', sampleFiles);
    expect(sampleSubmission.status).toBe('accepted_with_issues');

    // The same bytes read in-process give the same report: the deployed path adds nothing and loses nothing.
    const expected = buildReport(
      await readReturn(
        sampleFiles.map((file) => ({ name: file.name, body: [new Uint8Array(file.body)] })),
        { collectionYear: SAMPLE_YEAR, rules: rulesFor(SAMPLE_YEAR) },
      ),
    );
    const token = await cloud.tokenFor('kent-data-officer');
    // The report (about 6 MB) is over Lambda's 6 MiB response limit, which the local gateway enforces as
    // AWS does: the API sends the caller on to a short-lived S3 address instead.
    const redirect = await fetch(`${cloud.urls.api}/submissions/${sampleSubmission.submissionId}/report`, {
      headers: { authorization: `Bearer ${token}` },
      redirect: 'manual',
    });
    expect(redirect.status).toBe(303);
    const location = new URL(redirect.headers.get('location')!);
    expect(location.searchParams.get('X-Amz-Expires')).toBe('300');
    const response = await api(`/submissions/${sampleSubmission.submissionId}/report`, token);
    expect(response.status).toBe(200);
    const report = (await response.json()) as ValidationReport;
    expect(report.rules).toEqual(expected.rules);
    expect(report.totals).toEqual(expected.totals);
    expect(sampleSubmission.outcome?.children).toBe(expected.children);
    expect(expected.children).toBeGreaterThanOrEqual(2675);
    expect(report.rules.length).toBeGreaterThan(5);
    // Every row names a CHILD reference the council sent, so they can find and fix it.
    const children = new Set(
      sampleFiles.flatMap((file) => {
        const [head, ...rows] = file.body
          .toString('utf8')
          .replace(/^\uFEFF/, '')
          .split(/\r?\n/);
        const index = head!.split(',').indexOf('CHILD');
        return rows.map((row) => row.split(',')[index]);
      }),
    );
    for (const row of report.rows) expect(children.has(row.child) || row.child === '').toBe(true);

    const csv = await api(`/submissions/${sampleSubmission.submissionId}/report?format=csv`, token);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).split('\r\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(report.rows.length);
  });

  it('keeps no CHILD id, date of birth or full postcode anywhere outside the raw uploads and their reports', async () => {
    const header = sampleFiles.find((file) => file.name === 'header.csv')!.body.toString('utf8');
    const episodes = sampleFiles.find((file) => file.name === 'episodes.csv')!.body.toString('utf8');
    const column = (csv: string, name: string) => {
      const [head, ...rows] = csv.split(/\r?\n/).filter(Boolean);
      const index = head!.split(',').indexOf(name);
      return rows.map((row) => row.split(',')[index]!).filter((value) => value && value.length > 0);
    };
    // Ids are looked for as whole fields. Ids of four digits or fewer would match counts by chance; the
    // CHILD column of every extract is checked on its own below.
    const childIds = new Set(column(header, 'CHILD').filter((id) => id.length >= 5));
    // A date of birth on the 1st of a month is its own degraded form (month of birth), so it proves nothing.
    const birthDates = new Set(column(header, 'DOB').filter((date) => !date.startsWith('01/')));
    const postcodes = new Set([...column(episodes, 'HOME_POST'), ...column(episodes, 'PL_POST')]);
    expect(childIds.size).toBeGreaterThan(2000);

    const stored: string[] = [];
    const keys: string[] = [];
    for (const bucket of cloud.model.buckets) {
      const listing = await cloud.clients.s3.send(new ListObjectsV2Command({ Bucket: bucket.name }));
      for (const object of listing.Contents ?? []) {
        // The raw upload and its report are the council's own, kept under its access and retention.
        if (bucket.name === uploadsBucket()) continue;
        keys.push(object.Key!);
        const body = await cloud.clients.s3.send(
          new GetObjectCommand({ Bucket: bucket.name, Key: object.Key }),
        );
        stored.push(await body.Body!.transformToString('utf8'));
      }
    }
    stored.push(...(await everyStoredItem(cloud)).map((item) => JSON.stringify(item)));
    expect(
      keys.filter((key) =>
        key.startsWith(`curated/886/ssda903/${SAMPLE_YEAR}/${sampleSubmission.submissionId}/`),
      ),
    ).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Header\.csv$/),
        expect.stringMatching(/Episodes\.csv$/),
      ]),
    );

    const fields = stored.flatMap((text) => text.split(/[",\r\n{}:[\]]+/));
    expect(fields.filter((field) => childIds.has(field))).toEqual([]);
    expect(fields.filter((field) => birthDates.has(field))).toEqual([]);
    expect(fields.filter((field) => postcodes.has(field))).toEqual([]);
  });

  it('recomputes Kent’s indicators from its return; Kent and its regional adviser see them, others do not', async () => {
    type CouncilView = {
      period: number;
      uploadedValuesVisible: boolean;
      indicators: { code: string; provenance: string | null; candidates: { uploaded: number | null } }[];
    };
    /** Kent's page as `user` sees it, for the return's year or (without one) the latest they can see. */
    const view = async (user: string, period?: number) => {
      const query = period === undefined ? '' : `?period=${period}`;
      const response = await api(`/indicators/councils/886${query}`, await cloud.tokenFor(user));
      expect(response.status, `${user}: ${await response.clone().text()}`).toBe(200);
      return (await response.json()) as CouncilView;
    };
    const kent = await eventually(async () => {
      const body = await view('kent-data-officer', SAMPLE_YEAR);
      return body.indicators.some((indicator) => indicator.provenance === 'uploaded') ? body : undefined;
    }, 'Kent’s uploaded figures to be recomputed');
    expect(kent.period).toBe(SAMPLE_YEAR);
    const uploadedCodes = kent.indicators
      .filter((entry) => entry.provenance === 'uploaded')
      .map((entry) => entry.code);
    const adviser = await view('south-east-adviser', SAMPLE_YEAR);
    expect(
      adviser.indicators.filter((entry) => entry.provenance === 'uploaded').map((entry) => entry.code),
    ).toEqual(uploadedCodes);
    for (const user of ['barnet-data-officer', 'london-adviser', 'dfe-liaison']) {
      // No published figures exist yet for that year, so for them the year is not there at all.
      const year = await api(`/indicators/councils/886?period=${SAMPLE_YEAR}`, await cloud.tokenFor(user));
      expect(year.status, user).toBe(400);
      const other = await view(user);
      expect(other.uploadedValuesVisible, user).toBe(false);
      expect(
        other.indicators.filter((entry) => entry.candidates.uploaded !== null),
        user,
      ).toEqual([]);
    }
    // The recompute announced itself once to the alert queue; the notify function acknowledged it, sending nothing.
    const alertQueue = cloud.model.queues.find((queue) => queue.deadLetter && /AlertQueue/.test(queue.name))!;
    await eventually(
      async () => ((await queueDepth(alertQueue.name)) === 0 ? true : undefined),
      'the alert queue to drain',
    );
    expect(logs.filter((line) => line.includes('"type":"IndicatorsRecomputed"'))).toHaveLength(1);
  });

  it('an adviser’s serious intelligence item raises Kent’s band, is named among the drivers, and alerts once', async () => {
    const adviser = await cloud.tokenFor('south-east-adviser');
    const narrative = 'A rapid review found repeated missed strategy discussions at the front door.';
    const created = await fetch(`${cloud.urls.api}/intelligence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adviser}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        la: '886',
        category: 'serious-incident',
        severity: 'critical',
        confidence: 'high',
        source: 'Regional adviser visit',
        observedOn: new Date().toISOString().slice(0, 10),
        narrative,
      }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const { item } = (await created.json()) as { item: { itemId: string } };

    type RiskView = {
      band: string;
      cause: { type: string };
      drivers: { kind: string; key: string; text: string }[];
      history: { version: number; band: string; cause: string }[];
    };
    const risk = await eventually(async () => {
      const response = await api('/risk/councils/886', adviser);
      if (response.status !== 200) return undefined;
      const body = (await response.json()) as RiskView;
      return body.cause.type === 'IntelligenceChanged' ? body : undefined;
    }, 'Kent’s risk to be reassessed after the intelligence item');
    const before = risk.history[1]!;
    expect(['green', 'amber']).toContain(before.band);
    expect(['amber', 'red']).toContain(risk.band);
    expect(risk.band).not.toBe(before.band);
    expect(risk.drivers).toContainEqual(expect.objectContaining({ kind: 'intelligence', key: item.itemId }));

    for (const user of ['london-adviser', 'dfe-liaison', 'kent-data-officer']) {
      expect((await api('/risk/councils/886', await cloud.tokenFor(user))).status, user).toBe(403);
    }

    // Exactly one RiskChanged, for the South East's advisers (its FIFO group), handled by the notify function;
    // the narrative is nowhere in what it received or logged.
    const handled = await eventually(async () => {
      const lines = logs.filter((line) => line.includes('Risk alert handled') && line.includes('"la":"886"'));
      return lines.length > 0 ? lines : undefined;
    }, 'the notify function to handle the RiskChanged alert');
    expect(handled).toHaveLength(1);
    expect(JSON.parse(handled[0]!.slice(handled[0]!.indexOf('{')))).toMatchObject({
      messageGroupId: 'south-east',
      from: before.band,
      to: risk.band,
      eventId: `886#${risk.history[0]!.version}`,
    });
    expect(logs.filter((line) => line.includes(narrative) && line.startsWith('[notify]'))).toEqual([]);
  });

  it('lets the region’s adviser override Kent’s band with a reason and an end date, and lift it again', async () => {
    const adviser = await cloud.tokenFor('south-east-adviser');
    type RiskView = {
      version: number;
      band: string;
      modelBand: string;
      cause: { type: string };
      override: { band: string; reason: string; applied: boolean } | null;
    };
    const view = async () => (await (await api('/risk/councils/886', adviser)).json()) as RiskView;
    const change = (method: 'PUT' | 'DELETE', token: string, body?: unknown) =>
      fetch(`${cloud.urls.api}/risk/councils/886/override`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const before = await view();
    const target = before.band === 'green' ? 'red' : 'green';
    const expiresOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const reason = 'Known to us: new leadership and an improvement plan agreed with the DfE adviser.';

    const vague = await change('PUT', adviser, { band: target, reason: 'Because', expiresOn });
    expect(vague.status).toBe(400);
    expect(((await vague.json()) as { message: string }).message).toMatch(/at least 20 characters/);
    const outsider = await change('PUT', await cloud.tokenFor('london-adviser'), {
      band: target,
      reason,
      expiresOn,
    });
    expect(outsider.status).toBe(403);
    expect((await view()).version).toBe(before.version);

    expect((await change('PUT', adviser, { band: target, reason, expiresOn })).status).toBe(200);
    const overridden = await eventually(async () => {
      const current = await view();
      return current.cause.type === 'RiskOverrideChanged' && current.version > before.version
        ? current
        : undefined;
    }, 'Kent to be reassessed with the override');
    expect(overridden.band).toBe(target);
    expect(overridden.modelBand).toBe(before.modelBand);
    expect(overridden.override).toMatchObject({ band: target, reason, applied: true });

    expect((await change('DELETE', adviser)).status).toBe(200);
    const lifted = await eventually(async () => {
      const current = await view();
      return current.version > overridden.version ? current : undefined;
    }, 'Kent to be reassessed once the override is lifted');
    expect(lifted.override).toBeNull();
    expect(lifted.band).toBe(lifted.modelBand);
  });

  it('processes identical files once: a second submission of the same return is marked a duplicate', async () => {
    const again = await submit('kent-data-officer', sampleFiles);
    expect(again.status).toBe('duplicate');
    expect(again.outcome?.duplicateOf).toBe(sampleSubmission.submissionId);
  });

  it('rejects unreadable files with a reason a council officer can act on, and loses nothing accepted before', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 151) % 256));
    const rejected = await submit('kent-data-officer', [{ name: 'episodes.csv', body: garbage }]);
    expect(rejected.status).toBe('rejected');
    const token = await cloud.tokenFor('kent-data-officer');
    const report = (await (
      await api(`/submissions/${rejected.submissionId}/report`, token)
    ).json()) as ValidationReport;
    expect(report.blockingErrors[0]?.message).toMatch(/episodes\.csv/);
    const earlier = (await (
      await api(`/submissions/${sampleSubmission.submissionId}`, token)
    ).json()) as SubmissionView;
    expect(earlier.status).toBe('accepted_with_issues');
  });

  it('refuses objects that do not belong to a started submission, without retrying them', async () => {
    const other = `uploads/302/ssda903/${SAMPLE_YEAR}/${sampleSubmission.submissionId}/header.csv`;
    for (const key of [
      'uploads/999/ssda903/2026/SUB-E2E-0003/x.csv',
      'uploads/886/ssda903/2026/SUB-NEVER-STARTED/header.csv',
      other,
    ]) {
      await cloud.clients.s3.send(
        new PutObjectCommand({ Bucket: uploadsBucket(), Key: key, Body: 'CHILD\n1\n' }),
      );
    }
    await eventually(
      async () => (logs.filter((line) => line.includes('Upload refused')).length >= 3 ? true : undefined),
      'the refusals to be logged',
    );
    await eventually(
      async () => ((await queueDepth(ingestQueue())) === 0 ? true : undefined),
      'the ingest queue to drain',
    );
    expect(logs.some((line) => line.includes('does not match submission'))).toBe(true);
    expect(logs.some((line) => line.includes('No submission SUB-NEVER-STARTED'))).toBe(true);
    expect(await submissionItems('SUB-NEVER-STARTED')).toHaveLength(0);
    expect(await queueDepth(ingestDlq())).toBe(0);
    expect(logs.some((line) => line.includes('S3 test event acknowledged'))).toBe(true);
  });

  it('refuses missing, forged and tampered tokens, and another council’s submission', async () => {
    const token = await cloud.tokenFor('kent-data-officer');
    const [header, payload] = token.split('.') as [string, string, string];
    const elevated = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload, 'base64url').toString()),
        'cognito:groups': ['council:302'],
      }),
    ).toString('base64url');
    expect((await api(`/submissions/${sampleSubmission.submissionId}`)).status).toBe(401);
    expect(
      (
        await api(
          `/submissions/${sampleSubmission.submissionId}`,
          `${header}.${elevated}.${token.split('.')[2]}`,
        )
      ).status,
    ).toBe(401);
    expect((await api(`/submissions/${sampleSubmission.submissionId}`, `${header}.${payload}.`)).status).toBe(
      401,
    );
    const barnet = await api(
      `/submissions/${sampleSubmission.submissionId}`,
      await cloud.tokenFor('barnet-data-officer'),
    );
    expect(barnet.status).toBe(403);
    expect(((await barnet.json()) as { message: string }).message).toMatch(/another council/);
  });
});
