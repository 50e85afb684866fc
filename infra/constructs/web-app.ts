// Infra construct: the web app. A function behind the HTTP API's default route renders the pages; one
// CloudFront distribution serves them and the static assets (from S3) over HTTPS with security headers;
// users sign in with Cognito managed login (authorization code + PKCE) through the app's own client.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { HttpNoneAuthorizer, HttpRoute, HttpRouteKey, type IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import {
  CfnManagedLoginBranding,
  OAuthScope,
  UserPoolClient,
  UserPoolClientIdentityProvider,
} from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { webAssetSources } from '../../shared/web/assets.ts';
import type { StageConfig } from '../config/stage-config.ts';
import type { Identity } from './identity.ts';
import { acknowledgeWildcardResource } from './nag.ts';
import { UpstreamFunction } from './upstream-function.ts';

export interface WebAppProps {
  readonly config: StageConfig;
  readonly api: IHttpApi;
  readonly table: ITable;
  readonly identity: Identity;
}

/** For pages the function's own CSP (with a per-response nonce) applies; this one covers the assets. */
const ASSET_CSP = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'";

export class WebApp extends Construct {
  readonly function: UpstreamFunction;
  readonly distribution: Distribution;
  readonly client: UserPoolClient;
  readonly assetsBucket: Bucket;
  /** The app's address: the stage's `appUrl`, or the distribution's own domain. */
  readonly appUrl: string;

  constructor(scope: Construct, id: string, props: WebAppProps) {
    super(scope, id);
    const { config } = props;
    const removalPolicy = config.removalPolicy === 'retain' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.assetsBucket = new Bucket(this, 'Assets', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy,
    });
    Validations.of(this.assetsBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Holds only public static files from the govuk-frontend package and the app (CSS, JS, fonts, images), rewritten on every deploy; requests are logged by nothing else worth keeping.',
    });

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: `Upstream ${config.stage}: HSTS, no framing, no sniffing`,
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.SAME_ORIGIN, override: true },
        contentSecurityPolicy: { contentSecurityPolicy: ASSET_CSP, override: false },
      },
    });

    // The HTTP API's host name: its endpoint is https://<id>.execute-api.<region>.amazonaws.com.
    const apiDomain = Fn.select(2, Fn.split('/', props.api.apiEndpoint));
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Upstream ${config.stage} web app`,
      priceClass: PriceClass.PRICE_CLASS_100,
      defaultBehavior: {
        origin: new HttpOrigin(apiDomain),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: headers,
      },
      additionalBehaviors: {
        '/assets/*': {
          origin: S3BucketOrigin.withOriginAccessControl(this.assetsBucket),
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: headers,
        },
      },
    });
    const acknowledge = (finding: string, reason: string) =>
      Validations.of(this.distribution).acknowledge({ id: finding, reason });
    acknowledge(
      'AwsSolutions-CFR1',
      'Councils, advisers and DfE staff sign in from anywhere in the UK and when travelling; access is controlled by Cognito sign-in with MFA, not by location.',
    );
    acknowledge(
      'AwsSolutions-CFR2',
      'No WAF yet: every page but the start page needs a signed-in session, the API behind it is throttled per stage, and Cognito managed login has its own protections. A web ACL is the next step if the app is opened wider.',
    );
    acknowledge(
      'AwsSolutions-CFR3',
      'Page requests reach the HTTP API, whose stage writes an access log of every request; the assets are public static files.',
    );
    acknowledge(
      'AwsSolutions-CFR4',
      "The distribution uses CloudFront's default certificate until a stage is given its own domain; CloudFront then enforces the TLS policy of that certificate.",
    );

    this.appUrl = config.appUrl ?? `https://${this.distribution.distributionDomainName}`;

    // In this stack, not the pool's: its addresses are the distribution's.
    this.client = new UserPoolClient(this, 'Client', {
      userPool: props.identity.userPool,
      generateSecret: false,
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL],
        callbackUrls: [`${this.appUrl}/auth/callback`],
        logoutUrls: [`${this.appUrl}/signed-out`],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      enableTokenRevocation: true,
    });
    // Managed login needs a style per client; Cognito's own is enough.
    new CfnManagedLoginBranding(this, 'LoginBranding', {
      userPoolId: props.identity.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });

    this.function = new UpstreamFunction(this, 'Function', {
      name: 'web',
      config,
      memorySize: 512,
      description: 'The web app: pages for councils, advisers, DfE and administrators',
      bundledFiles: [
        { from: 'shared/web/templates', to: 'templates', suffix: '.njk' },
        { from: 'node_modules/govuk-frontend/dist/govuk', to: 'govuk-frontend/govuk', suffix: '.njk' },
      ],
    })
      // Sign-in sessions (a record per session with a TTL) live in the one table.
      .bindTable(props.table, 'TABLE_NAME', 'readWrite')
      .addEnvironment('API_URL', props.api.apiEndpoint)
      .addEnvironment('APP_URL', this.appUrl)
      .addEnvironment('AUTH_URL', props.identity.domain.baseUrl())
      .addEnvironment('AUTH_CLIENT_ID', this.client.userPoolClientId);

    const defaultRoute = new HttpRoute(this, 'DefaultRoute', {
      httpApi: props.api,
      routeKey: HttpRouteKey.DEFAULT,
      integration: new HttpLambdaIntegration('WebIntegration', this.function.function),
      // The pages are public at the edge; the app signs users in and calls the API with their token.
      authorizer: new HttpNoneAuthorizer(),
    });
    Validations.of(defaultRoute).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        "The default route serves the web app, which must answer a visitor who has not signed in yet (the start page, sign-in and its callback). Every other page needs a session, and the app calls the API with the user's token, through the JWT authoriser.",
    });

    const sources = webAssetSources();
    new BucketDeployment(this, 'DeployAssets', {
      destinationBucket: this.assetsBucket,
      destinationKeyPrefix: 'assets/',
      sources: [
        ...sources.directories.map((directory) => Source.asset(directory)),
        ...sources.files.map((file) => Source.data(path.basename(file), readFileSync(file, 'utf8'))),
      ],
      distribution: this.distribution,
      distributionPaths: ['/assets/*'],
      memoryLimit: 256,
    });
    this.acknowledgeDeploymentHandler();
  }

  /** CDK's singleton that copies the assets at deploy time; its shape is fixed by CDK. */
  private acknowledgeDeploymentHandler(): void {
    const stack = Stack.of(this);
    const handler = stack.node.children.find((child) =>
      child.node.id.startsWith('Custom::CDKBucketDeployment'),
    );
    if (!handler) throw new Error('Expected CDK to create the BucketDeployment handler.');
    const copies =
      "CDK's asset-deployment handler (deploy time only) copies the app's static files from the CDK asset bucket into this app's assets bucket; CDK fixes its policy";
    const reasons: Record<string, string> = {
      'AwsSolutions-IAM5[Action::s3:GetBucket*]': copies,
      'AwsSolutions-IAM5[Action::s3:GetObject*]': copies,
      'AwsSolutions-IAM5[Action::s3:List*]': copies,
      'AwsSolutions-IAM5[Action::s3:Abort*]': copies,
      'AwsSolutions-IAM5[Action::s3:DeleteObject*]': `${copies} (it removes files a new version no longer has).`,
      'AwsSolutions-IAM5[Resource::*]':
        "CDK's asset-deployment handler invalidates the distribution's /assets/* paths after a deploy; CloudFront invalidation takes no resource-level condition in CDK's policy.",
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]':
        "CDK's asset-deployment handler (deploy time only) uses the basic execution managed policy for its own logs; CDK does not let its role be replaced.",
      'AwsSolutions-L1':
        "CDK's asset-deployment handler runs the Python runtime CDK chooses for it; it runs only during deployments.",
    };
    for (const [finding, reason] of Object.entries(reasons)) {
      Validations.of(handler).acknowledge({ id: finding, reason });
    }
    acknowledgeWildcardResource(handler, this.assetsBucket.arnForObjects('*'), `${copies}.`);
    acknowledgeWildcardResource(
      handler,
      `arn:${stack.partition}:s3:::cdk-hnb659fds-assets-${stack.account}-${stack.region}/*`,
      `${copies}; its object keys are asset hashes.`,
    );
  }
}
