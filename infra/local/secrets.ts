// Local cloud: Secrets Manager for the template's secrets (GetSecretValue over the JSON protocol).
// Generated values are kept under the state directory, so keyed pseudonyms stay stable across restarts.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import type { LocalSecret } from './model.ts';

// Printable characters without quotes or backslashes, as Secrets Manager's generator uses by default.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&()*+,-.:;<=>?@[]^_{|}~';

function generate(length: number): string {
  const bytes = randomBytes(length);
  return Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

export class LocalSecretsManager {
  private readonly values = new Map<string, string>();

  constructor(
    private readonly secrets: readonly LocalSecret[],
    stateDir?: string,
  ) {
    const file = stateDir ? path.join(stateDir, 'secrets.json') : undefined;
    const kept: Record<string, string> =
      file && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
    for (const secret of secrets)
      this.values.set(secret.arn, secret.value ?? kept[secret.name] ?? generate(secret.generateLength));
    if (file) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(
        file,
        JSON.stringify(
          Object.fromEntries(secrets.map((secret) => [secret.name, this.values.get(secret.arn)])),
        ),
        { mode: 0o600 },
      );
    }
  }

  /** Answers a Secrets Manager API call; returns false when the request is not for Secrets Manager. */
  async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<boolean> {
    const target = String(request.headers['x-amz-target'] ?? '');
    if (!target.startsWith('secretsmanager.')) return false;
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { SecretId?: string };
    const send = (status: number, payload: unknown) => {
      response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(JSON.stringify(payload));
    };
    const secret = this.secrets.find(
      (candidate) => candidate.arn === body.SecretId || candidate.name === body.SecretId,
    );
    if (!secret) {
      send(400, {
        __type: 'ResourceNotFoundException',
        message: "Secrets Manager can't find the specified secret.",
      });
      return true;
    }
    if (target === 'secretsmanager.GetSecretValue') {
      send(200, {
        ARN: secret.arn,
        Name: secret.name,
        SecretString: this.values.get(secret.arn),
        VersionId: 'local',
        VersionStages: ['AWSCURRENT'],
        CreatedDate: 0,
      });
    } else if (target === 'secretsmanager.DescribeSecret') {
      send(200, { ARN: secret.arn, Name: secret.name });
    } else {
      send(400, {
        __type: 'InvalidRequestException',
        message: `${target} is not supported by the local cloud`,
      });
    }
    return true;
  }
}
