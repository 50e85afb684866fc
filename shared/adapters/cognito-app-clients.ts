// Secondary adapter: councils' machine clients as Cognito app clients, through the user pool's API
// (CreateUserPoolClient, DeleteUserPoolClient). The endpoint comes from AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER
// when set (the local cloud's stand-in), so the same calls run in AWS and on this machine. The requests are
// signed here with the function's credentials because the package has no Cognito client among its dependencies.
import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { MACHINE_TOKEN_MINUTES, SUBMIT_SCOPE } from '../config/machine-credentials.ts';
import type { AppClientRegistry } from '../ports/machine-clients.ts';

class NodeSha256 {
  private readonly hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret
      ? createHmac('sha256', typeof secret === 'string' ? secret : Buffer.from(secret as ArrayBuffer))
      : createHash('sha256');
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(typeof data === 'string' ? data : Buffer.from(data as ArrayBuffer));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

export class CognitoAppClients implements AppClientRegistry {
  private readonly region = process.env.AWS_REGION ?? 'eu-west-2';
  private readonly endpoint = new URL(
    process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER ??
      `https://cognito-idp.${this.region}.amazonaws.com`,
  );
  private readonly signer = new SignatureV4({
    service: 'cognito-idp',
    region: this.region,
    sha256: NodeSha256,
    credentials: async () => ({
      accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? '',
      secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? '',
      ...(process.env.AWS_SESSION_TOKEN ? { sessionToken: process.env.AWS_SESSION_TOKEN } : {}),
    }),
  });

  constructor(private readonly userPoolId: string) {}

  private async call(action: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
    const body = JSON.stringify(input);
    const signed = await this.signer.sign({
      method: 'POST',
      protocol: this.endpoint.protocol,
      hostname: this.endpoint.hostname,
      ...(this.endpoint.port ? { port: Number(this.endpoint.port) } : {}),
      path: this.endpoint.pathname,
      headers: {
        host: this.endpoint.host,
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `AWSCognitoIdentityProviderService.${action}`,
      },
      body,
    });
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: signed.headers as Record<string, string>,
      body,
    });
    const text = await response.text();
    const answer = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
    if (!response.ok) {
      const type = String(answer.__type ?? response.status)
        .split('#')
        .pop();
      const error = new Error(`Cognito ${action} failed: ${type}: ${String(answer.message ?? '')}`);
      error.name = String(type);
      throw error;
    }
    return answer;
  }

  async create(name: string): Promise<{ clientId: string; clientSecret: string }> {
    const answer = await this.call('CreateUserPoolClient', {
      UserPoolId: this.userPoolId,
      ClientName: name,
      GenerateSecret: true,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthScopes: [SUBMIT_SCOPE],
      ExplicitAuthFlows: [],
      AccessTokenValidity: MACHINE_TOKEN_MINUTES,
      TokenValidityUnits: { AccessToken: 'minutes' },
      EnableTokenRevocation: true,
      PreventUserExistenceErrors: 'ENABLED',
    });
    const client = answer.UserPoolClient as { ClientId: string; ClientSecret: string };
    return { clientId: client.ClientId, clientSecret: client.ClientSecret };
  }

  async delete(clientId: string): Promise<void> {
    try {
      await this.call('DeleteUserPoolClient', { UserPoolId: this.userPoolId, ClientId: clientId });
    } catch (error) {
      if ((error as Error).name !== 'ResourceNotFoundException') throw error;
    }
  }
}
