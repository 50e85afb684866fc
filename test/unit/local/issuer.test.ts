import { UnsecuredJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, flattenClaims, LocalIssuer, verifyForAuthorizer } from '../../../infra/local/issuer.ts';
import type { LocalAuthorizer, LocalUserPool } from '../../../infra/local/model.ts';

const pool: LocalUserPool = {
  id: 'UserPool',
  poolId: 'eu-west-2_localUserPool',
  issuer: 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_localUserPool',
  clientIds: ['localclient'],
  groups: [],
};
const authorizer: LocalAuthorizer = {
  id: 'Jwt',
  issuer: pool.issuer,
  audience: ['localclient'],
  identitySource: '$request.header.Authorization',
};
const kent = DEMO_USERS.find((user) => user.username === 'kent-data-officer')!;

describe('local JWT issuer and authoriser', () => {
  let issuer: LocalIssuer;
  beforeAll(async () => {
    issuer = await LocalIssuer.create(pool);
  });

  it('accepts a token it signed, with or without the Bearer prefix', async () => {
    const token = await issuer.tokenFor(kent);
    const verdict = await verifyForAuthorizer(`Bearer ${token}`, authorizer, [issuer], []);
    expect(verdict.ok && verdict.claims['cognito:groups']).toEqual(['council:886']);
    expect((await verifyForAuthorizer(token, authorizer, [issuer], [])).ok).toBe(true);
  });

  it('refuses a missing, tampered, unsigned, expired or foreign token', async () => {
    const token = await issuer.tokenFor(kent);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const forgedPayload = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload, 'base64url').toString()),
        'cognito:groups': ['admin'],
      }),
    ).toString('base64url');
    const unsigned = new UnsecuredJWT({ 'cognito:groups': ['admin'] })
      .setIssuer(pool.issuer)
      .setAudience('localclient')
      .setExpirationTime('1h')
      .encode();
    const expired = await issuer.tokenFor(kent, Math.floor(Date.now() / 1000) - 7200);
    const other = await LocalIssuer.create(pool);
    const foreign = await other.tokenFor(kent);

    for (const [label, value] of [
      ['missing', undefined],
      ['tampered', `${header}.${forgedPayload}.${signature}`],
      ['unsigned', unsigned],
      ['expired', expired],
      ['signed by another key', foreign],
    ] as const) {
      expect((await verifyForAuthorizer(value, authorizer, [issuer], [])).ok, label).toBe(false);
    }
  });

  it('checks the audience and the issuer the authoriser names', async () => {
    const token = await issuer.tokenFor(kent);
    expect(
      (await verifyForAuthorizer(token, { ...authorizer, audience: ['someone-else'] }, [issuer], [])).ok,
    ).toBe(false);
    expect(
      (await verifyForAuthorizer(token, { ...authorizer, issuer: 'https://example.invalid' }, [issuer], []))
        .ok,
    ).toBe(false);
  });

  it('requires one of the route scopes when the route names any', async () => {
    const token = await issuer.tokenFor(kent);
    expect((await verifyForAuthorizer(token, authorizer, [issuer], ['upstream/admin'])).ok).toBe(false);
  });

  it('flattens claims as API Gateway does: arrays become "[a b]"', () => {
    expect(
      flattenClaims({ 'cognito:groups': ['council:886', 'admin'], exp: 5, email_verified: true }),
    ).toEqual({
      'cognito:groups': '[council:886 admin]',
      exp: '5',
      email_verified: 'true',
    });
  });
});
