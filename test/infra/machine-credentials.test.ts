import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MACHINE_AUDIENCE,
  MACHINE_RESOURCE_SERVER,
  SUBMIT_SCOPE,
} from '../../shared/config/machine-credentials.ts';
import { referencedResource, resourcesOfType, type Synthesized, synthesize } from './helpers/synth.ts';

let synth: Synthesized;

beforeAll(() => {
  synth = synthesize({ bundle: false });
}, 120_000);

afterAll(() => synth?.cleanup());

describe('machine credentials', () => {
  it('makes the API a resource server with the one submit scope', () => {
    // Assess
    synth.statefulTemplate.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: MACHINE_RESOURCE_SERVER,
      Scopes: [Match.objectLike({ ScopeName: SUBMIT_SCOPE.split('/')[1] })],
    });
    expect(SUBMIT_SCOPE).toBe('upstream/submissions.write');
  });

  it('runs the token trigger as version 3, so that it also runs for the client-credentials grant', () => {
    // Prepare
    const [stackName, , pool] = resourcesOfType(synth.templates, 'AWS::Cognito::UserPool')[0]!;
    const config = (pool.Properties!.LambdaConfig as Record<string, Record<string, unknown>>)
      .PreTokenGenerationConfig!;

    // Act
    const [, functionId] = referencedResource(synth.templates, stackName, config.LambdaArn)!;

    // Assess
    expect(config.LambdaVersion).toBe('V3_0');
    expect(synth.templates[stackName]!.Resources[functionId]!.Metadata?.['aws:cdk:path']).toMatch(
      /MachineToken\/Function/,
    );
  });

  it('lets the API’s authoriser accept the audience the trigger writes into machine tokens', () => {
    // Assess
    synth.statelessTemplate.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: Match.objectLike({ Audience: Match.arrayWith([MACHINE_AUDIENCE]) }),
    });
  });

  it('lets the administrators’ function create and delete app clients in the pool, and nothing else there', () => {
    // Prepare
    const statements = resourcesOfType(synth.templates, 'AWS::IAM::Policy')
      .filter(([, id]) => id.startsWith('MachineClientsApi'))
      .flatMap(([, , policy]) => {
        const document = policy.Properties?.PolicyDocument as { Statement: { Action: unknown }[] };
        return document.Statement;
      });
    const cognitoActions = statements
      .flatMap((statement) => [statement.Action].flat())
      .filter((action) => String(action).startsWith('cognito-idp:'));

    // Assess
    expect(cognitoActions.sort()).toEqual([
      'cognito-idp:CreateUserPoolClient',
      'cognito-idp:DeleteUserPoolClient',
    ]);
  });

  it('routes /machine-clients/{la} for GET, POST and DELETE behind the authoriser', () => {
    // Prepare
    const routes = resourcesOfType(synth.templates, 'AWS::ApiGatewayV2::Route')
      .map(([, , route]) => route.Properties ?? {})
      .filter((route) => String(route.RouteKey).endsWith(' /machine-clients/{la}'));

    // Assess
    expect(routes.map((route) => String(route.RouteKey).split(' ')[0]).sort()).toEqual([
      'DELETE',
      'GET',
      'POST',
    ]);
    for (const route of routes) expect(route.AuthorizationType).toBe('JWT');
  });
});
