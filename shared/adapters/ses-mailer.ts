// Secondary adapter: email through SES v2 (aws-ses-v2-local on the local cloud). Errors are sorted into
// worth retrying (throttling, quotas, outages) and not (a rejected message or address, a paused account).
import { type SESv2Client, SendEmailCommand, type SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import { type Mailer, MailerError, type OutgoingEmail, type RawEmail } from '../ports/mailer.ts';

const RETRYABLE = new Set([
  'TooManyRequestsException',
  'LimitExceededException',
  'ThrottlingException',
  'Throttling',
  'InternalFailure',
  'InternalServiceErrorException',
  'ServiceUnavailable',
  'TimeoutError',
]);
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN']);

/** Names SES's error and says whether a later attempt can succeed. */
export function classifySesError(error: unknown): MailerError {
  const name = (error as Error)?.name ?? 'Error';
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  const network = NETWORK.has((error as { code?: string })?.code ?? '');
  // No HTTP status at all means the request never got an answer (a network failure): worth retrying.
  const retryable = RETRYABLE.has(name) || network || status === undefined || status === 429 || status >= 500;
  const detail = (error as Error)?.message || String(error);
  return new MailerError(
    `SES did not accept the email (${name}${status ? `, HTTP ${status}` : ''}): ${detail}`,
    retryable,
    name,
  );
}

export class SesMailer implements Mailer {
  constructor(private readonly client: SESv2Client) {}

  send(email: OutgoingEmail): Promise<{ messageId: string }> {
    const headers = (email.headers ?? []).map(({ name, value }) => ({ Name: name, Value: value }));
    return this.dispatch({
      FromEmailAddress: email.from,
      Destination: { ToAddresses: [email.to] },
      ...(email.replyTo ? { ReplyToAddresses: [...email.replyTo] } : {}),
      Content: {
        Simple: {
          Subject: { Data: email.subject, Charset: 'UTF-8' },
          Body: {
            Text: { Data: email.text, Charset: 'UTF-8' },
            ...(email.html !== undefined ? { Html: { Data: email.html, Charset: 'UTF-8' } } : {}),
          },
          ...(headers.length > 0 ? { Headers: headers } : {}),
        },
      },
    });
  }

  sendRaw(email: RawEmail): Promise<{ messageId: string }> {
    const data = typeof email.mime === 'string' ? new TextEncoder().encode(email.mime) : email.mime;
    return this.dispatch({
      ...(email.from ? { FromEmailAddress: email.from } : {}),
      ...(email.to ? { Destination: { ToAddresses: [...email.to] } } : {}),
      Content: { Raw: { Data: data } },
    });
  }

  private async dispatch(input: SendEmailCommandInput): Promise<{ messageId: string }> {
    try {
      const result = await this.client.send(new SendEmailCommand(input));
      if (!result.MessageId) throw new MailerError('SES answered without a message id.', true, 'NoMessageId');
      return { messageId: result.MessageId };
    } catch (error) {
      if (error instanceof MailerError) throw error;
      throw classifySesError(error);
    }
  }
}
