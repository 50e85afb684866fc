// Primary adapter: the web app behind the HTTP API's default route (and CloudFront in AWS). Turns the
// API Gateway event into a plain request for the app in shared/web and the app's answer back.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import * as z from 'zod';
import { dynamoDocumentClient } from '#adapters/aws-clients';
import { DynamoWebSessionStore } from '#adapters/dynamo-web-session-store';
import { loadEnv, nonEmpty } from '#config/env';
import { createWebApp } from '../../shared/web/app.ts';
import { parseCookies } from '../../shared/web/http.ts';
import { createRenderer, templateSearchPaths } from '../../shared/web/render.ts';

const env = loadEnv({
  TABLE_NAME: nonEmpty,
  API_URL: z.url(),
  APP_URL: z.url(),
  AUTH_URL: z.url(),
  AUTH_CLIENT_ID: nonEmpty,
});
const logger = new Logger();
const app = createWebApp({
  appUrl: env.APP_URL.replace(/\/+$/, ''),
  apiUrl: env.API_URL,
  auth: { baseUrl: env.AUTH_URL, clientId: env.AUTH_CLIENT_ID },
  sessions: new DynamoWebSessionStore(dynamoDocumentClient(), env.TABLE_NAME),
  render: createRenderer(templateSearchPaths(path.dirname(fileURLToPath(import.meta.url)))),
});

export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context>()
  .use(injectLambdaContext(logger))
  .handler(async (event) => {
    const rawBody = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
    const response = await app.handle({
      method: event.requestContext.http.method,
      path: event.rawPath,
      query: new URLSearchParams(event.rawQueryString),
      headers: event.headers as Record<string, string>,
      cookies: parseCookies(event.cookies ?? []),
      body: rawBody.toString('utf8'),
      rawBody,
    });
    return {
      statusCode: response.status,
      headers: response.headers,
      ...(response.cookies?.length ? { cookies: [...response.cookies] } : {}),
      body: response.body,
      isBase64Encoded: Boolean(response.base64),
    };
  });
