// The local user pool's machine clients: created through the pool's API, granted tokens with the
// client-credentials grant, and run through the pool's token trigger as Cognito does.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizationServer } from '../../../infra/local/authorization-server.ts';
import type { InvocationResult } from '../../../infra/local/functions.ts';
import { DEMO_USERS, LocalIssuer } from '../../../infra/local/issuer.ts';
import type { LocalUserPool } from '../../../infra/local/model.ts';

const pool: LocalUserPool = {
  id: 'UserPool',
  poolId: 'eu-west-2_localUserPool',
  issuer: 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_localUserPool',
  clientIds: ['localclient'],
  groups: [],
  scopes: ['upstream/submissions.write'],
  preTokenGeneration: { functionName: 'token-trigger', version: 'V3_0' },
};

describe('local user pool: machine clients', () => {
  let server: http.Server;
  let url: string;
  const triggerEvents: Array<{ callerContext: { clientId: string } }> = [];
  let refuseNext = false;

  beforeAll(async () => {
    const issuer = await LocalIssuer.create(pool);
    const handle = authorizationServer({
      issuer,
      users: DEMO_USERS,
      redirectUri: () => 'http://127.0.0.1/auth/callback',
      signedOutUri: () => 'http://127.0.0.1/signed-out',
      invokeTrigger: async (_name, event): Promise<InvocationResult> => {
        const sent = event as { callerContext: { clientId: string }; response: unknown };
        triggerEvents.push(sent);
        if (refuseNext) return { ok: false, error: { errorType: 'Error', errorMessage: 'Not current.' } };
        return {
          ok: true,
          result: {
            ...sent,
            response: {
              claimsAndScopeOverrideDetails: {
                accessTokenGeneration: { claimsToAddOrOverride: { aud: 'machines', council: '886' } },
              },
            },
          },
        };
      },
    });
    server = http.createServer(async (request, response) => {
      if (!(await handle(request, response))) {
        response.writeHead(404);
        response.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const poolApi = async (action: string, input: Record<string, unknown>) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'x-amz-target': `AWSCognitoIdentityProviderService.${action}`,
        'content-type': 'application/x-amz-json-1.1',
      },
      body: JSON.stringify({ UserPoolId: pool.poolId, ...input }),
    });
    return {
      status: response.status,
      body: (await response.json()) as {
        __type?: string;
        UserPoolClient: { ClientId: string; ClientSecret: string };
      },
    };
  };
  const createClient = () =>
    poolApi('CreateUserPoolClient', {
      ClientName: 'council-886-extract',
      GenerateSecret: true,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthScopes: ['upstream/submissions.write'],
    });
  const token = (clientId: string, clientSecret: string) =>
    fetch(`${url}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
      }).toString(),
    });

  it('grants a created client a token carrying the trigger’s claims', async () => {
    // Prepare
    const { body } = await createClient();
    const { ClientId, ClientSecret } = body.UserPoolClient;

    // Act
    const response = await token(ClientId, ClientSecret);
    const { access_token } = (await response.json()) as { access_token: string };

    // Assess
    expect(response.status).toBe(200);
    expect(triggerEvents.at(-1)).toMatchObject({
      triggerSource: 'TokenGeneration_ClientCredentials',
      callerContext: { clientId: ClientId },
    });
    expect(decodeJwt(access_token)).toMatchObject({
      sub: ClientId,
      client_id: ClientId,
      scope: 'upstream/submissions.write',
      token_use: 'access',
      aud: 'machines',
      council: '886',
    });
  });

  it('refuses a wrong secret, a deleted client and a client the trigger refuses', async () => {
    // Prepare
    const { body } = await createClient();
    const { ClientId, ClientSecret } = body.UserPoolClient;

    // Act
    const wrongSecret = await token(ClientId, `${ClientSecret.slice(0, -1)}!`);
    refuseNext = true;
    const refusedByTrigger = await token(ClientId, ClientSecret);
    refuseNext = false;
    const deleted = await poolApi('DeleteUserPoolClient', { ClientId });
    const afterDeletion = await token(ClientId, ClientSecret);

    // Assess
    expect(wrongSecret.status).toBe(400);
    expect(await wrongSecret.json()).toEqual({ error: 'invalid_client' });
    expect(refusedByTrigger.status).toBe(400);
    expect(await refusedByTrigger.json()).toMatchObject({ error: 'invalid_request' });
    expect(deleted.status).toBe(200);
    expect(afterDeletion.status).toBe(400);
  });

  it('refuses a scope no resource server defines, as Cognito does', async () => {
    // Act
    const { status, body } = await poolApi('CreateUserPoolClient', {
      GenerateSecret: true,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthScopes: ['upstream/everything'],
    });

    // Assess
    expect(status).toBe(400);
    expect(body.__type).toBe('ScopeDoesNotExistException');
  });
});
