// Secondary adapter: the service secret behind child pseudonyms, read once per cold start from Secrets Manager.
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

let cached: Promise<Buffer> | undefined;

export function pseudonymSecret(secretArn: string, client = new SecretsManagerClient({})): Promise<Buffer> {
  cached ??= client.send(new GetSecretValueCommand({ SecretId: secretArn })).then((response) => {
    if (!response.SecretString) throw new Error(`Secret ${secretArn} has no value`);
    return Buffer.from(response.SecretString, 'utf8');
  });
  // A failed read is not cached, so the next invocation tries again.
  cached.catch(() => {
    cached = undefined;
  });
  return cached;
}
