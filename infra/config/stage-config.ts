// Infra config: the per-stage settings in cdk.json context, validated once at synth so a typo fails loudly.
import { z } from 'zod';

/** The retention periods CloudWatch Logs accepts; any other number is rejected at deploy time, so reject it at synth. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

export const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR'] as const;

/**
 * Function timeouts in seconds, keyed by function name; `default` covers every function not listed.
 * Queue visibility timeouts are derived from these, so the two cannot drift apart.
 */
export const DEFAULT_FUNCTION_TIMEOUT_SECONDS: Readonly<Record<string, number>> = {
  default: 30,
  'ingest-return': 120,
  'submissions-api': 10,
};

export const DEFAULT_ALLOWED_ORIGINS = ['http://127.0.0.1:3000'];

const KEBAB_CASE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const STAGE_NAME = /^[a-z][a-z0-9-]{0,19}$/;

/** An origin is scheme + host (+ port) only: browsers send exactly that in the Origin header. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

const stageSettingsSchema = z.strictObject({
  account: z
    .string()
    .regex(/^\d{12}$/, 'must be a 12-digit AWS account id')
    .optional(),
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'must be an AWS region code such as eu-west-2')
    .optional(),
  rawUploadRetentionDays: z.number().int().min(1).max(3650).default(30),
  logRetentionDays: z
    .number()
    .int()
    .refine((days) => (LOG_RETENTION_DAYS as readonly number[]).includes(days), {
      message: `must be one of the periods CloudWatch Logs accepts: ${LOG_RETENTION_DAYS.join(', ')}`,
    })
    .default(30),
  logLevel: z.enum(LOG_LEVELS).default('INFO'),
  removalPolicy: z.enum(['destroy', 'retain']).default('retain'),
  functionTimeoutSeconds: z
    .record(
      z.string().regex(KEBAB_CASE, 'function names are kebab-case, e.g. ingest-return'),
      z.number().int().min(1).max(900),
    )
    .default({})
    .transform((overrides) => ({ ...DEFAULT_FUNCTION_TIMEOUT_SECONDS, ...overrides })),
  /** The largest single file a council may upload (a whole SSDA903 return as CSV is a few MB). */
  maxUploadBytes: z
    .number()
    .int()
    .min(1_048_576)
    .max(5 * 1024 ** 3, 'must be at most 5 GiB, the largest single PUT S3 accepts')
    .default(100 * 1_048_576),
  alarmEmail: z.email().optional(),
  /** Sender of adviser alert emails; in AWS an SES verified identity (the address or its domain). */
  fromAddress: z.email().default('alerts@upstream.example.gov.uk'),
  /**
   * The web app's address when it has its own domain (linked from alert emails: a council's page is
   * `{appUrl}/councils/{la}`); by default the CloudFront distribution's own address.
   */
  appUrl: z
    .url()
    .refine((value) => /^https:\/\/[^/]+$/.test(value), {
      message:
        'must be an https address with no path or trailing slash, such as https://upstream.example.gov.uk',
    })
    .optional(),
  /** Cognito managed login's domain prefix (unique in the region): https://<prefix>.auth.<region>.amazoncognito.com. */
  authDomainPrefix: z
    .string()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'must be lower-case letters, digits and hyphens')
    .refine((value) => !/aws|amazon|cognito/.test(value), {
      message: 'must not contain aws, amazon or cognito (Cognito refuses them)',
    })
    .optional(),
  /** Advisers who asked for a digest get their held alerts in one email this often. */
  adviserDigestMinutes: z.number().int().min(5).max(1440).default(60),
  allowedOrigins: z
    .array(
      z.string().refine(isOrigin, {
        message: 'must be an origin such as https://upstream.example.gov.uk (no path or trailing slash)',
      }),
    )
    .min(1)
    .default(DEFAULT_ALLOWED_ORIGINS),
});

export type StageSettings = z.output<typeof stageSettingsSchema>;

export interface StageConfig extends StageSettings {
  /** The stage name, e.g. "dev"; part of every stack name. */
  readonly stage: string;
}

export class StageConfigError extends Error {
  override readonly name = 'StageConfigError';
}

function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  return [prefix, ...path.map(String)].join('.');
}

/**
 * Validates the settings for one stage. `stages` is the cdk.json `stages` context object.
 * Every problem is reported at once, each naming its field.
 */
export function parseStageConfig(stage: unknown, stages: unknown): StageConfig {
  if (typeof stage !== 'string' || !STAGE_NAME.test(stage)) {
    throw new StageConfigError(
      `Invalid context "stage": ${JSON.stringify(stage)}. A stage is lower-case letters, digits and hyphens, starting with a letter.`,
    );
  }
  if (typeof stages !== 'object' || stages === null || Array.isArray(stages)) {
    throw new StageConfigError(
      'Missing context "stages": cdk.json defines the per-stage settings; run the app through the CDK CLI (npx cdk synth).',
    );
  }
  if (!Object.hasOwn(stages, stage)) {
    const known = Object.keys(stages).join(', ') || 'none';
    throw new StageConfigError(`Unknown stage "${stage}": context "stages" defines ${known}.`);
  }
  const result = stageSettingsSchema.safeParse((stages as Record<string, unknown>)[stage]);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `  - ${formatPath(`stages.${stage}`, issue.path)}: ${issue.message}`,
    );
    throw new StageConfigError(`Invalid configuration for stage "${stage}":\n${problems.join('\n')}`);
  }
  return { stage, ...result.data };
}

/** Minimal view of a construct node, so this module stays free of CDK imports and easy to unit-test. */
export interface ContextReader {
  tryGetContext(key: string): unknown;
}

export function stageConfigFromContext(node: ContextReader): StageConfig {
  return parseStageConfig(node.tryGetContext('stage') ?? 'dev', node.tryGetContext('stages'));
}

/** The timeout of a function by name, falling back to the stage's `default`. */
export function functionTimeoutSeconds(config: StageConfig, functionName: string): number {
  return config.functionTimeoutSeconds[functionName] ?? config.functionTimeoutSeconds.default ?? 30;
}
