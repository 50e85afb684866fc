// Secondary adapter: submissions in the single DynamoDB table (key design in docs/data-model.md).
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ReturnType } from '../domain/upload-key.ts';
import type { ReceivedFile, Submission, SubmissionFile, SubmissionStatus, SubmissionStore } from '../ports/submissions.ts';

export const submissionPk = (submissionId: string) => `SUBMISSION#${submissionId}`;
const SUBMISSION_SK = 'META';
const fileSk = (fileName: string) => `FILE#${fileName}`;

export class DynamoSubmissionStore implements SubmissionStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async recordReceivedFile(file: ReceivedFile): Promise<boolean> {
    // The file first, then the submission: a reader never sees a submission without its first file.
    const isNew = await this.putFile(file);
    await this.putIfAbsent({
      pk: submissionPk(file.submissionId),
      sk: SUBMISSION_SK,
      gsi1pk: `COUNCIL#${file.la}`,
      gsi1sk: `SUBMISSION#${file.collectionYear}#${file.returnType}#${file.receivedAt}#${file.submissionId}`,
      submissionId: file.submissionId,
      la: file.la,
      returnType: file.returnType,
      collectionYear: file.collectionYear,
      status: 'received' satisfies SubmissionStatus,
      createdAt: file.receivedAt,
    });
    return isNew;
  }

  /** A file is new when its name is unseen or its content changed; identical content is a no-op. */
  private async putFile(file: ReceivedFile): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            pk: submissionPk(file.submissionId),
            sk: fileSk(file.fileName),
            fileName: file.fileName,
            bucket: file.bucket,
            key: file.key,
            size: file.size,
            sha256: file.sha256,
            status: 'received' satisfies SubmissionStatus,
            receivedAt: file.receivedAt,
          },
          ConditionExpression: 'attribute_not_exists(pk) OR sha256 <> :sha256',
          ExpressionAttributeValues: { ':sha256': file.sha256 },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async getSubmission(submissionId: string): Promise<Submission | undefined> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': submissionPk(submissionId) },
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
        status: item.status,
        receivedAt: item.receivedAt,
      }));
    return {
      submissionId: meta.submissionId,
      la: meta.la,
      returnType: meta.returnType as ReturnType,
      collectionYear: meta.collectionYear,
      status: meta.status,
      createdAt: meta.createdAt,
      files,
    };
  }

  private async putIfAbsent(item: Record<string, unknown>): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({ TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
