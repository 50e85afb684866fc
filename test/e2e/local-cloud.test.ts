// End to end through the local cloud: the synthesized template, the real emulators and the unchanged bundles.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAssembly } from '../../infra/local/assembly.ts';
import { type LocalCloud, startLocalCloud } from '../../infra/local/local-cloud.ts';
import { eventually } from '../integration/helpers/emulators.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const assemblyDir = path.join(root, 'cdk.out');

describe('local cloud end to end', () => {
  let cloud: LocalCloud;
  const logs: string[] = [];

  beforeAll(async () => {
    ensureAssembly(root, assemblyDir, () => {});
    cloud = await startLocalCloud({
      assemblyDir,
      ports: { api: 0, console: 0, awsServices: 0, dynamodb: 0, ses: 0 },
      log: (source, line) => logs.push(`[${source}] ${line}`),
      pollWaitSeconds: 1,
    });
  });
  afterAll(async () => {
    await cloud?.stop();
  });

  const uploadsBucket = () =>
    cloud.model.buckets.find((bucket) => cloud.model.notifications.some((n) => n.bucketName === bucket.name))!
      .name;
  const tableName = () => cloud.model.tables[0]!.name;
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

  it('records an upload put under the key convention, with its size and checksum', async () => {
    const submissionId = 'SUB-E2E-0001';
    const body = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n';
    await cloud.clients.s3.send(
      new PutObjectCommand({
        Bucket: uploadsBucket(),
        Key: `uploads/886/ssda903/2026/${submissionId}/Header 2026.csv`,
        Body: body,
      }),
    );
    const token = await cloud.tokenFor('kent-data-officer');
    const submission = await eventually(async () => {
      const response = await api(`/submissions/${submissionId}`, token);
      return response.status === 200
        ? ((await response.json()) as {
            files: { fileName: string; size: number; sha256: string; status: string }[];
          })
        : undefined;
    }, 'the submission to be recorded');
    expect(submission).toMatchObject({
      submissionId,
      la: '886',
      returnType: 'ssda903',
      collectionYear: 2026,
      status: 'received',
    });
    expect(submission.files).toEqual([
      expect.objectContaining({
        fileName: 'Header 2026.csv',
        size: Buffer.byteLength(body),
        sha256: createHash('sha256').update(body).digest('hex'),
        status: 'received',
      }),
    ]);
  });

  it('processes a re-upload of identical content once', async () => {
    const submissionId = 'SUB-E2E-0002';
    const key = `uploads/886/ssda903/2026/${submissionId}/episodes.csv`;
    await cloud.clients.s3.send(
      new PutObjectCommand({ Bucket: uploadsBucket(), Key: key, Body: 'CHILD,DECOM\n1,01/04/2025\n' }),
    );
    const first = await eventually(
      async () =>
        (await submissionItems(submissionId)).length === 2 ? submissionItems(submissionId) : undefined,
      'the first upload',
    );
    await cloud.clients.s3.send(
      new PutObjectCommand({ Bucket: uploadsBucket(), Key: key, Body: 'CHILD,DECOM\n1,01/04/2025\n' }),
    );
    await eventually(
      async () => ((await queueDepth(ingestQueue())) === 0 ? true : undefined),
      'the ingest queue to drain',
    );
    const after = await submissionItems(submissionId);
    expect(after).toHaveLength(2);
    expect(after.find((item) => item.sk?.S === 'FILE#episodes.csv')?.receivedAt).toEqual(
      first.find((item) => item.sk?.S === 'FILE#episodes.csv')?.receivedAt,
    );
  });

  it('refuses a key outside the convention without retrying it, and acknowledges the S3 test event', async () => {
    await cloud.clients.s3.send(
      new PutObjectCommand({
        Bucket: uploadsBucket(),
        Key: 'uploads/999/ssda903/2026/SUB-E2E-0003/x.csv',
        Body: 'x',
      }),
    );
    await eventually(
      async () =>
        logs.some((line) => line.includes('Upload refused') && line.includes('999')) ? true : undefined,
      'the refusal to be logged',
    );
    await eventually(
      async () => ((await queueDepth(ingestQueue())) === 0 ? true : undefined),
      'the ingest queue to drain',
    );
    expect(await submissionItems('SUB-E2E-0003')).toHaveLength(0);
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
    expect((await api('/submissions/SUB-E2E-0001')).status).toBe(401);
    expect(
      (await api('/submissions/SUB-E2E-0001', `${header}.${elevated}.${token.split('.')[2]}`)).status,
    ).toBe(401);
    expect((await api('/submissions/SUB-E2E-0001', `${header}.${payload}.`)).status).toBe(401);
    const barnet = await api('/submissions/SUB-E2E-0001', await cloud.tokenFor('barnet-data-officer'));
    expect(barnet.status).toBe(403);
    expect(((await barnet.json()) as { message: string }).message).toMatch(/another council/);
  });
});
