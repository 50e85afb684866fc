// AWS::Lambda::Function → a local function running its bundled asset, with its environment and its role's
// statements (enforced on every AWS call it makes). Functions that only back custom resources are skipped.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { PolicyStatement } from '../iam-policy.ts';
import { type ResolveScope, resolveValue, UnsupportedTemplateError } from '../intrinsics.ts';
import type { CfnResource } from '../local-model.ts';
import { arn, type ResourceTranslator } from './translator.ts';

export const lambdaFunction: ResourceTranslator = {
  names: ({ id, stackName, explicit }) => {
    const name = explicit('FunctionName') ?? `${stackName}-${id}`.slice(0, 64);
    return { ref: name, atts: { Arn: arn('lambda', `function:${name}`) } };
  },
  translate: ({ id, resource, props, ref, where }, stack) => {
    if (stack.customResourceProviders.has(id)) return;
    const assetPath = resource.Metadata?.['aws:asset:path'];
    if (typeof assetPath !== 'string') {
      throw new UnsupportedTemplateError(
        where,
        'its code is not a local asset (inline or pre-built code cannot run locally)',
      );
    }
    const [moduleName, exportName] = String(props.Handler ?? '').split(/\.(?=[^.]+$)/) as [string, string];
    const assetDir = path.join(stack.assemblyDir, assetPath);
    const entryFile = ['.mjs', '.js', '.cjs']
      .map((ext) => path.join(assetDir, moduleName + ext))
      .find((file) => existsSync(file));
    if (!entryFile || !exportName) {
      throw new UnsupportedTemplateError(
        where,
        `handler ${String(props.Handler)} was not found in ${assetPath}`,
      );
    }
    const environment = ((props.Environment as { Variables?: Record<string, string> } | undefined)
      ?.Variables ?? {}) as Record<string, string>;
    const roleId = (resource.Properties?.Role as { 'Fn::GetAtt'?: [string, string] } | undefined)?.[
      'Fn::GetAtt'
    ]?.[0];
    const runtime = String(props.Runtime ?? '');
    if (!runtime.startsWith('nodejs'))
      throw new UnsupportedTemplateError(where, `runtime ${runtime} is not Node.js`);
    stack.model.functions.push({
      id,
      name: ref,
      displayName: environment.POWERTOOLS_SERVICE_NAME ?? id,
      entryFile,
      exportName,
      runtime,
      timeoutSeconds: Number(props.Timeout ?? 3),
      memoryMb: Number(props.MemorySize ?? 128),
      ...(props.ReservedConcurrentExecutions !== undefined
        ? { reservedConcurrency: Number(props.ReservedConcurrentExecutions) }
        : {}),
      environment,
      role: {
        name: roleId ?? String(props.Role),
        statements: roleId ? roleStatements(stack.resources, roleId, stack.scope, stack.stack.stackName) : [],
      },
    });
  },
};

/** Every statement that applies to a role: its inline policies and each AWS::IAM::Policy attached to it. */
function roleStatements(
  resources: Readonly<Record<string, CfnResource>>,
  roleId: string,
  scope: ResolveScope,
  stackName: string,
): PolicyStatement[] {
  type Document = { Statement?: PolicyStatement | PolicyStatement[] };
  const documents: { where: string; document: unknown }[] = [];
  const role = resources[roleId];
  for (const policy of (role?.Properties?.Policies as { PolicyDocument: unknown }[] | undefined) ?? [])
    documents.push({ where: `${stackName}/${roleId}`, document: policy.PolicyDocument });
  for (const [id, resource] of Object.entries(resources)) {
    if (resource.Type !== 'AWS::IAM::Policy') continue;
    const roles = (resource.Properties?.Roles as { Ref?: string }[] | undefined) ?? [];
    if (roles.some((entry) => entry.Ref === roleId))
      documents.push({ where: `${stackName}/${id}`, document: resource.Properties?.PolicyDocument });
  }
  if (role?.Properties?.ManagedPolicyArns)
    throw new UnsupportedTemplateError(
      `${stackName}/${roleId}`,
      'managed policies are not evaluated locally',
    );
  return documents.flatMap(({ where, document }) => {
    const statement = (resolveValue(document, scope, where) as Document | undefined)?.Statement ?? [];
    return Array.isArray(statement) ? statement : [statement];
  });
}
