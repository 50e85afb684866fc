// Use case support: the one shape of a request a use case will not carry out, with the HTTP status that says
// why (400 the request itself, 403 not theirs to ask, 404 nothing there, 409 changed meanwhile) and a message
// a council officer or adviser can act on. Handlers send it as it is.
import { plainIssues, type ValidationIssue } from '../domain/plain-issues.ts';

export type RefusalStatus = 400 | 403 | 404 | 409;

export interface Refusal {
  readonly ok: false;
  readonly status: RefusalStatus;
  readonly message: string;
}

export const refuse = (status: RefusalStatus, message: string): Refusal => ({ ok: false, status, message });

/** A 400 for a body its schema refused: `lead` (what did not happen), then each problem in plain words. */
export function refuseInvalid(issues: readonly ValidationIssue[], lead?: string): Refusal {
  const problems = plainIssues(issues);
  return refuse(400, lead ? `${lead} ${problems}` : problems);
}
