import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ALLOWED_ORIGINS,
  functionTimeoutSeconds,
  INGEST_BENCHMARK,
  INGEST_SIZED_FOR,
  ingestMemoryMiB,
  ingestPeakMiB,
  ingestSecondsAtLimits,
  ingestTimeoutSeconds,
  ingestTmpMiB,
  LOG_RETENTION_DAYS,
  parseStageConfig,
  StageConfigError,
  stageConfigFromContext,
} from '../../infra/config/stage-config.ts';
import { RETURN_LIMITS } from '../../shared/domain/ssda903/engine.ts';
import { DEFAULT_ZIP_LIMITS } from '../../shared/domain/ssda903/zip-reader.ts';
import { cdkJsonContext, prodContext } from './helpers/synth.ts';

/** A stage that keeps no data needs none of the settings a retained stage must give. */
const DISPOSABLE = { removalPolicy: 'destroy' };
const minimal = { dev: DISPOSABLE };
const MIB = 1024 ** 2;
const GIB = 1024 ** 3;
/** ingest-return's timeout at the default largest upload (100 MiB), from the measured figures. */
const TIMEOUT_AT_100_MIB = 540;

function problemsFor(settings: Record<string, unknown>): string {
  try {
    parseStageConfig('dev', { dev: { ...DISPOSABLE, ...settings } });
  } catch (error) {
    expect(error).toBeInstanceOf(StageConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('parseStageConfig', () => {
  it('fills every default for a stage that keeps no data', () => {
    // Act
    const config = parseStageConfig('dev', minimal);

    // Assess
    expect(config).toEqual({
      stage: 'dev',
      rawUploadRetentionDays: 30,
      curatedRetentionDays: 2557,
      logRetentionDays: 30,
      logLevel: 'INFO',
      removalPolicy: 'destroy',
      functionTimeoutSeconds: { default: 30, 'ingest-return': TIMEOUT_AT_100_MIB, 'submissions-api': 10 },
      maxUploadBytes: 100 * MIB,
      fromAddress: 'alerts@upstream.example.gov.uk',
      adviserDigestMinutes: 60,
      allowedOrigins: DEFAULT_ALLOWED_ORIGINS,
    });
  });

  it('rejects an alert sender, app address or digest window that cannot work', () => {
    const message = problemsFor({ fromAddress: 'alerts', appUrl: 'ftp://upstream', adviserDigestMinutes: 2 });
    expect(message).toMatch(/stages\.dev\.fromAddress/);
    expect(message).toMatch(/stages\.dev\.appUrl: must be an https address/);
    expect(message).toMatch(/stages\.dev\.adviserDigestMinutes/);
  });

  it.each([
    ['http://upstream.example.gov.uk', 'plain HTTP: Cognito only calls back to https'],
    ['https://upstream.example.gov.uk/', 'trailing slash'],
    ['https://upstream.example.gov.uk/app', 'path'],
  ])('rejects the app address %j (%s)', (appUrl) => {
    expect(problemsFor({ appUrl })).toMatch(/stages\.dev\.appUrl: must be an https address/);
  });

  it('takes a managed-login domain prefix Cognito accepts, and refuses one it would not', () => {
    expect(
      parseStageConfig('dev', { dev: { ...DISPOSABLE, authDomainPrefix: 'upstream-dev-7' } })
        .authDomainPrefix,
    ).toBe('upstream-dev-7');
    expect(problemsFor({ authDomainPrefix: 'Upstream' })).toMatch(/stages\.dev\.authDomainPrefix/);
    expect(problemsFor({ authDomainPrefix: 'my-cognito-login' })).toMatch(
      /must not contain aws, amazon or cognito/,
    );
  });

  it('keeps given values and merges function timeouts over the defaults', () => {
    // Act
    const config = parseStageConfig('prod', {
      prod: {
        account: '123456789012',
        region: 'eu-west-2',
        rawUploadRetentionDays: 90,
        logRetentionDays: 365,
        removalPolicy: 'destroy',
        functionTimeoutSeconds: { 'ingest-return': 700 },
        alarmEmail: 'alerts@example.gov.uk',
        allowedOrigins: ['https://upstream.example.gov.uk'],
      },
    });

    // Assess
    expect(config).toMatchObject({
      stage: 'prod',
      account: '123456789012',
      region: 'eu-west-2',
      rawUploadRetentionDays: 90,
      logRetentionDays: 365,
      removalPolicy: 'destroy',
      alarmEmail: 'alerts@example.gov.uk',
      allowedOrigins: ['https://upstream.example.gov.uk'],
    });
    expect(functionTimeoutSeconds(config, 'ingest-return')).toBe(700);
    expect(functionTimeoutSeconds(config, 'submissions-api')).toBe(10);
    expect(functionTimeoutSeconds(config, 'recompute')).toBe(30);
  });

  it.each([
    [{ rawUploadRetentionDays: 0 }, 'stages.dev.rawUploadRetentionDays'],
    [{ rawUploadRetentionDays: '30' }, 'stages.dev.rawUploadRetentionDays'],
    [{ rawUploadRetentionDays: 7.5 }, 'stages.dev.rawUploadRetentionDays'],
    [{ logRetentionDays: 31 }, 'stages.dev.logRetentionDays'],
    [{ logLevel: 'TRACE' }, 'stages.dev.logLevel'],
    [{ removalPolicy: 'snapshot' }, 'stages.dev.removalPolicy'],
    [{ functionTimeoutSeconds: { 'ingest-return': 901 } }, 'stages.dev.functionTimeoutSeconds.ingest-return'],
    [{ functionTimeoutSeconds: { IngestReturn: 60 } }, 'stages.dev.functionTimeoutSeconds.IngestReturn'],
    [{ alarmEmail: 'not-an-email' }, 'stages.dev.alarmEmail'],
    [{ allowedOrigins: ['https://example.gov.uk/'] }, 'stages.dev.allowedOrigins.0'],
    [{ allowedOrigins: ['ftp://example.gov.uk'] }, 'stages.dev.allowedOrigins.0'],
    [{ allowedOrigins: [] }, 'stages.dev.allowedOrigins'],
    [{ account: '1234' }, 'stages.dev.account'],
    [{ region: 'London' }, 'stages.dev.region'],
  ])('rejects %j, naming %s', (settings, field) => {
    // Act
    const message = problemsFor(settings);

    // Assess
    expect(message).toContain(`Invalid configuration for stage "dev"`);
    expect(message).toContain(`${field}:`);
  });

  it('rejects a misspelt setting instead of silently ignoring it', () => {
    // Act
    const message = problemsFor({ rawUploadRetentionDay: 7 });

    // Assess
    expect(message).toContain('rawUploadRetentionDay');
  });

  it('reports every problem at once', () => {
    // Act
    const message = problemsFor({ rawUploadRetentionDays: -1, logRetentionDays: 2 });

    // Assess
    expect(message).toContain('stages.dev.rawUploadRetentionDays:');
    expect(message).toContain('stages.dev.logRetentionDays:');
  });

  it('rejects an unknown stage, listing the known ones', () => {
    // Act / Assess
    expect(() => parseStageConfig('qa', { dev: {}, prod: {} })).toThrow(
      'Unknown stage "qa": context "stages" defines dev, prod.',
    );
  });

  it.each([['Prod'], [''], [42], ['a'.repeat(21)]])('rejects the stage name %j', (stage) => {
    // Act / Assess
    expect(() => parseStageConfig(stage, { [String(stage)]: {} })).toThrow(/Invalid context "stage"/);
  });

  it('rejects missing or malformed stages context', () => {
    // Act / Assess
    expect(() => parseStageConfig('dev', undefined)).toThrow(/Missing context "stages"/);
    expect(() => parseStageConfig('dev', [])).toThrow(/Missing context "stages"/);
  });
});

describe('a retained stage', () => {
  const complete = {
    removalPolicy: 'retain',
    region: 'eu-west-2',
    appUrl: 'https://upstream.example.gov.uk',
    allowedOrigins: ['https://upstream.example.gov.uk'],
    fromAddress: 'alerts@upstream.example.gov.uk',
    alarmEmail: 'on-call@example.gov.uk',
  };

  it('is accepted with every required setting', () => {
    expect(parseStageConfig('live', { live: complete }).removalPolicy).toBe('retain');
  });

  it('is refused without its settings, in one message naming each', () => {
    // Act: the empty stage is retained by default.
    let message = '';
    try {
      parseStageConfig('live', { live: {} });
    } catch (error) {
      message = (error as Error).message;
    }

    // Assess
    expect(message.split('\n').filter((line) => line.startsWith('  - '))).toHaveLength(5);
    for (const field of ['appUrl', 'allowedOrigins', 'fromAddress', 'alarmEmail', 'region']) {
      expect(message).toContain(
        `stages.live.${field}: required for a retained stage (removalPolicy "retain")`,
      );
    }
  });

  it('is refused with local addresses or another region', () => {
    expect(() =>
      parseStageConfig('live', { live: { ...complete, appUrl: 'http://127.0.0.1:3001' } }),
    ).toThrow(/appUrl/);
    expect(() =>
      parseStageConfig('live', { live: { ...complete, allowedOrigins: ['http://localhost:3000'] } }),
    ).toThrow(/allowedOrigins: must be public https origins/);
    expect(() => parseStageConfig('live', { live: { ...complete, region: 'us-east-1' } })).toThrow(
      /stages\.live\.region: must be eu-west-2 \(London\)/,
    );
  });
});

describe('ingest-return sizing', () => {
  it("covers the limits ingest applies: an SSDA903 return's rows and what its ZIP may inflate to", () => {
    expect(INGEST_SIZED_FOR).toEqual({
      rowsPerReturn: RETURN_LIMITS.maxRowsPerReturn,
      zipInflatedBytes: DEFAULT_ZIP_LIMITS.maxTotalBytes,
      zipRatio: DEFAULT_ZIP_LIMITS.maxRatio,
    });
  });

  it('takes its timeout from the slowest bound at the limits × 3, in whole minutes', () => {
    const paces = {
      ...INGEST_BENCHMARK,
      secondsPerUploadMiB: 0.2,
      secondsPerInflatedMiB: 0.1,
      secondsPerRow: 20e-6,
    };
    // A ZIP of 100 MiB may inflate to 1 GiB: 1,024 × 0.1 = 102.4 s (the upload 20 s, the rows 30 s); × 3 is
    // 307.2 s, so 360 s.
    expect(ingestSecondsAtLimits(100 * MIB, paces)).toBeCloseTo(102.4);
    expect(ingestTimeoutSeconds(100 * MIB, paces)).toBe(360);
    // A ZIP of 1 MiB inflates to 200 MiB at most (20 s): the rows bind, 1.5 million × 20 µs = 30 s, so 90 s → 120 s.
    expect(ingestTimeoutSeconds(MIB, paces)).toBe(120);
    // Past 512 MiB the upload itself binds: 1,000 MiB × 0.2 = 200 s, × 3 = 600 s.
    expect(ingestTimeoutSeconds(1000 * MIB, paces)).toBe(600);
  });

  it('gives the stage the timeout and memory the measured figures need', () => {
    const timeout = ingestTimeoutSeconds(100 * MIB);
    expect(timeout).toBe(TIMEOUT_AT_100_MIB);
    expect(timeout).toBeGreaterThanOrEqual(3 * ingestSecondsAtLimits(100 * MIB));
    expect(functionTimeoutSeconds(parseStageConfig('dev', minimal), 'ingest-return')).toBe(timeout);
    // One full vCPU's memory is more than 3 × the peak at 100 MiB; a CSC API payload's peak grows with it.
    expect(ingestMemoryMiB(100 * MIB)).toBe(1769);
    expect(3 * ingestPeakMiB(100 * MIB)).toBeLessThan(1769);
    expect(ingestMemoryMiB(1000 * MIB)).toBeGreaterThan(3 * ingestPeakMiB(100 * MIB));
    expect(ingestMemoryMiB(1000 * MIB)).toBeGreaterThanOrEqual(3 * ingestPeakMiB(1000 * MIB));
  });

  it("gives /tmp room for 3 × what a ZIP of the largest upload spills, never under Lambda's 512 MiB", () => {
    const paces = { ...INGEST_BENCHMARK, spilledBytesPerByte: 0.5 };
    // 100 MiB may inflate to 1 GiB: 3 × 0.5 × 1,024 MiB.
    expect(ingestTmpMiB(100 * MIB, paces)).toBe(1536);
    // 1 MiB inflates to 200 MiB at most: 300 MiB, so Lambda's default.
    expect(ingestTmpMiB(MIB, paces)).toBe(512);
    // Past 1 GiB the upload itself binds.
    expect(ingestTmpMiB(2 * GIB, paces)).toBe(3072);
    expect(ingestTmpMiB(100 * MIB)).toBeGreaterThan(512);
  });

  it('refuses a timeout under what the largest upload needs, and an upload Lambda cannot hold or finish', () => {
    expect(problemsFor({ functionTimeoutSeconds: { 'ingest-return': 120 } })).toContain(
      `stages.dev.functionTimeoutSeconds.ingest-return: 120 s is under the ${TIMEOUT_AT_100_MIB} s an upload of maxUploadBytes needs`,
    );
    expect(problemsFor({ maxUploadBytes: 2 * GIB })).toMatch(
      /stages\.dev\.maxUploadBytes: an upload this large needs \d+ MiB of ingest memory .* over Lambda's 10240 MiB/,
    );
    expect(problemsFor({ maxUploadBytes: 4 * GIB })).toMatch(
      /stages\.dev\.maxUploadBytes: an upload this large needs \d+ s of ingest .* over Lambda's 900 s/,
    );
    expect(problemsFor({ maxUploadBytes: 5 * GIB })).toMatch(
      /stages\.dev\.maxUploadBytes: an upload this large needs \d+ MiB of ingest \/tmp .* over Lambda's 10240 MiB/,
    );
  });
});

describe('maxUploadBytes', () => {
  it.each([[MIB], [100 * MIB], [GIB]])(
    'accepts %d bytes (1 MiB up to what ingest can hold and read in 15 minutes)',
    (bytes) => {
      // Act
      const config = parseStageConfig('dev', { dev: { ...DISPOSABLE, maxUploadBytes: bytes } });

      // Assess
      expect(config.maxUploadBytes).toBe(bytes);
    },
  );

  it.each([
    [MIB - 1, /too small/i],
    [0, /too small/i],
    [5 * GIB + 1, /at most 5 GiB, the largest single PUT S3 accepts/],
    [MIB + 0.5, /int/i],
    ['104857600', /number/i],
  ])('rejects %j, naming the field', (bytes, reason) => {
    // Act
    const message = problemsFor({ maxUploadBytes: bytes });

    // Assess
    const line = message.split('\n').find((text) => text.includes('stages.dev.maxUploadBytes:'));
    expect(line, message).toBeDefined();
    expect(line).toMatch(reason);
  });
});

describe('logRetentionDays', () => {
  it.each(LOG_RETENTION_DAYS.map((days) => [days]))('accepts %d, a period CloudWatch Logs offers', (days) => {
    // Act / Assess
    expect(parseStageConfig('dev', { dev: { ...DISPOSABLE, logRetentionDays: days } }).logRetentionDays).toBe(
      days,
    );
  });

  it.each([[0], [-1], [2], [31], [364], [366], [3654], [30.5], ['30'], [null]])(
    'rejects %j, listing the accepted periods',
    (days) => {
      // Act
      const message = problemsFor({ logRetentionDays: days });

      // Assess
      expect(message).toContain('stages.dev.logRetentionDays:');
      if (typeof days === 'number' && Number.isInteger(days)) {
        expect(message).toContain(LOG_RETENTION_DAYS.join(', '));
      }
    },
  );

  it('offers exactly the retention periods CDK knows, so the cast to RetentionDays is sound', async () => {
    // Prepare
    const { RetentionDays } = await import('aws-cdk-lib/aws-logs');
    const known = Object.values(RetentionDays).filter(
      (value): value is number => typeof value === 'number' && value > 0 && value !== 9999,
    );

    // Assess: INFINITE (9999) is left out on purpose; every stage keeps logs for a bounded time.
    expect([...LOG_RETENTION_DAYS].sort((a, b) => a - b)).toEqual([...new Set(known)].sort((a, b) => a - b));
  });
});

describe('allowedOrigins', () => {
  it.each([
    ['https://upstream.example.gov.uk'],
    ['http://127.0.0.1:3000'],
    ['https://upstream.example.gov.uk:8443'],
  ])('accepts the origin %s', (origin) => {
    // Act / Assess
    expect(
      parseStageConfig('dev', { dev: { ...DISPOSABLE, allowedOrigins: [origin] } }).allowedOrigins,
    ).toEqual([origin]);
  });

  it.each([
    ['https://upstream.example.gov.uk/', 'trailing slash'],
    ['https://upstream.example.gov.uk/dashboard', 'path'],
    ['https://upstream.example.gov.uk?x=1', 'query'],
    ['https://user@upstream.example.gov.uk', 'credentials'],
    ['https://Upstream.example.gov.uk', 'upper case: browsers send the host in lower case'],
    ['https://upstream.example.gov.uk:443', 'default port: browsers leave it out'],
    ['upstream.example.gov.uk', 'no scheme'],
    ['ftp://upstream.example.gov.uk', 'not http(s)'],
    ['*', 'wildcard'],
    ['', 'empty'],
  ])('rejects %j (%s), naming the entry', (origin) => {
    // Act
    const message = problemsFor({ allowedOrigins: ['https://ok.example.gov.uk', origin] });

    // Assess: the good first entry is not blamed.
    expect(message).toContain('stages.dev.allowedOrigins.1: must be an origin');
    expect(message).not.toContain('stages.dev.allowedOrigins.0');
  });

  it('rejects a single string instead of a list', () => {
    // Act / Assess
    expect(problemsFor({ allowedOrigins: 'https://upstream.example.gov.uk' })).toContain(
      'stages.dev.allowedOrigins:',
    );
  });
});

describe('unknown stages', () => {
  it('says when no stage is defined at all', () => {
    // Act / Assess
    expect(() => parseStageConfig('dev', {})).toThrow('Unknown stage "dev": context "stages" defines none.');
  });

  it('does not treat inherited object properties as stages', () => {
    // Act / Assess
    expect(() => parseStageConfig('constructor', { dev: {} })).toThrow(StageConfigError);
    expect(() => parseStageConfig('constructor', { dev: {} })).toThrow(/Unknown stage "constructor"/);
  });

  it('rejects a stage whose settings are not an object', () => {
    // Act / Assess
    expect(() => parseStageConfig('dev', { dev: 'retain' })).toThrow(/Invalid configuration for stage "dev"/);
    expect(() => parseStageConfig('dev', { dev: null })).toThrow(/Invalid configuration for stage "dev"/);
  });
});

describe('stageConfigFromContext', () => {
  const reader = (context: Record<string, unknown>) => ({ tryGetContext: (key: string) => context[key] });

  it('defaults to the dev stage', () => {
    // Act
    const config = stageConfigFromContext(
      reader({ stages: { dev: { ...DISPOSABLE, rawUploadRetentionDays: 3 } } }),
    );

    // Assess
    expect(config.stage).toBe('dev');
    expect(config.rawUploadRetentionDays).toBe(3);
  });

  it("accepts cdk.json's dev stage, and its prod stage once the deployment's own settings are added", () => {
    // Prepare
    const context = cdkJsonContext();

    // Act / Assess
    expect(Object.keys(context.stages as object)).toEqual(['dev', 'prod']);
    expect(stageConfigFromContext(reader({ ...context, stage: 'dev' })).stage).toBe('dev');
    expect(stageConfigFromContext(reader(prodContext())).region).toBe('eu-west-2');
  });

  it("refuses cdk.json's prod stage as it stands, naming each setting a deployment must give", () => {
    // Act
    let message = '';
    try {
      stageConfigFromContext(reader({ ...cdkJsonContext(), stage: 'prod' }));
    } catch (error) {
      message = (error as Error).message;
    }

    // Assess
    for (const field of ['appUrl', 'allowedOrigins', 'fromAddress', 'alarmEmail']) {
      expect(message).toContain(`stages.prod.${field}: required for a retained stage`);
    }
    expect(message).not.toContain('stages.prod.region');
  });
});
