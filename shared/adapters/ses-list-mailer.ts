// Secondary adapter: email to DfE subscribers through SES v2, with list headers (List-Unsubscribe and
// List-Unsubscribe-Post, RFC 8058) that the plain mailer does not carry. Errors are sorted as the plain
// mailer sorts them: worth retrying or not.
import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { ListEmail, ListMailer } from '../ports/subscriptions.ts';
import { classifySesError } from './ses-mailer.ts';

export class SesListMailer implements ListMailer {
  constructor(private readonly client: SESv2Client) {}

  async send(email: ListEmail): Promise<{ messageId: string }> {
    try {
      const result = await this.client.send(
        new SendEmailCommand({
          FromEmailAddress: email.from,
          Destination: { ToAddresses: [email.to] },
          Content: {
            Simple: {
              Subject: { Data: email.subject, Charset: 'UTF-8' },
              Body: {
                Text: { Data: email.text, Charset: 'UTF-8' },
                Html: { Data: email.html, Charset: 'UTF-8' },
              },
              Headers: email.headers.map((header) => ({ Name: header.name, Value: header.value })),
            },
          },
        }),
      );
      return { messageId: result.MessageId ?? 'unknown' };
    } catch (error) {
      throw classifySesError(error);
    }
  }
}
