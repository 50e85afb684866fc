// Primary adapter: the submissions part of the HTTP API. Councils start submissions, upload through
// short-lived addresses, and read their own submissions and validation reports, never another council's.
// A council's automated extract does the same with its machine token, for its own council only.
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { GetObjectCommand, NoSuchKey, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { dynamoDocumentClient, s3Client } from '#adapters/aws-clients';
import { DynamoMachineClientStore } from '#adapters/dynamo-machine-client-store';
import { DynamoSubmissionStore } from '#adapters/dynamo-submission-store';
import {
  type ApiEvent,
  type ApiResult,
  callerOf,
  json,
  jsonBody,
  machineCaller,
  malformedAddress,
  problem,
} from '#adapters/http';
import { loadEnv, nonEmpty } from '#config/env';
import { canActForCouncil, type Role } from '#domain/roles';
import type { Submission } from '#ports/submissions';
import { machineRoles } from '#use-cases/machine-clients';
import { startSubmission, UPLOAD_URL_SECONDS } from '#use-cases/start-submission';

const env = loadEnv({
  TABLE_NAME: nonEmpty,
  UPLOADS_BUCKET: nonEmpty,
  MAX_UPLOAD_BYTES: z.coerce.number().int().positive(),
});
const logger = new Logger();
const store = new DynamoSubmissionStore(dynamoDocumentClient(), env.TABLE_NAME);
const machineClients = new DynamoMachineClientStore(dynamoDocumentClient(), env.TABLE_NAME);

interface Caller {
  readonly roles: Role[];
  readonly subject: string;
}

/** A person acts with their groups' roles; a machine token with its council's, while its client is current. */
async function callerFor(event: ApiEvent): Promise<Caller> {
  const machine = machineCaller(event);
  if (!machine) return callerOf(event);
  return {
    roles: await machineRoles(machine, machineClients),
    subject: `machine-client:${machine.clientId}`,
  };
}

const MACHINE_NOT_CURRENT =
  'These machine credentials are not current (revoked or replaced) or are not for a council: ask an administrator for new ones.';

async function createSubmission(event: ApiEvent, caller: Caller): Promise<ApiResult> {
  const body = jsonBody(event);
  if (!body.ok) return body.refusal;
  const now = new Date();
  const result = await startSubmission(body.value, caller, {
    submissions: store,
    maxFileBytes: env.MAX_UPLOAD_BYTES,
    now,
  });
  if (!result.ok) return problem(result.status, result.message);
  const expiresAt = new Date(now.getTime() + UPLOAD_URL_SECONDS * 1000).toISOString();
  const uploads = await Promise.all(
    result.uploads.map(async (upload) => ({
      fileName: upload.fileName,
      method: 'PUT',
      // Size, checksum and "only if nothing is there yet" are signed into the address: S3 refuses any other
      // length or bytes, and any second write to the key, so a stored upload cannot be replaced.
      url: await getSignedUrl(
        s3Client(),
        new PutObjectCommand({
          Bucket: env.UPLOADS_BUCKET,
          Key: upload.key,
          ContentLength: upload.size,
          ChecksumSHA256: Buffer.from(upload.sha256, 'hex').toString('base64'),
          IfNoneMatch: '*',
        }),
        {
          expiresIn: UPLOAD_URL_SECONDS,
          signableHeaders: new Set(['content-length', 'x-amz-checksum-sha256', 'if-none-match']),
          unhoistableHeaders: new Set(['x-amz-checksum-sha256']),
        },
      ),
      headers: {
        'content-length': String(upload.size),
        'x-amz-checksum-sha256': Buffer.from(upload.sha256, 'hex').toString('base64'),
        'if-none-match': '*',
      },
      expiresAt,
    })),
  );
  logger.info('Submission started', {
    submissionId: result.submission.submissionId,
    la: result.submission.la,
    files: uploads.length,
  });
  return json(201, {
    submissionId: result.submission.submissionId,
    status: 'awaiting_files',
    message:
      'Upload each file to its address with PUT before it expires. Processing starts when the last file arrives.',
    uploads,
  });
}

function view(submission: Submission) {
  const received = new Set(submission.files.map((file) => file.fileName));
  return {
    submissionId: submission.submissionId,
    la: submission.la,
    returnType: submission.returnType,
    collectionYear: submission.collectionYear,
    status: submission.status,
    createdAt: submission.createdAt,
    files: submission.declaredFiles.map((declared) => {
      const file = submission.files.find((candidate) => candidate.fileName === declared.name);
      return {
        fileName: declared.name,
        declaredSize: declared.size,
        ...(declared.sha256 ? { declaredSha256: declared.sha256 } : {}),
        received: received.has(declared.name),
        ...(file ? { size: file.size, sha256: file.sha256, receivedAt: file.receivedAt } : {}),
      };
    }),
    ...(submission.outcome
      ? {
          outcome: {
            status: submission.outcome.status,
            summary: submission.outcome.summary,
            problems: submission.outcome.problems,
            children: submission.outcome.children,
            finishedAt: submission.outcome.finishedAt,
            ...(submission.outcome.duplicateOf ? { duplicateOf: submission.outcome.duplicateOf } : {}),
            ...(submission.outcome.supersedes ? { supersedes: submission.outcome.supersedes } : {}),
          },
          report: submission.outcome.reportKeys
            ? {
                json: `/submissions/${submission.submissionId}/report`,
                csv: `/submissions/${submission.submissionId}/report?format=csv`,
              }
            : undefined,
        }
      : {}),
    ...(submission.supersededBy ? { supersededBy: submission.supersededBy } : {}),
  };
}

type Owned = { submission: Submission } | { refusal: ApiResult };

async function ownSubmission(event: ApiEvent, caller: Caller): Promise<Owned> {
  const submissionId = event.pathParameters?.submissionId;
  if (!submissionId)
    return { refusal: problem(400, 'The submission reference is missing from the address.') };
  const submission = await store.getSubmission(submissionId);
  if (!submission) return { refusal: problem(404, `There is no submission with reference ${submissionId}.`) };
  if (!canActForCouncil(caller.roles, submission.la)) {
    return {
      refusal: problem(
        403,
        'This submission belongs to another council. You can only see your own council’s submissions.',
      ),
    };
  }
  return { submission };
}

/**
 * Lambda returns at most 6 MiB through API Gateway, and a report quotes rows, so a large return's report
 * would not fit (the demo return's is 6.2 MB). Reports up to this size come inline; larger ones are
 * fetched from S3 through a short-lived address the answer redirects to.
 */
const INLINE_REPORT_BYTES = 1024 * 1024;
const REPORT_URL_SECONDS = 5 * 60;

async function getReport(event: ApiEvent, caller: Caller): Promise<ApiResult> {
  const owned = await ownSubmission(event, caller);
  if ('refusal' in owned) return owned.refusal;
  const { submission } = owned;
  const keys = submission.outcome?.reportKeys;
  if (!keys)
    return problem(
      409,
      `The report for ${submission.submissionId} is not ready: the submission is ${submission.status.replace('_', ' ')}.`,
    );
  const wantsCsv =
    event.queryStringParameters?.format === 'csv' || /text\/csv/.test(event.headers.accept ?? '');
  const contentType = wantsCsv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8';
  const disposition = wantsCsv ? `attachment; filename="${submission.submissionId}-report.csv"` : undefined;
  const key = wantsCsv ? keys.csv : keys.json;
  try {
    const object = await s3Client().send(new GetObjectCommand({ Bucket: env.UPLOADS_BUCKET, Key: key }));
    if ((object.ContentLength ?? 0) > INLINE_REPORT_BYTES) {
      (object.Body as { destroy?: () => void } | undefined)?.destroy?.();
      const url = await getSignedUrl(
        s3Client(),
        new GetObjectCommand({
          Bucket: env.UPLOADS_BUCKET,
          Key: key,
          ResponseContentType: contentType,
          ...(disposition ? { ResponseContentDisposition: disposition } : {}),
          ResponseCacheControl: 'no-store',
        }),
        { expiresIn: REPORT_URL_SECONDS },
      );
      return {
        statusCode: 303,
        headers: { location: url, 'cache-control': 'no-store', 'content-type': 'application/json' },
        body: JSON.stringify({
          message: `The report is large (${Math.round((object.ContentLength ?? 0) / 1_048_576)} MB): download it from this address within ${REPORT_URL_SECONDS / 60} minutes.`,
          url,
          expiresAt: new Date(Date.now() + REPORT_URL_SECONDS * 1000).toISOString(),
        }),
      };
    }
    const body = await object.Body!.transformToString('utf-8');
    return {
      statusCode: 200,
      headers: {
        'content-type': contentType,
        ...(disposition ? { 'content-disposition': disposition } : {}),
        'cache-control': 'no-store',
      },
      body,
    };
  } catch (error) {
    if (error instanceof NoSuchKey)
      return problem(
        410,
        'This report has been deleted: reports are kept for the same time as the uploaded files.',
      );
    throw error;
  }
}

async function listSubmissions(caller: Caller): Promise<ApiResult> {
  const councils = caller.roles.flatMap((role) => (role.kind === 'council' ? [role.la] : []));
  if (councils.length === 0) return problem(403, 'Only a council’s own data team can see its submissions.');
  const lists = await Promise.all(
    councils.map(async (la) => ({ la, submissions: await store.listSubmissions(la) })),
  );
  return json(200, { councils: lists });
}

export const handler = middy<ApiEvent, ApiResult, Error, Context>()
  .use(injectLambdaContext(logger))
  .handler(async (event) => {
    const malformed = malformedAddress(event);
    if (malformed) return malformed;
    const caller = await callerFor(event);
    if (machineCaller(event) && caller.roles.length === 0) return problem(403, MACHINE_NOT_CURRENT);
    switch (event.routeKey) {
      case 'POST /submissions':
        return createSubmission(event, caller);
      case 'GET /submissions':
        return listSubmissions(caller);
      case 'GET /submissions/{submissionId}': {
        const owned = await ownSubmission(event, caller);
        return 'refusal' in owned ? owned.refusal : json(200, view(owned.submission));
      }
      case 'GET /submissions/{submissionId}/report':
        return getReport(event, caller);
      default:
        return problem(404, `No such route: ${event.routeKey}`);
    }
  });
