// Infra helper: precise cdk-nag acknowledgements for findings whose text contains a CloudFormation reference.
import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges the AwsSolutions-IAM5 finding for exactly one wildcard resource (e.g. `${bucket.bucketArn}/*`)
 * in the IAM policies under `scope`.
 *
 * cdk-nag 3 matches a finding by its full text, and the text of a reference only settles once CDK has turned
 * it into a cross-stack import. CDK runs construct validations after that step and before the validation
 * plugins, so the acknowledgement is recorded from a validation (which itself never reports an error).
 */
export function acknowledgeWildcardResource(scope: IConstruct, resource: string, reason: string): void {
  scope.node.addValidation({
    validate: () => {
      const finding = flattenReference(Stack.of(scope).resolve(resource));
      Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[Resource::${finding}]`, reason });
      return [];
    },
  });
}

/** Acknowledges a wildcard action finding, e.g. `kms:GenerateDataKey*`. */
export function acknowledgeWildcardAction(scope: IConstruct, action: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[Action::${action}]`, reason });
}

/** Renders a resolved CloudFormation value the way cdk-nag names it in a finding. */
export function flattenReference(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value.replace(/\$\{/g, '<').replace(/\}/g, '>');
  if (typeof value === 'object' && value !== null) {
    const node = value as Record<string, unknown>;
    if (Array.isArray(node['Fn::Join'])) {
      const [delimiter, items] = node['Fn::Join'] as [string, unknown[]];
      return items.map(flattenReference).join(delimiter);
    }
    if (node['Fn::Sub'] !== undefined) return flattenReference(node['Fn::Sub']);
    if (Array.isArray(node['Fn::GetAtt'])) {
      const [resource, attribute] = node['Fn::GetAtt'] as [unknown, unknown];
      return `<${flattenReference(resource)}.${flattenReference(attribute)}>`;
    }
    if (node['Fn::ImportValue'] !== undefined) return flattenReference(node['Fn::ImportValue']);
    if (node.Ref !== undefined) return `<${flattenReference(node.Ref)}>`;
  }
  return JSON.stringify(value);
}
