// Local cloud: resolves CloudFormation intrinsic functions against local names and URLs.

export class UnsupportedTemplateError extends Error {
  constructor(
    readonly resource: string,
    reason: string,
  ) {
    super(`The local cloud cannot run ${resource}: ${reason}`);
    this.name = 'UnsupportedTemplateError';
  }
}

export interface ResolveScope {
  readonly stackName: string;
  readonly region: string;
  readonly accountId: string;
  /** Ref of a resource in this stack. */
  ref(logicalId: string): string | undefined;
  /** Fn::GetAtt of a resource in this stack. */
  getAtt(logicalId: string, attribute: string): string | undefined;
  /** Fn::ImportValue across stacks. */
  importValue(exportName: string): string | undefined;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Resolves a template value; `where` names the resource for error messages. */
export function resolveValue(value: unknown, scope: ResolveScope, where: string): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveValue(item, scope, where));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, Json>);
  if (entries.length === 1) {
    const [name, argument] = entries[0]!;
    if (name === 'Ref' || name.startsWith('Fn::')) return resolveFunction(name, argument, scope, where);
  }
  return Object.fromEntries(entries.map(([key, item]) => [key, resolveValue(item, scope, where)]));
}

export function resolveString(value: unknown, scope: ResolveScope, where: string): string {
  const resolved = resolveValue(value, scope, where);
  if (typeof resolved === 'number' || typeof resolved === 'boolean') return String(resolved);
  if (typeof resolved !== 'string') {
    throw new UnsupportedTemplateError(where, `expected a string, found ${JSON.stringify(resolved)}`);
  }
  return resolved;
}

const PSEUDO_PARAMETERS: Record<string, (scope: ResolveScope) => string> = {
  'AWS::Region': (scope) => scope.region,
  'AWS::AccountId': (scope) => scope.accountId,
  'AWS::Partition': () => 'aws',
  'AWS::URLSuffix': () => 'amazonaws.com',
  'AWS::StackName': (scope) => scope.stackName,
  'AWS::StackId': (scope) =>
    `arn:aws:cloudformation:${scope.region}:${scope.accountId}:stack/${scope.stackName}/local`,
};

function resolveFunction(name: string, argument: Json, scope: ResolveScope, where: string): unknown {
  switch (name) {
    case 'Ref': {
      const id = String(argument);
      const pseudo = PSEUDO_PARAMETERS[id];
      const value = pseudo ? pseudo(scope) : scope.ref(id);
      if (value === undefined)
        throw new UnsupportedTemplateError(where, `it refers to ${id}, which is not a resource`);
      return value;
    }
    case 'Fn::GetAtt': {
      const [id, attribute] = Array.isArray(argument)
        ? [String(argument[0]), String(argument[1])]
        : (String(argument).split(/\.(.*)/s) as [string, string]);
      const value = scope.getAtt(id, attribute);
      if (value === undefined) {
        throw new UnsupportedTemplateError(
          where,
          `it needs ${id}.${attribute}, which the local cloud does not provide`,
        );
      }
      return value;
    }
    case 'Fn::Join': {
      const [separator, parts] = argument as [string, Json[]];
      const resolved = resolveValue(parts, scope, where);
      if (!Array.isArray(resolved)) throw new UnsupportedTemplateError(where, 'Fn::Join needs a list');
      return resolved.map((part) => String(part)).join(separator);
    }
    case 'Fn::Sub': {
      const [text, variables] = Array.isArray(argument)
        ? (argument as [string, Record<string, Json>])
        : [String(argument), {}];
      return text.replace(/\$\{([^}!][^}]*)\}/g, (_match, expression: string) => {
        if (Object.hasOwn(variables, expression)) return resolveString(variables[expression], scope, where);
        const [id, attribute] = expression.split(/\.(.*)/s) as [string, string | undefined];
        return resolveString(attribute ? { 'Fn::GetAtt': [id, attribute] } : { Ref: id }, scope, where);
      });
    }
    case 'Fn::ImportValue': {
      const exportName = resolveString(argument, scope, where);
      const value = scope.importValue(exportName);
      if (value === undefined)
        throw new UnsupportedTemplateError(where, `it imports ${exportName}, which no stack exports`);
      return value;
    }
    case 'Fn::Select': {
      const [index, list] = argument as [Json, Json];
      const resolved = resolveValue(list, scope, where);
      if (!Array.isArray(resolved)) throw new UnsupportedTemplateError(where, 'Fn::Select needs a list');
      return resolved[Number(resolveValue(index, scope, where))];
    }
    case 'Fn::Split': {
      const [separator, text] = argument as [string, Json];
      return resolveString(text, scope, where).split(separator);
    }
    default:
      throw new UnsupportedTemplateError(where, `the intrinsic function ${name} is not supported locally`);
  }
}
