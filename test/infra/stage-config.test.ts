import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ALLOWED_ORIGINS,
  functionTimeoutSeconds,
  parseStageConfig,
  StageConfigError,
  stageConfigFromContext,
} from '../../infra/config/stage-config.ts';
import { cdkJsonContext } from './helpers/synth.ts';

const minimal = { dev: {} };

function problemsFor(settings: Record<string, unknown>): string {
  try {
    parseStageConfig('dev', { dev: settings });
  } catch (error) {
    expect(error).toBeInstanceOf(StageConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('parseStageConfig', () => {
  it('fills every default for an empty stage', () => {
    // Act
    const config = parseStageConfig('dev', minimal);

    // Assess
    expect(config).toEqual({
      stage: 'dev',
      rawUploadRetentionDays: 30,
      logRetentionDays: 30,
      logLevel: 'INFO',
      removalPolicy: 'retain',
      functionTimeoutSeconds: { default: 30, 'ingest-return': 120, 'submissions-api': 10 },
      allowedOrigins: DEFAULT_ALLOWED_ORIGINS,
    });
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
        functionTimeoutSeconds: { 'ingest-return': 300 },
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
    expect(functionTimeoutSeconds(config, 'ingest-return')).toBe(300);
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

describe('stageConfigFromContext', () => {
  const reader = (context: Record<string, unknown>) => ({ tryGetContext: (key: string) => context[key] });

  it('defaults to the dev stage', () => {
    // Act
    const config = stageConfigFromContext(reader({ stages: { dev: { rawUploadRetentionDays: 3 } } }));

    // Assess
    expect(config.stage).toBe('dev');
    expect(config.rawUploadRetentionDays).toBe(3);
  });

  it('accepts every stage defined in cdk.json', () => {
    // Prepare
    const context = cdkJsonContext();
    const stages = Object.keys(context.stages as object);

    // Act / Assess
    expect(stages).toEqual(expect.arrayContaining(['dev', 'prod']));
    for (const stage of stages) {
      expect(stageConfigFromContext(reader({ ...context, stage })).stage).toBe(stage);
    }
  });
});
