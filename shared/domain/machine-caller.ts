// Domain: telling a council's machine token (client-credentials grant) from a person's, from its claims.
import { COUNCIL_CLAIM, SUBMIT_SCOPE } from '../config/machine-credentials.ts';
import { findCouncil } from './councils.ts';

export interface MachineCaller {
  /** The app client the token was issued to. */
  readonly clientId: string;
  /** The council the token says it submits for (checked against the directory before it is trusted). */
  readonly la: string | undefined;
  /** Whether the token carries the scope that lets it submit. */
  readonly canSubmit: boolean;
}

/**
 * A machine token is an access token whose subject is its own client: Cognito writes `sub` = `client_id` for
 * the client-credentials grant, and a person's token always names the person. Undefined for a person.
 */
export function machineCallerOf(claims: Readonly<Record<string, unknown>>): MachineCaller | undefined {
  const clientId = typeof claims.client_id === 'string' ? claims.client_id : undefined;
  if (claims.token_use !== 'access' || !clientId || claims.sub !== clientId) return undefined;
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
  const la = typeof claims[COUNCIL_CLAIM] === 'string' ? (claims[COUNCIL_CLAIM] as string) : undefined;
  return { clientId, la: la && findCouncil(la) ? la : undefined, canSubmit: scopes.includes(SUBMIT_SCOPE) };
}

/** What every route but the submissions routes answers a machine token with. */
export const MACHINE_CREDENTIALS_REFUSED =
  'These are a council’s machine credentials: they can only send that council’s returns and read their status and reports (POST /submissions and GET /submissions). Sign in as a person for anything else.';
