// Infra helper: throttles for single routes of an HTTP API stage, tighter than the stage's own.
import type { CfnStage, HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';

export interface RouteThrottle {
  /** Steady requests per second across all callers. */
  readonly rateLimit: number;
  /** Requests allowed at once above the steady rate. */
  readonly burstLimit: number;
}

/** Limits for routes anyone may call (no JWT): enough for people opening links from email, not for a flood. */
export const OPEN_ROUTE_THROTTLE: RouteThrottle = { rateLimit: 5, burstLimit: 10 };

/** Sets per-route throttling on `stage` for each route key (e.g. `GET /subscriptions/confirm`). */
export function throttleRoutes(
  stage: HttpStage,
  routeKeys: readonly string[],
  throttle: RouteThrottle,
): void {
  const resource = stage.node.defaultChild as CfnStage;
  // RouteSettings is a free-form map to CDK: it is written as CloudFormation spells it.
  const settings = { ...((resource.routeSettings ?? {}) as Record<string, unknown>) };
  for (const routeKey of routeKeys) {
    settings[routeKey] = {
      ThrottlingRateLimit: throttle.rateLimit,
      ThrottlingBurstLimit: throttle.burstLimit,
    };
  }
  resource.routeSettings = settings;
}
