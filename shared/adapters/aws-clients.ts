// Secondary adapters: the AWS SDK clients, created once per cold start. Endpoints come from the SDK's
// standard AWS_ENDPOINT_URL_<SERVICE> variables, so the same code runs in AWS and on the local cloud.
// Not wrapped by the X-Ray SDK: Lambda traces each invocation by itself (docs/adr/0010).
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

let documentClient: DynamoDBDocumentClient | undefined;
let s3: S3Client | undefined;
let sqs: SQSClient | undefined;
let ses: SESv2Client | undefined;

export function dynamoDocumentClient(): DynamoDBDocumentClient {
  documentClient ??= DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return documentClient;
}

export function s3Client(): S3Client {
  // Path-style keeps bucket names out of host names, which local endpoints need and AWS accepts.
  s3 ??= new S3Client({ forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3) });
  return s3;
}

export function sqsClient(): SQSClient {
  // Send to the endpoint configured for SQS, not to the host written in the queue URL.
  sqs ??= new SQSClient({ useQueueUrlAsEndpoint: false });
  return sqs;
}

export function sesClient(): SESv2Client {
  ses ??= new SESv2Client({});
  return ses;
}
