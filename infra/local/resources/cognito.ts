// AWS::Cognito::UserPool → a local issuer of tokens; its app clients (and their callback addresses) and groups
// and resource servers' scopes attach to it once the stack's pools are known.
import { UnsupportedTemplateError } from '../intrinsics.ts';
import { LOCAL_REGION } from '../local-model.ts';
import { functionNameFromArn } from './arns.ts';
import { arn, type ResourceInput, type ResourceTranslator, type StackTranslation } from './translator.ts';

export const cognitoUserPool: ResourceTranslator = {
  names: ({ id }) => {
    const poolId = `${LOCAL_REGION}_local${id.replace(/[^A-Za-z0-9]/g, '').slice(0, 20)}`;
    return {
      ref: poolId,
      atts: {
        Arn: arn('cognito-idp', `userpool/${poolId}`),
        ProviderName: `cognito-idp.${LOCAL_REGION}.amazonaws.com/${poolId}`,
        ProviderURL: `https://cognito-idp.${LOCAL_REGION}.amazonaws.com/${poolId}`,
        UserPoolId: poolId,
      },
    };
  },
  translate: ({ id, ref, props }, { model, namesOf }) => {
    const trigger = (props.LambdaConfig as Record<string, unknown> | undefined)?.PreTokenGenerationConfig as
      | { LambdaArn?: string; LambdaVersion?: string }
      | undefined;
    model.userPools.push({
      id,
      poolId: ref,
      issuer: namesOf(id).atts.ProviderURL!,
      clientIds: [],
      callbackUrls: {},
      groups: [],
      scopes: [],
      ...(trigger?.LambdaArn
        ? {
            preTokenGeneration: {
              functionName: functionNameFromArn(String(trigger.LambdaArn)),
              version: String(trigger.LambdaVersion ?? 'V1_0'),
            },
          }
        : {}),
    });
  },
};

function poolOf({ props, where }: ResourceInput, { model }: StackTranslation) {
  const pool = model.userPools.find((candidate) => candidate.poolId === props.UserPoolId);
  if (!pool) throw new UnsupportedTemplateError(where, 'its user pool is not in the template');
  return pool;
}

export const cognitoUserPoolClient: ResourceTranslator = {
  names: ({ id }) => {
    const clientId = `local${id.replace(/[^A-Za-z0-9]/g, '').toLowerCase()}`.slice(0, 26);
    return { ref: clientId, atts: { ClientId: clientId } };
  },
  link: (input, stack) => {
    const pool = poolOf(input, stack);
    (pool.clientIds as string[]).push(input.ref);
    const callbacks = Array.isArray(input.props.CallbackURLs) ? input.props.CallbackURLs.map(String) : [];
    (pool.callbackUrls as Record<string, string[]>)[input.ref] = callbacks;
  },
};

export const cognitoUserPoolGroup: ResourceTranslator = {
  link: (input, stack) => {
    (poolOf(input, stack).groups as string[]).push(String(input.props.GroupName));
  },
};

export const cognitoUserPoolResourceServer: ResourceTranslator = {
  link: (input, stack) => {
    const scopes = (input.props.Scopes as { ScopeName: string }[] | undefined) ?? [];
    (poolOf(input, stack).scopes as string[]).push(
      ...scopes.map((scope) => `${String(input.props.Identifier)}/${scope.ScopeName}`),
    );
  },
};
