// CLI: `upstream dlq list|show|redrive` for operators. Talks to SQS with the operator's own AWS credentials
// (the usual AWS_* environment, or the local cloud's, which `npm start` prints). A dead-letter queue is found
// from the work queues' redrive policies, so redrive always goes back to the queue the message came from.
import {
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ListQueuesCommand,
  type Message,
  type MessageAttributeValue,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { CliError } from './service.ts';

export interface QueueInfo {
  readonly name: string;
  readonly url: string;
  readonly arn: string;
  readonly messages: number;
  readonly inFlight: number;
}

export interface DeadLetterQueue extends QueueInfo {
  /** The work queue whose redrive policy sends failures here; absent for a queue fed by Scheduler or Lambda. */
  readonly source?: QueueInfo;
}

export interface DeadLetter {
  readonly messageId: string;
  readonly sentAt: string | undefined;
  readonly receives: number;
  readonly group: string | undefined;
  /** Why it is here, when the function that put it here recorded it (poison messages). */
  readonly reason: string | undefined;
  readonly body: string;
}

export function sqsFromEnvironment(env: NodeJS.ProcessEnv): SQSClient {
  const credentials =
    env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
      ? {
          accessKeyId: env.AWS_ACCESS_KEY_ID,
          secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
          ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
        }
      : undefined;
  return new SQSClient({
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'eu-west-2',
    // With an endpoint of its own (the local cloud), every request goes there, whatever host a queue URL names.
    ...(env.AWS_ENDPOINT_URL_SQS ? { endpoint: env.AWS_ENDPOINT_URL_SQS, useQueueUrlAsEndpoint: false } : {}),
    ...(credentials ? { credentials } : {}),
  });
}

function nameOf(url: string): string {
  return url.slice(url.lastIndexOf('/') + 1);
}

async function queueUrls(sqs: SQSClient, prefix: string): Promise<string[]> {
  const urls: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await sqs.send(
      new ListQueuesCommand({ QueueNamePrefix: prefix, NextToken, MaxResults: 1000 }),
    );
    urls.push(...(page.QueueUrls ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return urls;
}

/** Every dead-letter queue of the stacks whose names start with `prefix`, with its source queue and depth. */
export async function listDeadLetterQueues(sqs: SQSClient, prefix: string): Promise<DeadLetterQueue[]> {
  const queues = await Promise.all(
    (await queueUrls(sqs, prefix)).map(async (url) => {
      const { Attributes: attributes = {} } = await sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }),
      );
      const redrive = attributes.RedrivePolicy
        ? (JSON.parse(attributes.RedrivePolicy) as { deadLetterTargetArn?: string })
        : {};
      const info: QueueInfo = {
        name: nameOf(url),
        url,
        arn: attributes.QueueArn ?? '',
        messages: Number(attributes.ApproximateNumberOfMessages ?? 0),
        inFlight: Number(attributes.ApproximateNumberOfMessagesNotVisible ?? 0),
      };
      return { info, target: redrive.deadLetterTargetArn };
    }),
  );
  const sourceByTarget = new Map(
    queues.filter((queue) => queue.target).map((queue) => [queue.target as string, queue.info]),
  );
  return queues
    .map(({ info }) => info)
    .filter((info) => sourceByTarget.has(info.arn) || /dead-?letter/i.test(info.name))
    .map((info) => {
      const source = sourceByTarget.get(info.arn);
      return source ? { ...info, source } : info;
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The dead-letter queue an operator means: its name, part of it, or its work queue's name (e.g. "RecomputeQueue"). */
export function chooseDeadLetterQueue(queues: readonly DeadLetterQueue[], wanted: string): DeadLetterQueue {
  const needle = wanted.toLowerCase();
  const exact = queues.find((queue) => queue.name === wanted || queue.url === wanted);
  if (exact) return exact;
  const matches = queues.filter(
    (queue) => queue.name.toLowerCase().includes(needle) || queue.source?.name.toLowerCase().includes(needle),
  );
  if (matches.length === 1) return matches[0] as DeadLetterQueue;
  const known = queues.map((queue) => `  ${queue.name}`).join('\n') || '  (none found)';
  throw new CliError(
    matches.length === 0
      ? `No dead-letter queue matches "${wanted}". The dead-letter queues are:\n${known}`
      : `"${wanted}" matches ${matches.length} dead-letter queues; name one of them:\n${matches.map((queue) => `  ${queue.name}`).join('\n')}`,
  );
}

function asDeadLetter(message: Message): DeadLetter {
  const sent = message.Attributes?.SentTimestamp;
  return {
    messageId: message.MessageId ?? '',
    sentAt: sent ? new Date(Number(sent)).toISOString() : undefined,
    receives: Number(message.Attributes?.ApproximateReceiveCount ?? 0),
    group: message.Attributes?.MessageGroupId,
    reason: message.MessageAttributes?.reason?.StringValue,
    body: message.Body ?? '',
  };
}

async function receive(sqs: SQSClient, queue: QueueInfo, max: number, hideSeconds: number) {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: queue.url,
      MaxNumberOfMessages: Math.min(10, max),
      VisibilityTimeout: hideSeconds,
      WaitTimeSeconds: 0,
      MessageSystemAttributeNames: ['All'],
      MessageAttributeNames: ['All'],
    }),
  );
  return Messages;
}

/**
 * Reads up to `max` messages without removing them. SQS has no peek: each read message is hidden from other
 * readers for `hideSeconds`, then comes back (its receive count in the dead-letter queue goes up by one).
 */
export async function peekDeadLetters(
  sqs: SQSClient,
  queue: QueueInfo,
  max: number,
  hideSeconds = 10,
): Promise<DeadLetter[]> {
  const seen = new Map<string, DeadLetter>();
  while (seen.size < max) {
    const batch = await receive(sqs, queue, max - seen.size, hideSeconds);
    const fresh = batch.filter((message) => !seen.has(message.MessageId ?? ''));
    if (fresh.length === 0) break;
    for (const message of fresh) seen.set(message.MessageId ?? '', asDeadLetter(message));
  }
  return [...seen.values()];
}

export interface RedriveOutcome {
  readonly moved: number;
  /** Poison messages (their function recorded why no retry can succeed): left in place for a person. */
  readonly leftPoison: number;
}

function copyAttributes(
  attributes: Message['MessageAttributes'],
): Record<string, MessageAttributeValue> | undefined {
  if (!attributes) return undefined;
  const copy = Object.fromEntries(
    Object.entries(attributes).map(([name, value]) => [
      name,
      { DataType: value.DataType, StringValue: value.StringValue, BinaryValue: value.BinaryValue },
    ]),
  );
  return Object.keys(copy).length > 0 ? copy : undefined;
}

/** Moves messages back to the work queue they failed on (each sent there before it is deleted here). */
export async function redriveDeadLetters(
  sqs: SQSClient,
  queue: DeadLetterQueue,
  max: number,
): Promise<RedriveOutcome> {
  const source = queue.source;
  if (!source) {
    throw new CliError(
      `${queue.name} is not a work queue's dead-letter queue (Scheduler or Lambda put its messages there), so there is nowhere to send them back. Read them with \`upstream dlq show\` and run the schedule's function by hand (docs/operations.md).`,
    );
  }
  const fifo = source.name.endsWith('.fifo');
  let moved = 0;
  const poison = new Set<string>();
  while (moved + poison.size < max) {
    // Hidden long enough to send and delete; a crash part-way leaves the rest to come back, not to be lost.
    const batch = (await receive(sqs, queue, max - moved - poison.size, 120)).filter(
      (message) => !poison.has(message.MessageId ?? ''),
    );
    if (batch.length === 0) break;
    for (const message of batch) {
      if (message.MessageAttributes?.reason) {
        poison.add(message.MessageId ?? '');
        continue;
      }
      await sqs.send(
        new SendMessageCommand({
          QueueUrl: source.url,
          MessageBody: message.Body ?? '',
          MessageAttributes: copyAttributes(message.MessageAttributes),
          ...(fifo
            ? {
                MessageGroupId: message.Attributes?.MessageGroupId ?? 'redriven',
                MessageDeduplicationId: `redrive-${message.MessageId}`,
              }
            : {}),
        }),
      );
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queue.url, ReceiptHandle: message.ReceiptHandle }));
      moved += 1;
    }
  }
  return { moved, leftPoison: poison.size };
}

export function renderQueues(queues: readonly DeadLetterQueue[]): string {
  if (queues.length === 0)
    return 'No dead-letter queues found. Check --stack and your AWS credentials and region.\n';
  const width = Math.max(...queues.map((queue) => queue.name.length));
  return `${queues
    .map(
      (queue) =>
        `${queue.name.padEnd(width)}  ${String(queue.messages).padStart(5)} waiting${queue.inFlight ? `, ${queue.inFlight} being read` : ''}  ← ${queue.source?.name ?? 'Scheduler / Lambda'}`,
    )
    .join('\n')}\n`;
}

export function renderDeadLetters(queue: QueueInfo, letters: readonly DeadLetter[]): string {
  if (letters.length === 0) return `${queue.name} is empty.\n`;
  const blocks = letters.map((letter) => {
    let body = letter.body;
    try {
      body = JSON.stringify(JSON.parse(body), null, 2);
    } catch {
      // Not JSON: show it as it is.
    }
    if (body.length > 4000) body = `${body.slice(0, 4000)}\n… (${body.length - 4000} more characters)`;
    return [
      `Message ${letter.messageId}`,
      `  sent ${letter.sentAt ?? 'unknown'}, received ${letter.receives} times${letter.group ? `, group ${letter.group}` : ''}`,
      letter.reason
        ? `  reason: ${letter.reason} (poison: it will fail again; delete it once understood)`
        : '  reason: not recorded on the message; search the function log for its message id',
      body.replace(/^/gm, '  '),
    ].join('\n');
  });
  return `${blocks.join('\n\n')}\n\nThese messages are hidden from other readers for 10 seconds, then return to the queue.${queue.name.endsWith('.fifo') ? ' In a FIFO queue a message being read holds back the later messages of its group.' : ''}\n`;
}
