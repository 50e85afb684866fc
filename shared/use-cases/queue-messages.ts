// Use case support: reading a queue message's body as one of our events, and the one error that says no retry
// can ever process it (a poison message), so that the handler sends it to the dead-letter queue with the reason.
import type * as z from 'zod';
import { plainIssues } from '../domain/plain-issues.ts';

/** A message no retry can fix: it goes to the dead-letter queue, for a person, with this error's message. */
export class PoisonMessageError extends Error {
  override readonly name = 'PoisonMessageError';
}

/** The body as JSON; a PoisonMessageError when it is not. */
export function messageJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new PoisonMessageError(`The message body is not JSON: ${JSON.stringify(body.slice(0, 80))}`);
  }
}

/** The message checked against an event schema; a PoisonMessageError naming the event and the problems. */
export function readEvent<Schema extends z.ZodType>(
  raw: unknown,
  schema: Schema,
  what: string,
): z.output<Schema> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new PoisonMessageError(`The message is not ${what}: ${plainIssues(parsed.error.issues)}`);
  return parsed.data;
}
