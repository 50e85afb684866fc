// Infra construct: the Cognito user pool whose groups carry every role the API authorises on.
import { Aws, Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  CfnUserPoolGroup,
  FeaturePlan,
  type IUserPoolResourceServer,
  LambdaVersion,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  ResourceServerScope,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
  type UserPoolEmail,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { COMMAND_LINE_CALLBACK_URL } from '../../shared/config/command-line-sign-in.ts';
import { MACHINE_RESOURCE_SERVER, SUBMIT_SCOPE } from '../../shared/config/machine-credentials.ts';

export interface IdentityProps {
  /** One `council:<la>` group each. */
  readonly councils: readonly { readonly la: string; readonly name: string }[];
  /** Region slug → display name; one `adviser:<slug>` group each. */
  readonly regions: Readonly<Record<string, string>>;
  readonly removalPolicy: RemovalPolicy;
  /** How invitations and recovery codes are sent. @default - Cognito's own address (a low daily quota) */
  readonly email?: UserPoolEmail;
  /** Blocks deleting the pool through the API as well as through CloudFormation. @default false */
  readonly deletionProtection?: boolean;
  /** The managed-login domain's prefix: https://<prefix>.auth.<region>.amazoncognito.com. */
  readonly domainPrefix: string;
  /**
   * The pre-token-generation trigger (event version 3, so it also runs for the client-credentials grant): it
   * ties a council's machine client to its council, and refuses tokens to any other client.
   */
  readonly machineTokenTrigger: IFunction;
}

/**
 * A user pool for named civil-service and council staff: no self sign-up, TOTP MFA required, strong
 * passwords, email-only recovery. Groups `dfe`, `admin`, `adviser:<region>` and `council:<la>` end up in
 * the `cognito:groups` claim, which handlers turn into roles. Councils' automated extracts use machine clients
 * (client-credentials grant, scope `upstream/submissions.write`), tied to their council by the token trigger.
 */
export class Identity extends Construct {
  readonly userPool: UserPool;
  /** Public client for the dashboard (no secret: it runs in the browser). */
  readonly client: UserPoolClient;
  /** Public client for the `upstream` command: managed login with PKCE, the code sent back to localhost. */
  readonly commandLineClient: UserPoolClient;
  /** Cognito managed login, where the web app sends users to sign in. */
  readonly domain: UserPoolDomain;
  /**
   * The API as an OAuth resource server, with the one scope councils' machine clients are given
   * (`upstream/submissions.write`). The clients themselves are created by administrators through the API.
   */
  readonly resourceServer: IUserPoolResourceServer;
  /** The JWT issuer API Gateway checks tokens against. */
  readonly issuerUrl: string;
  readonly groupNames: readonly string[];

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      mfa: Mfa.REQUIRED,
      // SMS is phishable and costs per message; authenticator apps are enough.
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      email: props.email,
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: props.deletionProtection ?? false,
      removalPolicy: props.removalPolicy,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'The Plus feature plan (threat protection) is billed per monthly active user; the pool has no self sign-up, requires TOTP MFA for every user and is used by a few hundred named staff. Revisit if risk-based sign-in becomes a requirement.',
    });

    this.client = this.userPool.addClient('DashboardClient', {
      generateSecret: false,
      // Exactly what the dashboard does: SRP sign-in and refresh, no hosted-UI OAuth flows (CDK enables
      // the code and implicit grants by default).
      authFlows: { userSrp: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      enableTokenRevocation: true,
    });

    this.commandLineClient = this.userPool.addClient('CommandLineClient', {
      generateSecret: false,
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL],
        callbackUrls: [COMMAND_LINE_CALLBACK_URL],
      },
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      // A working day at the keyboard; then sign in again.
      refreshTokenValidity: Duration.hours(12),
      enableTokenRevocation: true,
    });
    // Managed login needs a style per client; Cognito's own is enough.
    new CfnManagedLoginBranding(this, 'CommandLineLoginBranding', {
      userPoolId: this.userPool.userPoolId,
      clientId: this.commandLineClient.userPoolClientId,
      useCognitoProvidedValues: true,
    });

    this.domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: props.domainPrefix },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });

    const submitScope = new ResourceServerScope({
      scopeName: SUBMIT_SCOPE.slice(MACHINE_RESOURCE_SERVER.length + 1),
      scopeDescription: 'Send its council’s returns and read their status and reports',
    });
    this.resourceServer = this.userPool.addResourceServer('ResourceServer', {
      identifier: MACHINE_RESOURCE_SERVER,
      userPoolResourceServerName: 'Upstream API',
      scopes: [submitScope],
    });
    // Version 3: version 2 does not run for machine clients. The Essentials plan above is what allows it.
    this.userPool.addTrigger(
      UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      props.machineTokenTrigger,
      LambdaVersion.V3_0,
    );

    this.issuerUrl = `https://cognito-idp.${Aws.REGION}.amazonaws.com/${this.userPool.userPoolId}`;

    const groups: Array<{ id: string; name: string; description: string }> = [
      { id: 'Dfe', name: 'dfe', description: 'Department for Education: national view' },
      { id: 'Admin', name: 'admin', description: 'Service administrators' },
      ...Object.entries(props.regions).map(([slug, name]) => ({
        id: `Adviser-${slug}`,
        name: `adviser:${slug}`,
        description: `Regional adviser: ${name}`,
      })),
      ...props.councils.map((council) => ({
        id: `Council-${council.la}`,
        name: `council:${council.la}`,
        description: `Council staff: ${council.name} (LA ${council.la})`,
      })),
    ];
    const groupsScope = new Construct(this, 'Groups');
    for (const group of groups) {
      new CfnUserPoolGroup(groupsScope, group.id, {
        userPoolId: this.userPool.userPoolId,
        groupName: group.name,
        description: group.description,
      });
    }
    this.groupNames = groups.map((group) => group.name);
  }
}
