// Primary-adapter helpers for the HTTP API (API Gateway v2, payload 2.0, JWT authoriser).

import type middy from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2 } from 'aws-lambda';
import {
  MACHINE_CREDENTIALS_REFUSED,
  type MachineCaller,
  machineCallerOf,
} from '../domain/machine-caller.ts';
import { parseGroupsClaim, type Role, rolesFromGroups } from '../domain/roles.ts';

export type ApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type ApiResult = APIGatewayProxyResultV2;

export function callerRoles(event: ApiEvent): Role[] {
  const claims = event.requestContext.authorizer?.jwt?.claims ?? {};
  return rolesFromGroups(parseGroupsClaim(claims['cognito:groups']));
}

/** The council's machine client behind the token, or undefined for a person. */
export function machineCaller(event: ApiEvent): MachineCaller | undefined {
  return machineCallerOf(event.requestContext.authorizer?.jwt?.claims ?? {});
}

/**
 * Middleware for every route but the submissions routes: a machine token gets 403 in words, before the
 * handler runs, whatever the route would make of a caller with no role.
 */
export function refuseMachineCredentials(): middy.MiddlewareObj<ApiEvent, ApiResult> {
  return {
    before: (request) =>
      machineCaller(request.event) ? problem(403, MACHINE_CREDENTIALS_REFUSED) : undefined,
  };
}

export function json(statusCode: number, body: unknown): ApiResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify(body),
  };
}

/** Who is calling: their roles (from the token's groups) and their subject, for the record. */
export function callerOf(event: ApiEvent): { roles: Role[]; subject: string } {
  return {
    roles: callerRoles(event),
    subject: String(event.requestContext.authorizer?.jwt?.claims?.sub ?? 'unknown'),
  };
}

export type JsonBody =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly refusal: ApiResult };

/**
 * The request's body read as JSON (`whenEmpty` when there is none), or the 400 that says it is not JSON,
 * followed by what that means for the request (e.g. "The adviser was not saved.").
 */
export function jsonBody(
  event: ApiEvent,
  options: { whenEmpty?: unknown; consequence?: string } = {},
): JsonBody {
  if (!event.body) return { ok: true, value: options.whenEmpty };
  try {
    const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const consequence = options.consequence ? ` ${options.consequence}` : '';
    return { ok: false, refusal: problem(400, `The request body is not valid JSON.${consequence}`) };
  }
}

/** A refusal in words a person can act on. */
export function problem(statusCode: number, message: string): ApiResult {
  return json(statusCode, { message });
}

/** What a reference in an address may be: every id, code and slug the API hands out fits. */
const PATH_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * A 400 for an address whose references cannot be any of ours (too long, control characters, a stray %,
 * spaces): refused at the edge, before a store is asked, so it can never become a 500. Undefined when fine.
 */
export function malformedAddress(event: ApiEvent): ApiResult | undefined {
  for (const [name, value] of Object.entries(event.pathParameters ?? {})) {
    if (value !== undefined && !PATH_REFERENCE.test(value)) {
      return problem(
        400,
        `The address is not valid: the ${name} in it can only have letters, digits, dots, hyphens and underscores (no spaces), and at most 100 characters.`,
      );
    }
  }
  return undefined;
}
