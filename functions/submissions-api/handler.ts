// Primary adapter: the submissions part of the HTTP API. Councils see their own submissions only.
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { dynamoDocumentClient } from '#adapters/aws-clients';
import { DynamoSubmissionStore } from '#adapters/dynamo-submission-store';
import { type ApiEvent, type ApiResult, callerRoles, json, problem } from '#adapters/http';
import { loadEnv, nonEmpty } from '#config/env';
import { canActForCouncil } from '#domain/roles';

const env = loadEnv({ TABLE_NAME: nonEmpty });
const logger = new Logger();
const store = new DynamoSubmissionStore(dynamoDocumentClient(), env.TABLE_NAME);

async function getSubmission(event: ApiEvent): Promise<ApiResult> {
  const submissionId = event.pathParameters?.submissionId;
  if (!submissionId) return problem(400, 'The submission reference is missing from the address.');
  const roles = callerRoles(event);
  const submission = await store.getSubmission(submissionId);
  if (!submission) return problem(404, `There is no submission with reference ${submissionId}.`);
  if (!canActForCouncil(roles, submission.la)) {
    return problem(
      403,
      'This submission belongs to another council. You can only see your own council’s submissions.',
    );
  }
  return json(200, submission);
}

export const handler = middy<ApiEvent, ApiResult, Error, Context>()
  .use(injectLambdaContext(logger))
  .handler(async (event) => {
    if (event.routeKey === 'GET /submissions/{submissionId}') return getSubmission(event);
    return problem(404, `No such route: ${event.routeKey}`);
  });
