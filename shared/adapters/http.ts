// Primary-adapter helpers for the HTTP API (API Gateway v2, payload 2.0, JWT authoriser).
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2 } from 'aws-lambda';
import { parseGroupsClaim, type Role, rolesFromGroups } from '../domain/roles.ts';

export type ApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type ApiResult = APIGatewayProxyResultV2;

export function callerRoles(event: ApiEvent): Role[] {
  const claims = event.requestContext.authorizer?.jwt?.claims ?? {};
  return rolesFromGroups(parseGroupsClaim(claims['cognito:groups']));
}

export function json(statusCode: number, body: unknown): ApiResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify(body),
  };
}

/** A refusal in words a person can act on. */
export function problem(statusCode: number, message: string): ApiResult {
  return json(statusCode, { message });
}
