// AWS::ApiGatewayV2::{Api,Integration,Authorizer,Route} → the local gateway's API and its routes, each to a
// function, behind a JWT authoriser or none.
import { UnsupportedTemplateError } from '../intrinsics.ts';
import { functionNameFromArn } from './arns.ts';
import type { ResourceTranslator } from './translator.ts';

export const httpApi: ResourceTranslator = {
  names: ({ id, endpoints }) => ({ ref: id, atts: { ApiEndpoint: endpoints.apiUrl(id), ApiId: id } }),
  translate: ({ id, props, where }, { model }) => {
    if (props.ProtocolType !== 'HTTP')
      throw new UnsupportedTemplateError(where, 'only HTTP APIs run locally');
    model.apis.push({
      id,
      name: String(props.Name ?? id),
      ...(props.CorsConfiguration ? { cors: props.CorsConfiguration as Record<string, unknown> } : {}),
    });
  },
};

export const httpIntegration: ResourceTranslator = {
  translate: ({ id, props, where }, { integrations }) => {
    if (props.IntegrationType !== 'AWS_PROXY' || !String(props.IntegrationUri).includes(':function:')) {
      throw new UnsupportedTemplateError(where, 'only Lambda proxy integrations run locally');
    }
    if (props.PayloadFormatVersion !== undefined && props.PayloadFormatVersion !== '2.0') {
      throw new UnsupportedTemplateError(where, 'only payload format 2.0 is supported locally');
    }
    integrations.set(id, functionNameFromArn(String(props.IntegrationUri)));
  },
};

export const httpAuthorizer: ResourceTranslator = {
  translate: ({ id, props, where }, { authorizers }) => {
    if (props.AuthorizerType !== 'JWT')
      throw new UnsupportedTemplateError(where, 'only JWT authorisers run locally');
    const jwt = props.JwtConfiguration as { Audience?: string[]; Issuer?: string };
    authorizers.set(id, {
      id,
      issuer: String(jwt.Issuer),
      audience: jwt.Audience ?? [],
      identitySource: String(
        (props.IdentitySource as string[] | undefined)?.[0] ?? '$request.header.Authorization',
      ),
    });
  },
};

/** Linked once the stack's integrations and authorisers are known. */
export const httpRoute: ResourceTranslator = {
  link: ({ id, props, where }, { model, integrations, authorizers }) => {
    const target = String(props.Target ?? '');
    const functionName = integrations.get(target.replace(/^integrations\//, '').replace(/^local-/, ''));
    if (!functionName)
      throw new UnsupportedTemplateError(
        where,
        `its target ${target} is not a Lambda integration in this stack`,
      );
    const authorizationType = String(props.AuthorizationType ?? 'NONE');
    if (authorizationType !== 'NONE' && authorizationType !== 'JWT') {
      throw new UnsupportedTemplateError(
        where,
        `authorisation type ${authorizationType} is not supported locally`,
      );
    }
    const authorizer =
      authorizationType === 'JWT'
        ? authorizers.get(String(props.AuthorizerId).replace(/^local-/, ''))
        : undefined;
    if (authorizationType === 'JWT' && !authorizer)
      throw new UnsupportedTemplateError(where, 'its JWT authoriser is not in this stack');
    model.routes.push({
      id,
      apiId: String(props.ApiId),
      routeKey: String(props.RouteKey),
      functionName,
      ...(authorizer ? { authorizer } : {}),
      scopes: (props.AuthorizationScopes as string[] | undefined) ?? [],
    });
  },
};
