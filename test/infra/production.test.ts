// Infra: what a retained (production) stage needs beyond its settings: a sender SES can vouch for, with
// bounces and complaints reaching a person, invitations through it, app clients with only the flows they
// use, the London region, and curated data that survives an overwrite or a deletion for a known time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PROD_SETTINGS,
  referencedResource,
  resourcesOfType,
  type Synthesized,
  synthesize,
} from './helpers/synth.ts';

const STAGE = { ...PROD_SETTINGS, removalPolicy: 'retain', region: 'eu-west-2', account: '123456789012' };

let synth: Synthesized;

beforeAll(() => {
  synth = synthesize({ bundle: false, context: { stage: 'live', stages: { live: STAGE } } });
}, 120_000);

afterAll(() => synth?.cleanup());

const only = (type: string) => {
  const found = resourcesOfType(synth.templates, type);
  expect(found, type).toHaveLength(1);
  return found[0]!;
};

describe('the sender', () => {
  it('is an SES identity for the sender domain whose default configuration set publishes bounces and complaints to the alarm topic', () => {
    const [, , identity] = only('AWS::SES::EmailIdentity');
    const [setStack, setId, configurationSet] = only('AWS::SES::ConfigurationSet');
    const [destinationStack, , destination] = only('AWS::SES::ConfigurationSetEventDestination');

    expect(identity.Properties).toMatchObject({
      EmailIdentity: 'upstream.example.gov.uk',
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: setId } },
    });
    expect(configurationSet.Properties).toMatchObject({
      Name: 'upstream-live',
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
    const eventDestination = destination.Properties?.EventDestination as {
      MatchingEventTypes: string[];
      SnsDestination: { TopicARN: unknown };
      Enabled?: boolean;
    };
    expect(eventDestination.MatchingEventTypes).toEqual(expect.arrayContaining(['bounce', 'complaint']));
    const topic = referencedResource(
      synth.templates,
      destinationStack,
      eventDestination.SnsDestination.TopicARN,
    )!;
    expect(topic[1]).toMatch(/^AlarmTopic/);
    expect(setStack).toBe(destinationStack);
  });

  it('may be used by the senders only through that configuration set and identity', () => {
    const statements = resourcesOfType(synth.templates, 'AWS::IAM::Policy').flatMap(
      ([, , policy]) =>
        (policy.Properties!.PolicyDocument as { Statement: Array<Record<string, unknown>> }).Statement,
    );
    const sends = statements.filter((statement) => JSON.stringify(statement.Action).includes('ses:'));
    expect(sends).toHaveLength(3);
    for (const statement of sends) {
      expect(JSON.stringify(statement.Resource)).toContain(':configuration-set/upstream-live');
    }
  });

  it('sends the user pool invitations, through SES in London', () => {
    const [, , pool] = only('AWS::Cognito::UserPool');
    expect(pool.Properties?.EmailConfiguration).toMatchObject({
      EmailSendingAccount: 'DEVELOPER',
      From: 'Upstream <alerts@upstream.example.gov.uk>',
      ConfigurationSet: { Ref: expect.stringMatching(/^MailConfigurationSet/) },
      SourceArn: expect.anything(),
    });
    expect(JSON.stringify(pool.Properties?.EmailConfiguration)).toContain(
      'ses:eu-west-2:123456789012:identity/upstream.example.gov.uk',
    );
  });
});

describe('the region', () => {
  it('is London for both stacks', () => {
    expect(synth.stateful.region).toBe('eu-west-2');
    expect(synth.stateless.region).toBe('eu-west-2');
  });
});

describe('app clients', () => {
  it('allow only SRP sign-in and refresh, and no OAuth flow they do not use', () => {
    const clients = resourcesOfType(synth.templates, 'AWS::Cognito::UserPoolClient');
    expect(clients.length).toBeGreaterThan(0);
    for (const [, id, client] of clients) {
      const flows = client.Properties?.ExplicitAuthFlows as string[] | undefined;
      for (const flow of flows ?? []) {
        expect(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'], `${id}: ${flow}`).toContain(flow);
      }
      const oauth = client.Properties?.AllowedOAuthFlows as string[] | undefined;
      if (id.includes('DashboardClient')) {
        expect(flows?.sort(), id).toEqual(['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH']);
        expect(oauth, id).toBeUndefined();
        expect(client.Properties?.AllowedOAuthFlowsUserPoolClient, id).toBeFalsy();
      }
      expect(oauth ?? [], `${id} allows the implicit grant`).not.toContain('implicit');
      expect(JSON.stringify(client.Properties?.CallbackURLs ?? []), id).not.toContain('example.com');
    }
  });
});

describe('curated extracts', () => {
  it('are versioned, old versions limited in number and age, and kept for the documented retention', () => {
    const [, , bucket] = resourcesOfType(synth.templates, 'AWS::S3::Bucket').find(([, id]) =>
      id.startsWith('DataBucket'),
    )!;
    expect(bucket.Properties?.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    const rules = (bucket.Properties!.LifecycleConfiguration as { Rules: Array<Record<string, unknown>> })
      .Rules;
    expect(rules).toContainEqual(
      expect.objectContaining({ Prefix: 'curated/', ExpirationInDays: 2557, Status: 'Enabled' }),
    );
    expect(rules).toContainEqual(
      expect.objectContaining({
        NoncurrentVersionExpiration: { NoncurrentDays: 30, NewerNoncurrentVersions: 3 },
        ExpiredObjectDeleteMarker: true,
        Status: 'Enabled',
      }),
    );
  });
});

describe('tracing', () => {
  it('is active on every function', () => {
    const functions = resourcesOfType(synth.templates, 'AWS::Lambda::Function').filter(
      ([, , fn]) =>
        (fn.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables
          ?.POWERTOOLS_SERVICE_NAME !== undefined,
    );
    // The twelve functions of the pipeline, the machine credentials' two and the web app.
    expect(functions).toHaveLength(15);
    for (const [, id, fn] of functions) {
      expect(fn.Properties?.TracingConfig, id).toEqual({ Mode: 'Active' });
    }
  });
});

describe('the routes anyone may call', () => {
  it('are each throttled below the stage limit', () => {
    const [, , stage] = only('AWS::ApiGatewayV2::Stage');
    const open = resourcesOfType(synth.templates, 'AWS::ApiGatewayV2::Route')
      .filter(([, , route]) => route.Properties?.AuthorizationType === 'NONE')
      .map(([, , route]) => String(route.Properties?.RouteKey))
      // The web app answers every other path and signs its users in itself: the stage's limits apply to it.
      .filter((routeKey) => routeKey !== '$default');
    expect(open.length).toBeGreaterThan(0);
    const stageLimits = stage.Properties?.DefaultRouteSettings as { ThrottlingRateLimit: number };
    const routeSettings = stage.Properties?.RouteSettings as Record<
      string,
      { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }
    >;
    expect(Object.keys(routeSettings).sort()).toEqual(open.sort());
    for (const key of open) {
      expect(routeSettings[key]!.ThrottlingRateLimit, key).toBeLessThan(stageLimits.ThrottlingRateLimit);
      expect(routeSettings[key]!.ThrottlingBurstLimit, key).toBeGreaterThan(0);
    }
  });
});
