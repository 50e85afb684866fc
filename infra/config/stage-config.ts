// Infra config: the per-stage settings in cdk.json context, validated once at synth so a typo fails loudly.
import * as z from 'zod';

/** The retention periods CloudWatch Logs accepts; any other number is rejected at deploy time, so reject it at synth. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR'] as const;

/**
 * Function timeouts in seconds, keyed by function name; `default` covers every function not listed.
 * Queue visibility timeouts are derived from these, so the two cannot drift apart.
 */
const DEFAULT_FUNCTION_TIMEOUT_SECONDS: Readonly<Record<string, number>> = {
  default: 30,
  'submissions-api': 10,
};

/**
 * The slowest paces ingest was measured at, end to end: `BENCH_INGEST_LARGE=1 npm run bench -- ingestUseCase`,
 * four runs on 2026-12-06, each return type through its use case with the real S3 adapter against the local
 * emulator, at the largest input the limits accept; elapsed seconds, the slowest run of each (the shared
 * machine was busy: the same 5.1 CPU s took 10 to 22 s). What the time grows with differs by type, so each
 * bound is worked out at the stage's limits (docs/operations.md, "Ingest sizing").
 */
export const INGEST_BENCHMARK = {
  /** Per MiB of an uploaded file, the slowest type: SSDA903 CSV (75.6 MiB, 1.2 million rows, in 21.6 s). */
  secondsPerUploadMiB: 0.285,
  /** Per MiB of an SSDA903 ZIP's tables once inflated (the same 75.6 MiB in a 8.8 MiB ZIP, in 13.1 s). */
  secondsPerInflatedMiB: 0.173,
  /** Per row of an SSDA903 return in its slowest form, XML (300,000 rows, 91.5 MiB, in 12.0 s). */
  secondsPerRow: 39.9e-6,
  /** The highest peak that does not grow with the upload (an SSDA903 XML return of 91.5 MiB: 465 MB). */
  peakMiB: 444,
  /** A CSC API payload's children are held in memory: its peak grows with the payload from this base... */
  cscapiBasePeakMiB: 167,
  /** ...by this much per MiB of payload (199 MB at 9.2 MiB, 419 MB at 91 MiB). */
  cscapiPeakMiBPerUploadMiB: 2.6,
  /**
   * What ingest writes under /tmp per byte of an SSDA903 return's tables (its held rows and rule 444's UPNs,
   * spilled): at most 58.7 MB for the 79.3 MB CSV return.
   */
  spilledBytesPerByte: 0.74,
};

/** Paces and peaks as the ingest benchmark measures them (scripts/bench-ingest-use-case.ts prints its own). */
export type IngestBenchmark = typeof INGEST_BENCHMARK;

/**
 * The limits the sizing covers besides the upload's size: an SSDA903 return's rows (RETURN_LIMITS in
 * shared/domain/ssda903/engine.ts) and what its ZIP may inflate to (DEFAULT_ZIP_LIMITS in zip-reader.ts). A
 * test holds them equal to the limits themselves, so neither is raised without the timeout.
 */
export const INGEST_SIZED_FOR = {
  rowsPerReturn: 1_500_000,
  zipInflatedBytes: 1024 ** 3,
  zipRatio: 200,
} as const;

/** Headroom over the benchmark for S3 and DynamoDB I/O, a slower return and a noisy neighbour. */
const INGEST_MARGIN = 3;

/** Lambda gives a function one full vCPU, the single core the benchmark ran on, from this memory size. */
const LAMBDA_ONE_VCPU_MIB = 1769;

/** The most ingest can take for one file of the stage's largest upload, at the benchmark's paces (no margin). */
export function ingestSecondsAtLimits(
  maxUploadBytes: number,
  benchmark: IngestBenchmark = INGEST_BENCHMARK,
): number {
  const uploadMiB = maxUploadBytes / 1024 ** 2;
  // A ZIP may inflate to zipRatio times its size, and to zipInflatedBytes at most.
  const inflatedMiB =
    Math.min(INGEST_SIZED_FOR.zipInflatedBytes, maxUploadBytes * INGEST_SIZED_FOR.zipRatio) / 1024 ** 2;
  return Math.max(
    uploadMiB * benchmark.secondsPerUploadMiB,
    inflatedMiB * benchmark.secondsPerInflatedMiB,
    INGEST_SIZED_FOR.rowsPerReturn * benchmark.secondsPerRow,
  );
}

/** ingest-return's timeout for the largest allowed upload: the benchmark × the margin, in whole minutes. */
export function ingestTimeoutSeconds(
  maxUploadBytes: number,
  benchmark: IngestBenchmark = INGEST_BENCHMARK,
): number {
  return Math.ceil((INGEST_MARGIN * ingestSecondsAtLimits(maxUploadBytes, benchmark)) / 60) * 60;
}

/** Lambda's ephemeral storage (/tmp): its default, and the most it can be given. */
const LAMBDA_TMP_MIB = { default: 512, max: 10_240 } as const;

/**
 * ingest-return's /tmp for the stage's largest upload: what an SSDA903 return's tables spill × the margin, the
 * tables up to what a ZIP of that size may inflate to; never under Lambda's default.
 */
export function ingestTmpMiB(maxUploadBytes: number, benchmark: IngestBenchmark = INGEST_BENCHMARK): number {
  const tableBytes = Math.max(
    maxUploadBytes,
    Math.min(INGEST_SIZED_FOR.zipInflatedBytes, maxUploadBytes * INGEST_SIZED_FOR.zipRatio),
  );
  const needed = (INGEST_MARGIN * benchmark.spilledBytesPerByte * tableBytes) / 1024 ** 2;
  return Math.max(LAMBDA_TMP_MIB.default, Math.ceil(needed));
}

/** ingest-return's peak at the stage's largest upload (no margin). */
export function ingestPeakMiB(maxUploadBytes: number, benchmark: IngestBenchmark = INGEST_BENCHMARK): number {
  const cscapi =
    benchmark.cscapiBasePeakMiB + benchmark.cscapiPeakMiBPerUploadMiB * (maxUploadBytes / 1024 ** 2);
  return Math.max(benchmark.peakMiB, cscapi);
}

/** The largest upload a stage allows unless it says otherwise. */
export const DEFAULT_MAX_UPLOAD_BYTES = 100 * 1024 ** 2;

/** Lambda's largest memory size. */
const LAMBDA_MAX_MEMORY_MIB = 10_240;

/**
 * ingest-return's memory for the stage's largest upload: the benchmark's peak × the margin, and at least one
 * full vCPU's worth (1,769 MiB, more than 3 × the 444 MiB peak at the default 100 MiB upload).
 */
export function ingestMemoryMiB(
  maxUploadBytes: number,
  benchmark: IngestBenchmark = INGEST_BENCHMARK,
): number {
  return Math.max(LAMBDA_ONE_VCPU_MIB, Math.ceil(INGEST_MARGIN * ingestPeakMiB(maxUploadBytes, benchmark)));
}

/**
 * ingest-return's young generation: semi-spaces of at most 4 MiB rather than V8's default (up to 16 MiB,
 * growing with the machine's memory). Reading a return makes garbage at a steady pace; with the larger young
 * generation the peak moved by 80 MB from run to run, with this one it is lower and steadier, and the full
 * path took no more CPU (docs/operations.md, "Ingest memory").
 */
export const INGEST_NODE_OPTIONS = ['--max-semi-space-size=4'] as const;

/** Files ingested at once, at most. */
export const INGEST_MAX_CONCURRENCY = 10;

/** Lambda's longest timeout. */
const LAMBDA_MAX_TIMEOUT_SECONDS = 900;

/** The SES configuration set every email of the stage is sent through (bounces and complaints are published). */
export function mailConfigurationSetName(stage: string): string {
  return `upstream-${stage}`;
}

/** Whether the stage keeps real data, and so must name its own settings and send through its own SES identity. */
export function isRetained(config: Pick<StageSettings, 'removalPolicy'>): boolean {
  return config.removalPolicy === 'retain';
}

/** Data residency: the UK region. */
export const PINNED_REGION = 'eu-west-2';

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
    .refine((region) => region === PINNED_REGION, {
      message: `must be ${PINNED_REGION} (London): children's data stays in the UK`,
    })
    .optional(),
  rawUploadRetentionDays: z.number().int().min(1).max(3650).default(30),
  /**
   * How long a curated extract (the only child-level copy once the raw upload has gone) is kept: by default
   * seven years, the current collection year and the six before it that trends and re-referral links use.
   */
  curatedRetentionDays: z.number().int().min(365).max(3650).default(2557),
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
    .default(DEFAULT_MAX_UPLOAD_BYTES),
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
  const settings = (stages as Record<string, unknown>)[stage];
  const result = stageSettingsSchema.safeParse(settings);
  const problems = result.success
    ? crossChecks(result.data, settings as Record<string, unknown>)
    : result.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
  if (!result.success || problems.length > 0) {
    const lines = problems.map(
      (problem) => `  - ${formatPath(`stages.${stage}`, problem.path)}: ${problem.message}`,
    );
    throw new StageConfigError(`Invalid configuration for stage "${stage}":\n${lines.join('\n')}`);
  }
  const data = result.data;
  return {
    stage,
    ...data,
    functionTimeoutSeconds: {
      'ingest-return': ingestTimeoutSeconds(data.maxUploadBytes),
      ...data.functionTimeoutSeconds,
    },
  };
}

/**
 * What a retained stage (one that keeps real data) must say itself, because a default would be wrong in
 * production: each is reported by name when missing.
 */
const RETAINED_STAGE_SETTINGS: ReadonlyArray<[keyof StageSettings, string]> = [
  ['appUrl', "the web app's https address, linked from alert emails"],
  ['allowedOrigins', "the web app's https origins, the only ones allowed to call the API and upload"],
  ['fromAddress', 'the sender of emails, an address or domain verified in SES (see Deploying to AWS)'],
  ['alarmEmail', 'who is emailed when an alarm fires'],
  ['region', `${PINNED_REGION}, where children's data is kept`],
];

const isLocalAddress = (value: string) => {
  const url = new URL(value);
  return url.protocol !== 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
};

/** Checks across settings, and of what a retained stage must set, once each setting is valid on its own. */
function crossChecks(
  data: StageSettings,
  raw: Record<string, unknown>,
): Array<{ path: readonly PropertyKey[]; message: string }> {
  const problems: Array<{ path: readonly PropertyKey[]; message: string }> = [];
  if (data.removalPolicy === 'retain') {
    for (const [field, what] of RETAINED_STAGE_SETTINGS) {
      if (raw[field] === undefined) {
        problems.push({
          path: [field],
          message: `required for a retained stage (removalPolicy "retain"): ${what}`,
        });
      }
    }
    if (data.appUrl !== undefined && isLocalAddress(data.appUrl)) {
      problems.push({ path: ['appUrl'], message: 'must be a public https address in a retained stage' });
    }
    if (raw.allowedOrigins !== undefined && data.allowedOrigins.some(isLocalAddress)) {
      problems.push({
        path: ['allowedOrigins'],
        message: 'must be public https origins in a retained stage',
      });
    }
  }
  const needed = ingestTimeoutSeconds(data.maxUploadBytes);
  const given = (raw.functionTimeoutSeconds as Record<string, unknown> | undefined)?.['ingest-return'];
  const memory = ingestMemoryMiB(data.maxUploadBytes);
  if (memory > LAMBDA_MAX_MEMORY_MIB) {
    problems.push({
      path: ['maxUploadBytes'],
      message: `an upload this large needs ${memory} MiB of ingest memory (the ingestion benchmark × ${INGEST_MARGIN}: a CSC API payload's children are held in memory), over Lambda's ${LAMBDA_MAX_MEMORY_MIB} MiB`,
    });
  }
  const tmp = ingestTmpMiB(data.maxUploadBytes);
  if (tmp > LAMBDA_TMP_MIB.max) {
    problems.push({
      path: ['maxUploadBytes'],
      message: `an upload this large needs ${tmp} MiB of ingest /tmp (the ingestion benchmark × ${INGEST_MARGIN}: an SSDA903 return's rows are spilled there), over Lambda's ${LAMBDA_TMP_MIB.max} MiB`,
    });
  }
  if (needed > LAMBDA_MAX_TIMEOUT_SECONDS) {
    problems.push({
      path: ['maxUploadBytes'],
      message: `an upload this large needs ${needed} s of ingest (the ingestion benchmark × ${INGEST_MARGIN}), over Lambda's ${LAMBDA_MAX_TIMEOUT_SECONDS} s`,
    });
  } else if (typeof given === 'number' && given < needed) {
    problems.push({
      path: ['functionTimeoutSeconds', 'ingest-return'],
      message: `${given} s is under the ${needed} s an upload of maxUploadBytes needs (the ingestion benchmark × ${INGEST_MARGIN}); leave it out to use that`,
    });
  }
  return problems;
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
