// Local cloud: every CloudFormation resource type it knows, and what each becomes locally. Emulating a new
// type means adding its translator here; a type that is not here stops the start with its name.

import { UnsupportedTemplateError } from '../intrinsics.ts';
import {
  cognitoUserPool,
  cognitoUserPoolClient,
  cognitoUserPoolGroup,
  cognitoUserPoolResourceServer,
} from './cognito.ts';
import { dynamodbTable, tableNames } from './dynamodb-table.ts';
import { eventSourceMapping } from './event-source-mapping.ts';
import { httpApi, httpAuthorizer, httpIntegration, httpRoute } from './http-api.ts';
import { lambdaFunction } from './lambda-function.ts';
import { s3Bucket, s3BucketNotifications } from './s3-bucket.ts';
import { eventsRule, schedulerSchedule } from './schedules.ts';
import { secret } from './secret.ts';
import { sqsQueue } from './sqs-queue.ts';
import { bucketDeployment, cloudFrontDistribution } from './static-files.ts';
import type { ResourceTranslator } from './translator.ts';

/** Carries no behaviour the local cloud needs to reproduce. */
const passive: ResourceTranslator = {};

/** Known, but not emulated: the start stops and says so. */
const notEmulated = (extra: ResourceTranslator = {}): ResourceTranslator => ({
  ...extra,
  translate: ({ resource, where }) => {
    throw new UnsupportedTemplateError(where, `${resource.Type} is not emulated locally yet`);
  },
});

const TRANSLATORS: Readonly<Record<string, ResourceTranslator>> = {
  'AWS::SQS::Queue': sqsQueue,
  'AWS::DynamoDB::Table': dynamodbTable,
  'AWS::S3::Bucket': s3Bucket,
  'Custom::S3BucketNotifications': s3BucketNotifications,
  'AWS::Lambda::Function': lambdaFunction,
  'AWS::Lambda::EventSourceMapping': eventSourceMapping,
  'AWS::ApiGatewayV2::Api': httpApi,
  'AWS::ApiGatewayV2::Integration': httpIntegration,
  'AWS::ApiGatewayV2::Authorizer': httpAuthorizer,
  'AWS::ApiGatewayV2::Route': httpRoute,
  'AWS::Events::Rule': eventsRule,
  'AWS::Scheduler::Schedule': schedulerSchedule,
  'AWS::Cognito::UserPool': cognitoUserPool,
  'AWS::Cognito::UserPoolClient': cognitoUserPoolClient,
  'AWS::Cognito::UserPoolGroup': cognitoUserPoolGroup,
  'AWS::Cognito::UserPoolResourceServer': cognitoUserPoolResourceServer,
  'AWS::SecretsManager::Secret': secret,
  'AWS::CloudFront::Distribution': cloudFrontDistribution,
  'Custom::CDKBucketDeployment': bucketDeployment,

  'AWS::DynamoDB::GlobalTable': notEmulated({ names: tableNames }),
  'AWS::Lambda::Url': notEmulated(),
  'AWS::Pipes::Pipe': notEmulated(),
  'AWS::Events::EventBus': notEmulated(),
  'AWS::StepFunctions::StateMachine': notEmulated(),

  'AWS::CDK::Metadata': passive,
  'AWS::IAM::Role': passive, // Its statements go with the function that uses it.
  'AWS::IAM::Policy': passive,
  'AWS::IAM::ManagedPolicy': passive,
  'AWS::KMS::Key': passive,
  'AWS::KMS::Alias': passive,
  'AWS::Logs::LogGroup': passive,
  'AWS::CloudWatch::Alarm': passive,
  'AWS::SNS::Topic': passive,
  'AWS::SNS::Subscription': passive,
  'AWS::SNS::TopicPolicy': passive,
  'AWS::SQS::QueuePolicy': passive,
  'AWS::S3::BucketPolicy': passive,
  'AWS::Lambda::Permission': passive,
  'AWS::ApiGatewayV2::Stage': passive,
  'AWS::Cognito::UserPoolDomain': passive,
  'AWS::SES::EmailIdentity': passive,
  'AWS::SES::ConfigurationSet': passive,
  'AWS::SES::ConfigurationSetEventDestination': passive,
  'AWS::Scheduler::ScheduleGroup': passive,
  // Where AWS puts a failed scheduled run; locally the failure is in the function's log.
  'AWS::Lambda::EventInvokeConfig': passive,
  'Custom::LogRetention': passive,
  // The web app's security headers, origin access and sign-in styling have no local counterpart.
  'AWS::CloudFront::ResponseHeadersPolicy': passive,
  'AWS::CloudFront::OriginAccessControl': passive,
  'AWS::Cognito::ManagedLoginBranding': passive,
  'AWS::Lambda::LayerVersion': passive,
};

/** The translator for a type, or undefined when the local cloud does not know it (other custom resources are passive). */
export function translatorFor(type: string): ResourceTranslator | undefined {
  return TRANSLATORS[type] ?? (type.startsWith('Custom::') ? passive : undefined);
}
