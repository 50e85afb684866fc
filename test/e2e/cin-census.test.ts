// End to end through the local cloud: a council sends a real sample CIN census file through the API (start a
// cin submission, PUT the file to its presigned address), it is processed by the unchanged ingest bundle, the
// report is fetched, the figures are recomputed, and nothing child-level is stored outside the raw uploads.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../infra/local/local-cloud.ts';
import { declareFile } from '../../scripts/demo/submit.ts';
import { readCinReturn } from '../../shared/domain/cin/engine.ts';
import { buildCinReport, type CinValidationReport } from '../../shared/domain/cin/report.ts';
import { eventually } from '../integration/helpers/emulators.ts';
import { everyStoredItem, startTestCloud } from './helpers/test-cloud.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SAMPLE = 'fake_CIN_data.xml';
const asWritten = readFileSync(path.join(root, 'test', 'fixtures', 'cin', SAMPLE));
/** The sample's header names council 975; sent here as Kent's own return, its header names Kent (886). */
const sample = Buffer.from(asWritten.toString('utf8').replace('<LEA>975</LEA>', '<LEA>886</LEA>'));
/** The sample's header says 2022 (the 2021/22 census). */
const YEAR = 2022;

interface SubmissionView {
  submissionId: string;
  status: string;
  outcome?: { status: string; summary: string; problems: number; children: number | null };
}

describe('CIN census end to end', () => {
  let cloud: LocalCloud;
  let token: string;
  let submission: SubmissionView;

  beforeAll(async () => {
    cloud = await startTestCloud();
    token = await cloud.tokenFor('kent-data-officer');
  });
  afterAll(async () => {
    await cloud?.stop();
  });

  const api = (pathname: string, init: RequestInit = {}) =>
    fetch(`${cloud.urls.api}${pathname}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
    });

  it('takes a cin submission through the API, processes it and serves its report', async () => {
    const started = await api('/submissions', {
      method: 'POST',
      body: JSON.stringify({
        returnType: 'cin',
        collectionYear: YEAR,
        files: [declareFile(SAMPLE, sample)],
      }),
    });
    expect(started.status, await started.clone().text()).toBe(201);
    const { submissionId, uploads } = (await started.json()) as {
      submissionId: string;
      uploads: { fileName: string; url: string; headers: Record<string, string> }[];
    };
    expect(uploads).toHaveLength(1);
    const put = await fetch(uploads[0]!.url, { method: 'PUT', headers: uploads[0]!.headers, body: sample });
    expect(put.ok).toBe(true);

    submission = await eventually(
      async () => {
        const view = (await (await api(`/submissions/${submissionId}`)).json()) as SubmissionView;
        return view.outcome ? view : undefined;
      },
      'the CIN submission to be processed',
      60_000,
    );
    expect(submission.status).toBe('accepted_with_issues');
    expect(submission.outcome?.children).toBe(332);

    // The deployed path gives the report the domain gives in-process.
    const expected = buildCinReport(
      await readCinReturn([{ name: SAMPLE, body: sample }], { collectionYear: YEAR, la: '886' }),
    );
    const response = await api(`/submissions/${submissionId}/report`);
    expect(response.status).toBe(200);
    const report = (await response.json()) as CinValidationReport;
    expect(report.returnType).toBe('cin');
    expect(report.errors).toEqual(expected.errors);
    expect(report.queries).toEqual(expected.queries);
    expect(report.totals).toEqual(expected.totals);
    expect(report.rows).toHaveLength(expected.rows.length);
    expect(report.errors.map((rule) => rule.code)).toEqual(expect.arrayContaining(['100', '1510', '8875']));
    expect(report.councilIssues.map((issue) => issue.code)).toEqual(
      expect.arrayContaining(['100', 'previous-year']),
    );

    const csv = await api(`/submissions/${submissionId}/report?format=csv`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).split('\r\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(report.rows.length);
  });

  it('refuses the sample as written, whose header names another council, and records nothing for Kent', async () => {
    const started = await api('/submissions', {
      method: 'POST',
      body: JSON.stringify({
        returnType: 'cin',
        collectionYear: YEAR,
        files: [declareFile(SAMPLE, asWritten)],
      }),
    });
    expect(started.status, await started.clone().text()).toBe(201);
    const { submissionId, uploads } = (await started.json()) as {
      submissionId: string;
      uploads: { url: string; headers: Record<string, string> }[];
    };
    const put = await fetch(uploads[0]!.url, {
      method: 'PUT',
      headers: uploads[0]!.headers,
      body: asWritten,
    });
    expect(put.ok).toBe(true);
    const refused = await eventually(
      async () => {
        const view = (await (await api(`/submissions/${submissionId}`)).json()) as SubmissionView;
        return view.outcome ? view : undefined;
      },
      'the other council’s CIN census to be refused',
      60_000,
    );
    expect(refused.status).toBe('rejected');
    const report = (await (await api(`/submissions/${submissionId}/report`)).json()) as CinValidationReport;
    expect(report.blockingErrors.map((error) => error.kind)).toEqual(['wrong-council']);
    expect(report.blockingErrors[0]!.message).toMatch(/council "975".*Kent \(886\)/);
  });

  it('recomputes Kent’s CIN indicators from the return', async () => {
    type CouncilView = { indicators: { code: string; provenance: string | null; value: number | null }[] };
    const kent = await eventually(
      async () => {
        const response = await api(`/indicators/councils/886?period=${YEAR}`);
        if (response.status !== 200) return undefined;
        const body = (await response.json()) as CouncilView;
        const uploaded = body.indicators.filter((entry) => entry.provenance === 'uploaded');
        return uploaded.length > 0 ? uploaded : undefined;
      },
      'Kent’s uploaded CIN figures to be recomputed',
      60_000,
    );
    const codes = kent.map((entry) => entry.code);
    expect(codes).toEqual(expect.arrayContaining(['referral-rate', 'referrals-no-further-action']));
    // Every referral in the sample's year was closed with no further action.
    expect(kent.find((entry) => entry.code === 'referrals-no-further-action')?.value).toBe(100);
  });

  it('stores no UPN, LA child ID or full date of birth from the sample anywhere but the raw uploads', async () => {
    const xml = sample.toString('utf8');
    const values = (element: string) =>
      [...xml.matchAll(new RegExp(`<${element}>([^<]*)</${element}>`, 'g'))].map((match) => match[1]!.trim());
    const upns = new Set([...values('UPN'), ...values('FormerUPN')].filter(Boolean));
    const childIds = new Set(values('LAchildID').filter((id) => id.length >= 5));
    // A date of birth on the 1st of a month is its own degraded form; one that is also the date of some
    // event in the sample (a referral, a conference…) would be found as that event, so neither proves anything.
    const birthElements = new Set(['PersonBirthDate', 'ExpectedPersonBirthDate']);
    const eventDates = new Set(
      [...xml.matchAll(/<(\w+)>(\d{4}-\d{2}-\d{2})<\/\1>/g)]
        .filter((match) => !birthElements.has(match[1]!))
        .map((match) => match[2]!),
    );
    const birthDates = new Set(
      [...values('PersonBirthDate'), ...values('ExpectedPersonBirthDate')].filter(
        (date) => !date.endsWith('-01') && !eventDates.has(date),
      ),
    );
    expect(upns.size).toBeGreaterThan(300);
    expect(childIds.size).toBe(332);
    expect(birthDates.size).toBeGreaterThan(200);

    const stored: string[] = [];
    const keys: string[] = [];
    const skipped: string[] = [];
    for (const bucket of cloud.model.buckets) {
      let token: string | undefined;
      do {
        const listing = await cloud.clients.s3.send(
          new ListObjectsV2Command({ Bucket: bucket.name, ContinuationToken: token }),
        );
        for (const object of listing.Contents ?? []) {
          // The raw uploads are the council's own file, encrypted and deleted after the retention period.
          const body = await cloud.clients.s3.send(
            new GetObjectCommand({ Bucket: bucket.name, Key: object.Key }),
          );
          const text = await body.Body!.transformToString('utf8');
          if (object.Key!.startsWith('uploads/')) skipped.push(text);
          else {
            keys.push(object.Key!);
            stored.push(text);
          }
        }
        token = listing.NextContinuationToken;
      } while (token);
    }
    stored.push(...(await everyStoredItem(cloud)).map((item) => JSON.stringify(item)));

    // The report and the curated extract were among what was scanned.
    const prefix = `886/cin/${YEAR}/${submission.submissionId}/`;
    expect(keys).toEqual(
      expect.arrayContaining([
        `reports/${prefix}report.json`,
        `reports/${prefix}report.csv`,
        `curated/${prefix}Children.csv`,
        `curated/${prefix}CINdetails.csv`,
      ]),
    );
    const split = (text: string) => text.split(/[",\r\n{}:[\]<>\s]+/);
    // The scan finds the sample's values where they are (the raw upload, left out of the check below).
    const raw = skipped.flatMap(split);
    expect(raw.filter((field) => upns.has(field)).length).toBeGreaterThan(300);
    expect(raw.filter((field) => birthDates.has(field)).length).toBeGreaterThan(200);
    const fields = stored.flatMap(split);
    expect(fields.length).toBeGreaterThan(10_000);
    expect(fields.filter((field) => upns.has(field))).toEqual([]);
    expect(fields.filter((field) => childIds.has(field))).toEqual([]);
    expect(fields.filter((field) => birthDates.has(field))).toEqual([]);
    // And as substrings of anything stored (a UPN is 13 characters: no chance match).
    const everything = stored.join('\n');
    for (const upn of upns) expect(everything.includes(upn), upn).toBe(false);
  });
});
