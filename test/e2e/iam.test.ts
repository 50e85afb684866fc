// End to end with IAM enforced: every function calls the emulators with its own credentials, and the front
// before them allows only what the synthesized template grants that function's role, as AWS would.
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../infra/local/local-cloud.ts';
import { LOCAL_REGION } from '../../infra/local/model.ts';
import { declareFile } from '../../scripts/demo/submit.ts';
import type { CinValidationReport } from '../../shared/domain/cin/report.ts';
import { census } from '../integration/helpers/cin-census.ts';
import { eventually } from '../integration/helpers/emulators.ts';
import { startTestCloud } from './helpers/test-cloud.ts';

describe('IAM enforced in the local cloud', () => {
  let cloud: LocalCloud;
  const logs: string[] = [];

  beforeAll(async () => {
    cloud = await startTestCloud({ logs });
  });
  afterAll(async () => {
    await cloud?.stop();
  });

  /** The credentials and endpoints a function runs with. */
  const as = (functionName: string) => {
    const environment = cloud.functionEnvironment(functionName);
    const common = {
      region: LOCAL_REGION,
      credentials: {
        accessKeyId: environment.AWS_ACCESS_KEY_ID!,
        secretAccessKey: environment.AWS_SECRET_ACCESS_KEY!,
      },
      maxAttempts: 1,
    };
    return {
      environment,
      s3: new S3Client({ ...common, endpoint: environment.AWS_ENDPOINT_URL_S3, forcePathStyle: true }),
      sqs: new SQSClient({
        ...common,
        endpoint: environment.AWS_ENDPOINT_URL_SQS,
        useQueueUrlAsEndpoint: false,
      }),
      dynamo: new DynamoDBClient({ ...common, endpoint: environment.AWS_ENDPOINT_URL_DYNAMODB }),
      ses: new SESv2Client({ ...common, endpoint: environment.AWS_ENDPOINT_URL_SESV2 }),
    };
  };

  it('gives each function credentials of its own, and denies what its role is not granted, with AWS’s errors', async () => {
    const review = as('risk-review');
    expect(review.environment.AWS_ACCESS_KEY_ID).toBe('RiskReview');
    const uploads = cloud.functionEnvironment('submissions-api').UPLOADS_BUCKET!;
    const table = cloud.functionEnvironment('submissions-api').TABLE_NAME!;
    // Granted: risk-review sends to the recompute queue.
    await review.sqs.send(
      new SendMessageCommand({
        QueueUrl: review.environment.RECOMPUTE_QUEUE_URL,
        MessageBody: JSON.stringify({ type: 'Probe' }),
        MessageGroupId: 'probe',
        MessageDeduplicationId: `probe-${Date.now()}`,
      }),
    );
    // Not granted: reading uploads, listing them, reading the table.
    await expect(review.s3.send(new ListObjectsV2Command({ Bucket: uploads }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: expect.stringMatching(
        /assumed-role\/.+\/.*RiskReview.* is not authorized to perform: s3:ListBucket on resource: arn:aws:s3:::/,
      ),
    });
    await expect(
      review.s3.send(new GetObjectCommand({ Bucket: uploads, Key: 'reports/886/x.json' })),
    ).rejects.toMatchObject({ name: 'AccessDenied' });
    await expect(
      review.dynamo.send(new GetItemCommand({ TableName: table, Key: { pk: { S: 'x' }, sk: { S: 'y' } } })),
    ).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining(`dynamodb:GetItem on resource: arn:aws:dynamodb:${LOCAL_REGION}:`),
    });
    // notify may send email only from the stage's sender address (ses:FromAddress).
    const notify = as('notify');
    const email = (from: string) =>
      notify.ses.send(
        new SendEmailCommand({
          FromEmailAddress: from,
          Destination: { ToAddresses: ['adviser@example.org'] },
          Content: { Simple: { Subject: { Data: 'Probe' }, Body: { Text: { Data: 'Probe' } } } },
        }),
      );
    await expect(email(notify.environment.FROM_ADDRESS!)).resolves.toBeDefined();
    const domain = notify.environment.FROM_ADDRESS!.split('@')[1];
    await expect(email(`someone-else@${domain}`)).rejects.toMatchObject({ name: 'AccessDeniedException' });
    // Anonymous calls are refused outright.
    const anonymous = await fetch(`${cloud.urls.s3}/${uploads}?list-type=2`);
    expect(anonymous.status).toBe(403);
    expect(await anonymous.text()).toContain('<Code>AccessDenied</Code>');
    for (const client of [review, notify]) {
      client.s3.destroy();
      client.sqs.destroy();
      client.dynamo.destroy();
      client.ses.destroy();
    }
  });

  it('links re-referrals to last year’s CIN return end to end, under the check', async () => {
    const token = await cloud.tokenFor('kent-data-officer');
    const api = (pathname: string, init: RequestInit = {}) =>
      fetch(`${cloud.urls.api}${pathname}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
      });
    const send = async (year: number, xml: string) => {
      const body = Buffer.from(xml);
      const started = await api('/submissions', {
        method: 'POST',
        body: JSON.stringify({
          returnType: 'cin',
          collectionYear: year,
          files: [declareFile('census.xml', body)],
        }),
      });
      expect(started.status, await started.clone().text()).toBe(201);
      const { submissionId, uploads } = (await started.json()) as {
        submissionId: string;
        uploads: { url: string; headers: Record<string, string> }[];
      };
      const put = await fetch(uploads[0]!.url, { method: 'PUT', headers: uploads[0]!.headers, body });
      expect(put.status, await put.clone().text()).toBe(200);
      return eventually(
        async () => {
          const view = (await (await api(`/submissions/${submissionId}`)).json()) as {
            submissionId: string;
            outcome?: { status: string };
          };
          return view.outcome ? view : undefined;
        },
        `CIN ${year} to be processed`,
        60_000,
      );
    };
    const started = performance.now();
    const first = await send(
      2024,
      census(2024, [
        { id: 'LINK1', referral: '2024-01-15', closure: '2024-02-20' },
        { id: 'LINK2', referral: '2023-05-02', closure: '2023-06-01' },
      ]),
    );
    expect(first.outcome?.status).toBe('accepted_with_issues');
    const second = await send(
      2025,
      census(2025, [
        { id: 'LINK1', referral: '2024-11-04' }, // 10 months after the 2024-01-15 referral
        { id: 'LINK2', referral: '2024-06-03' }, // 13 months after the 2023-05-02 referral
        { id: 'NEW1', referral: '2024-09-02' },
      ]),
    );
    const report = (await (
      await api(`/submissions/${second.submissionId}/report`)
    ).json()) as CinValidationReport;
    const previousYear = report.councilIssues.find((issue) => issue.code === 'previous-year');
    expect(previousYear?.message).toBe(
      `Re-referrals were linked to the referrals in this council's 2023/24 return (submission ${first.submissionId}).`,
    );
    expect(logs.filter((line) => line.startsWith('[iam]') && line.includes('IngestReturn'))).toEqual([]);
    console.log(
      `two CIN returns through the API under the IAM check: ${Math.round(performance.now() - started)} ms`,
    );
  });
});
