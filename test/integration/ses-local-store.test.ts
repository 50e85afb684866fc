// aws-ses-v2-local keeps its sent mail in module state, one store per process: a local cloud started after
// another in the same process must not show the earlier cloud's mail as its own.
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, type RunningSes, startSesLocal } from '../../infra/local/emulators.ts';
import { LOCAL_REGION } from '../../infra/local/model.ts';

const inbox = async (ses: RunningSes) =>
  ((await (await fetch(`${ses.endpoint}/store`)).json()) as { emails: { subject: string }[] }).emails;

async function sendOne(ses: RunningSes, subject: string): Promise<void> {
  const client = new SESv2Client({
    endpoint: ses.endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  try {
    await client.send(
      new SendEmailCommand({
        FromEmailAddress: 'alerts@upstream.example.gov.uk',
        Destination: { ToAddresses: ['amara.mensah@advisers.example.gov.uk'] },
        Content: { Simple: { Subject: { Data: subject }, Body: { Text: { Data: 'Body' } } } },
      }),
    );
  } finally {
    client.destroy();
  }
}

describe('the local SES store', () => {
  it('starts empty for each emulator started in the same process', async () => {
    const first = await startSesLocal(0);
    try {
      await sendOne(first, 'From the first cloud');
      expect((await inbox(first)).map((email) => email.subject)).toEqual(['From the first cloud']);
    } finally {
      await first.stop();
    }

    const second = await startSesLocal(0);
    try {
      expect(await inbox(second)).toEqual([]);
      await sendOne(second, 'From the second cloud');
      expect((await inbox(second)).map((email) => email.subject)).toEqual(['From the second cloud']);
    } finally {
      await second.stop();
    }
  });

  it('refuses a second emulator while one runs, as both would read and write one store', async () => {
    const running = await startSesLocal(0);
    try {
      await expect(startSesLocal(0)).rejects.toThrow(/already running in this process/);
      expect((await fetch(`${running.endpoint}/store`)).status).toBe(200);
    } finally {
      await running.stop();
    }
    const again = await startSesLocal(0);
    await again.stop();
  });
});
