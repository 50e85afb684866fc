// AWS::DynamoDB::Table → a DynamoDB Local table with its time-to-live attribute.
import { arn, type NamingInput, type ResourceTranslator } from './translator.ts';

/** Shared with global tables, which are named the same way but not emulated. */
export function tableNames({ id, stackName, explicit }: NamingInput) {
  const name = explicit('TableName') ?? `${stackName}-${id}`;
  return {
    ref: name,
    atts: { Arn: arn('dynamodb', `table/${name}`), StreamArn: arn('dynamodb', `table/${name}/stream/local`) },
  };
}

export const dynamodbTable: ResourceTranslator = {
  names: tableNames,
  translate: ({ id, props, ref }, { model }) => {
    const ttl = props.TimeToLiveSpecification as { AttributeName?: string; Enabled?: boolean } | undefined;
    model.tables.push({
      id,
      name: ref,
      definition: props,
      ...(ttl?.Enabled ? { ttlAttribute: ttl.AttributeName } : {}),
    });
  },
};
