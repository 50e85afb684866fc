// End to end through the local cloud: a workforce census and in-year submissions sent through the API as a
// council's browser sends them, processed by the unchanged ingest and recompute bundles, their reports
// fetched, a revised month that replaces (not adds to) the earlier one, the indicators recomputed, and
// no social worker identifier or date of birth anywhere outside the raw uploads.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../infra/local/local-cloud.ts';
import { declareFile } from '../../scripts/demo/submit.ts';
import type { CouncilLevelReport } from '../../shared/domain/returns/report.ts';
import { eventually } from '../integration/helpers/emulators.ts';
import { generateCensus } from '../unit/workforce/helpers/csww-generator.ts';
import { everyStoredItem, startTestCloud, tableNameOf, uploadsBucketOf } from './helpers/test-cloud.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXAMPLE = readFileSync(path.join(root, 'docs', 'inyear-example.csv'));

interface View {
  submissionId: string;
  status: string;
  outcome?: { status: string; summary: string; problems: number; supersedes?: string; duplicateOf?: string };
}

describe('workforce census and in-year dataset through the local cloud', () => {
  let cloud: LocalCloud;
  const logs: string[] = [];

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

  /** Starts a submission, PUTs each file to its presigned address and waits for the outcome. */
  async function submit(
    returnType: string,
    collectionYear: number,
    files: { name: string; body: Buffer }[],
  ): Promise<View> {
    const authorization = `Bearer ${await token()}`;
    const started = await fetch(`${cloud.urls.api}/submissions`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({
        returnType,
        collectionYear,
        files: files.map((file) => declareFile(file.name, file.body)),
      }),
    });
    expect(started.status, await started.clone().text()).toBe(201);
    const { submissionId, uploads } = (await started.json()) as {
      submissionId: string;
      uploads: { fileName: string; url: string; headers: Record<string, string> }[];
    };
    for (const upload of uploads) {
      const file = files.find((candidate) => candidate.name === upload.fileName)!;
      const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: file.body });
      expect(put.ok, `PUT ${file.name}`).toBe(true);
    }
    return eventually(async () => {
      const view = (await (await api(`/submissions/${submissionId}`)).json()) as View;
      return view.outcome ? view : undefined;
    }, `submission ${submissionId} to be processed`);
  }

  const report = async (submissionId: string) => {
    const response = await api(`/submissions/${submissionId}/report`);
    expect(response.status).toBe(200);
    return (await response.json()) as CouncilLevelReport;
  };

  const queueDepth = async (name: string) => {
    const { Attributes } = await cloud.clients.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: cloud.queueUrls.get(name),
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    return (
      Number(Attributes?.ApproximateNumberOfMessages) +
      Number(Attributes?.ApproximateNumberOfMessagesNotVisible)
    );
  };

  const census = generateCensus({ la: '886', year: 2025, employed: 640, agency: 60, leavers: 85, seed: 29 });
  let censusSubmission: View;

  it('processes a workforce census sent through the API and reports its figures, as JSON and CSV', async () => {
    const rejected = await submit('csww', 2025, [
      { name: 'csww.xml', body: Buffer.from(generateCensus({ la: '212', year: 2025 }).xml) },
    ]);
    expect(rejected.status).toBe('rejected');
    expect((await report(rejected.submissionId)).blockingErrors[0]!.message).toMatch(
      /says it is the return of council .*\(212\) \(its header.s <LEA>\), but this submission is for council Kent \(886\)/,
    );

    censusSubmission = await submit('csww', 2025, [
      { name: 'CSWW_2025_886.xml', body: Buffer.from(census.xml) },
    ]);
    expect(censusSubmission.status).toBe('accepted');
    expect(censusSubmission.outcome?.summary).toBe('The return was read: 785 workers; no problems found.');
    const body = await report(censusSubmission.submissionId);
    expect(body).toMatchObject({ returnType: 'csww', status: 'accepted', records: 785 });
    expect(body.figures.inPostHeadcount).toBe(640);
    expect(body.figures.inPostFte).toBeCloseTo(census.expected.inPostFte, 6);
    expect(body.figures.cases).toBe(census.expected.cases);
    expect(body.figures.turnoverRatePercent).toBe(
      Math.round((census.expected.leaversFte / census.expected.inPostFte) * 1000) / 10,
    );
    const csv = await api(`/submissions/${censusSubmission.submissionId}/report?format=csv`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(await csv.text()).toMatch(/^\uFEFF?Type,Code,Record,Row,Field,Value,Count,Message\r\n/);

    const again = await submit('csww', 2025, [{ name: 'copy.xml', body: Buffer.from(census.xml) }]);
    expect(again.status).toBe('duplicate');
    expect(again.outcome?.duplicateOf).toBe(censusSubmission.submissionId);
  });

  const inyearRows = (rows: string[]) =>
    Buffer.from(`${EXAMPLE.toString('utf8').split('\n')[0]}\n${rows.join('\n')}\n`);
  const exampleLine = (month: string) =>
    EXAMPLE.toString('utf8')
      .split('\n')
      .find((line) => line.includes(`,${month},`))!;
  let firstInyear: View;
  let revisedInyear: View;

  it('processes in-year months, then a revised month that replaces the earlier figure without double counting', async () => {
    firstInyear = await submit('inyear', 2026, [{ name: 'kent-inyear-2025-09.csv', body: EXAMPLE }]);
    expect(firstInyear.status).toBe('accepted');
    const first = await report(firstInyear.submissionId);
    expect(first.months?.map((month) => month.change)).toEqual(Array(6).fill('new'));
    const referrals = [1432, 1518, 1476, 1389, 1204, 1561];
    expect(first.figures.referrals).toBe(referrals.reduce((a, b) => a + b));

    // May is corrected from 1,518 to 1,530 referrals, and October arrives.
    const may = exampleLine('2025-05').replace(',1518,', ',1530,');
    const october = exampleLine('2025-09').replace(',2025-09,', ',2025-10,').replace(',1561,', ',1499,');
    revisedInyear = await submit('inyear', 2026, [
      { name: 'kent-inyear-2025-10.csv', body: inyearRows([may, october]) },
    ]);
    expect(revisedInyear.status).toBe('accepted');
    expect(revisedInyear.outcome?.supersedes).toBe(firstInyear.submissionId);
    const revised = await report(revisedInyear.submissionId);
    expect(revised.months).toEqual([
      { month: '2025-05', change: 'revised' },
      { month: '2025-10', change: 'new' },
    ]);
    const expected = referrals.reduce((a, b) => a + b) - 1518 + 1530 + 1499;
    expect(revised.figures.referrals).toBe(expected);

    const documents = DynamoDBDocumentClient.from(cloud.clients.dynamo);
    const current = await documents.send(
      new GetCommand({
        TableName: tableName(),
        Key: { pk: 'COUNCIL#886', sk: 'AGGREGATES#inyear#2026' },
        ConsistentRead: true,
      }),
    );
    const item = current.Item as {
      submissionId: string;
      figures: Record<string, number>;
      months: { month: string; revision: number; figures: Record<string, number> }[];
    };
    expect(item.submissionId).toBe(revisedInyear.submissionId);
    expect(item.figures.referrals).toBe(expected);
    expect(item.months.find((month) => month.month === '2025-05')).toMatchObject({
      revision: 2,
      figures: { referrals: 1530 },
    });
    // Both states are kept: the history has one item per submission.
    const history = await documents.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': 'COUNCIL#886', ':sk': 'AGGREGATES#inyear#2026#' },
      }),
    );
    const states = (history.Items ?? []) as { submissionId: string; figures: Record<string, number> }[];
    expect(states.map((state) => [state.submissionId, state.figures.referrals]).sort()).toEqual(
      [
        [firstInyear.submissionId, referrals.reduce((a, b) => a + b)],
        [revisedInyear.submissionId, expected],
      ].sort(),
    );
  });

  it('recomputes Kent’s indicators from both: the census as uploaded values, the months as in-year values', async () => {
    type CouncilView = { indicators: { code: string; provenance: string | null; value: number | null }[] };
    const view = async (period: number) =>
      (await (await api(`/indicators/councils/886?period=${period}`)).json()) as CouncilView;
    const workforce = await eventually(async () => {
      const body = await view(2025);
      const turnover = body.indicators?.find((entry) => entry.code === 'sw-turnover-rate');
      return turnover?.provenance === 'uploaded' ? body : undefined;
    }, 'the census to be recomputed');
    const turnover = workforce.indicators.find((entry) => entry.code === 'sw-turnover-rate')!;
    expect(turnover.value).toBe(
      Math.round((census.expected.leaversFte / census.expected.inPostFte) * 1000) / 10,
    );
    const caseload = workforce.indicators.find((entry) => entry.code === 'average-caseload')!;
    expect(caseload).toMatchObject({
      provenance: 'uploaded',
      value: Math.round((census.expected.cases / census.expected.caseHolderFte) * 10) / 10,
    });

    const inyear = await eventually(async () => {
      const body = await view(2026);
      const entry = body.indicators?.find((each) => each.code === 'assessment-timeliness');
      return entry?.provenance === 'inyear' ? body : undefined;
    }, 'the in-year months to be recomputed');
    const timeliness = inyear.indicators.find((entry) => entry.code === 'assessment-timeliness')!;
    // Assessments within 45 days over completed, over the seven months held (May revised, October added).
    const within = 1189 + 1207 + 1236 + 1170 + 1049 + 1168 + 1168;
    const completed = 1390 + 1402 + 1455 + 1371 + 1226 + 1380 + 1380;
    expect(timeliness.value).toBe(Math.round((within / completed) * 1000) / 10);

    const recomputeDlq = cloud.model.queues.find(
      (queue) => /RecomputeQueue/.test(queue.name) && queue.deadLetter,
    )!;
    expect(await queueDepth(recomputeDlq.deadLetter!.queueName)).toBe(0);
    expect(logs.filter((line) => /Message failed/.test(line))).toEqual([]);
  });

  it('keeps no SWENo or worker date of birth anywhere but the raw uploads', async () => {
    const stored: string[] = [];
    for (const bucket of cloud.model.buckets) {
      const listing = await cloud.clients.s3.send(new ListObjectsV2Command({ Bucket: bucket.name }));
      for (const object of listing.Contents ?? []) {
        if (bucket.name === uploadsBucket() && object.Key!.startsWith('uploads/')) continue;
        const body = await cloud.clients.s3.send(
          new GetObjectCommand({ Bucket: bucket.name, Key: object.Key }),
        );
        stored.push(await body.Body!.transformToString('utf8'));
      }
    }
    // The reports are scanned too: they sit beside the uploads but under reports/.
    expect(
      stored.some(
        (text) => text.includes(censusSubmission.submissionId) || text.includes('"returnType": "csww"'),
      ),
    ).toBe(true);
    stored.push(...(await everyStoredItem(cloud)).map((item) => JSON.stringify(item)));
    const everything = stored.join('\n');
    expect(everything).toContain('sw-turnover-rate');
    const swe = census.sweNumbers.filter((number) => everything.includes(number));
    const births = census.birthDates.filter((date) => everything.includes(date));
    expect(swe).toEqual([]);
    expect(births).toEqual([]);
  });
});
