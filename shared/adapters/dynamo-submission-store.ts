// Secondary adapter: submissions in the single DynamoDB table (key design in docs/data-model.md).
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { ReturnType } from '../domain/returns/catalogue.ts';
import type {
  NewSubmission,
  ReceivedFile,
  Submission,
  SubmissionFile,
  SubmissionOutcome,
  SubmissionStore,
  SubmissionSummary,
} from '../ports/submissions.ts';

const submissionPk = (submissionId: string) => `SUBMISSION#${submissionId}`;
const councilPk = (la: string) => `COUNCIL#${la}`;
const SUBMISSION_SK = 'META';
const fileSk = (fileName: string) => `FILE#${fileName}`;

function isConditionFailure(error: unknown): boolean {
  return (
    error instanceof ConditionalCheckFailedException ||
    (error as Error)?.name === 'ConditionalCheckFailedException'
  );
}

export class DynamoSubmissionStore implements SubmissionStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async createSubmission(submission: NewSubmission): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: submissionPk(submission.submissionId),
          sk: SUBMISSION_SK,
          gsi1pk: councilPk(submission.la),
          gsi1sk: `SUBMISSION#${submission.createdAt}#${submission.submissionId}`,
          ...submission,
          status: 'awaiting_files',
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async getSubmission(submissionId: string): Promise<Submission | undefined> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': submissionPk(submissionId) },
        ConsistentRead: true,
      }),
    );
    const items = result.Items ?? [];
    const meta = items.find((item) => item.sk === SUBMISSION_SK);
    if (!meta) return undefined;
    const files: SubmissionFile[] = items
      .filter((item) => String(item.sk).startsWith('FILE#'))
      .map((item) => ({
        fileName: item.fileName,
        size: item.size,
        sha256: item.sha256,
        receivedAt: item.receivedAt,
        key: item.key,
        bucket: item.bucket,
      }));
    return {
      submissionId: meta.submissionId,
      la: meta.la,
      returnType: meta.returnType as ReturnType,
      collectionYear: meta.collectionYear,
      status: meta.status,
      declaredFiles: meta.declaredFiles ?? [],
      createdAt: meta.createdAt,
      createdBy: meta.createdBy,
      files,
      ...(meta.outcome ? { outcome: meta.outcome as SubmissionOutcome } : {}),
      ...(meta.supersededBy ? { supersededBy: meta.supersededBy } : {}),
      ...(meta.status === 'processing' && meta.leaseUntil ? { leaseUntil: meta.leaseUntil } : {}),
    };
  }

  async listSubmissions(la: string): Promise<SubmissionSummary[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
        ExpressionAttributeValues: { ':pk': councilPk(la), ':prefix': 'SUBMISSION#' },
        ScanIndexForward: false,
        Limit: 100,
      }),
    );
    return (result.Items ?? []).map((item) => ({
      submissionId: item.submissionId,
      returnType: item.returnType,
      collectionYear: item.collectionYear,
      status: item.status,
      createdAt: item.createdAt,
      ...(item.outcome?.summary ? { summary: item.outcome.summary } : {}),
      ...(item.supersededBy ? { supersededBy: item.supersededBy } : {}),
    }));
  }

  /** A file is new when its name is unseen or its content changed; identical content is a no-op. */
  async recordReceivedFile(file: ReceivedFile): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: submissionPk(file.submissionId), sk: fileSk(file.fileName), ...file },
          ConditionExpression: 'attribute_not_exists(pk) OR sha256 <> :sha256',
          ExpressionAttributeValues: { ':sha256': file.sha256 },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async claimProcessing(submissionId: string, now: Date, leaseSeconds: number): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: submissionPk(submissionId), sk: SUBMISSION_SK },
          // A lease, so an attempt that died (a time-out) does not block the retry for ever. A failed
          // submission is taken back when an operator redrives its message from the dead-letter queue.
          UpdateExpression:
            'SET #status = :processing, leaseUntil = :lease, updatedAt = :now REMOVE expiresAt, outcome',
          ConditionExpression:
            '#status IN (:awaiting, :failed) OR (#status = :processing AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':processing': 'processing',
            ':awaiting': 'awaiting_files',
            ':failed': 'failed',
            ':lease': new Date(now.getTime() + leaseSeconds * 1000).toISOString(),
            ':now': now.toISOString(),
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async finishProcessing(submissionId: string, outcome: SubmissionOutcome): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: submissionPk(submissionId), sk: SUBMISSION_SK },
        UpdateExpression: 'SET #status = :status, outcome = :outcome, updatedAt = :now REMOVE leaseUntil',
        ConditionExpression: '#status = :processing',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': outcome.status,
          ':outcome': outcome,
          ':now': outcome.finishedAt,
          ':processing': 'processing',
        },
      }),
    );
    if (outcome.supersedes) {
      await this.client
        .send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: { pk: submissionPk(outcome.supersedes), sk: SUBMISSION_SK },
            UpdateExpression: 'SET supersededBy = :by',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':by': submissionId },
          }),
        )
        .catch((error: unknown) => {
          if (!isConditionFailure(error)) throw error;
        });
    }
  }

  async failProcessing(
    submissionId: string,
    outcome: SubmissionOutcome & { status: 'failed' },
  ): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: submissionPk(submissionId), sk: SUBMISSION_SK },
          UpdateExpression: 'SET #status = :failed, outcome = :outcome, updatedAt = :now REMOVE leaseUntil',
          ConditionExpression: '#status IN (:awaiting, :processing)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':failed': 'failed',
            ':outcome': outcome,
            ':now': outcome.finishedAt,
            ':awaiting': 'awaiting_files',
            ':processing': 'processing',
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async claimFingerprint(
    la: string,
    returnType: ReturnType,
    collectionYear: number,
    fingerprint: string,
    submissionId: string,
    replacing?: string,
  ): Promise<string | undefined> {
    const key = { pk: councilPk(la), sk: `FINGERPRINT#${returnType}#${collectionYear}#${fingerprint}` };
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...key, submissionId },
          ConditionExpression: replacing
            ? 'attribute_not_exists(pk) OR submissionId IN (:id, :replacing)'
            : 'attribute_not_exists(pk) OR submissionId = :id',
          ExpressionAttributeValues: {
            ':id': submissionId,
            ...(replacing ? { ':replacing': replacing } : {}),
          },
        }),
      );
      return undefined;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const existing = await this.client.send(
        new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
      );
      return existing.Item?.submissionId as string | undefined;
    }
  }
}
