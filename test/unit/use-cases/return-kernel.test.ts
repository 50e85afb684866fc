// The returns kernel: every return type in the catalogue has one definition, and one pipeline applies the
// same refusals to all of them (the year, the number, kind and size of files) before any file is read,
// with the same words the API uses before anything is uploaded.
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  RETURN_KINDS,
  RETURN_TYPES,
  type ReturnType,
  yearRefusal,
} from '../../../shared/domain/returns/catalogue.ts';
import type { ObjectStore } from '../../../shared/ports/objects.ts';
import type { Submission, SubmissionStore } from '../../../shared/ports/submissions.ts';
import { InMemoryAggregateStore } from '../../../shared/use-cases/indicator-in-memory.ts';
import type { IngestDeps } from '../../../shared/use-cases/ingest-deps.ts';
import { ingestSubmission } from '../../../shared/use-cases/returns/pipeline.ts';
import { RETURN_DEFINITIONS } from '../../../shared/use-cases/returns/registry.ts';
import { startSubmissionSchema } from '../../../shared/use-cases/start-submission.ts';
import { TEST_INGEST_SETTINGS } from './ingest-settings.ts';

const now = new Date('2026-11-23T10:00:00.000Z');
const SHA256 = 'ab'.repeat(32);

describe('the registry of return types', () => {
  it('has one definition for each return type in the catalogue, under its own key', () => {
    expect(Object.keys(RETURN_DEFINITIONS).sort()).toEqual([...RETURN_TYPES].sort());
    for (const type of RETURN_TYPES) expect(RETURN_DEFINITIONS[type].returnType).toBe(type);
    expect(Object.keys(RETURN_KINDS)).toEqual(RETURN_TYPES);
  });
});

describe('starting a submission', () => {
  const schema = startSubmissionSchema(10_000_000, now);
  const start = (returnType: ReturnType, names: string[], collectionYear = 2026) =>
    schema.safeParse({
      returnType,
      collectionYear,
      files: names.map((name) => ({ name, size: 100, sha256: SHA256 })),
    });
  const messages = (result: { error?: { issues: readonly { message: string }[] } }) =>
    result.error?.issues.map((issue) => issue.message) ?? [];

  it('refuses a file the return type is not made of, and a second file for a one-file return, before upload', () => {
    expect(messages(start('inyear', ['inyear.xml']))).toEqual([
      '"inyear.xml" is not the right kind of file: upload the in-year dataset as one CSV file (see docs/inyear-format.md).',
    ]);
    expect(messages(start('csww', ['a.xml', 'b.xml'], 2025))[0]).toMatch(
      /^Upload the workforce census as one XML file .* as one file on its own; this submission has 2 files\.$/,
    );
    expect(messages(start('cin', ['cin.csv']))[0]).toMatch(/"cin\.csv" is not the right kind of file/);
    expect(start('ssda903', ['header.csv', 'episodes.csv']).success).toBe(true);
    expect(start('inyear', ['inyear.csv']).success).toBe(true);
  });

  it('says about a file over the size limit what the ingestion says', () => {
    const small = startSubmissionSchema(2 * 1_048_576, now).safeParse({
      returnType: 'ssda903',
      collectionYear: 2026,
      files: [{ name: 'episodes.csv', size: 3 * 1_048_576, sha256: SHA256 }],
    });
    expect(messages(small)).toEqual([
      'episodes.csv is 3 MB, over the 2 MB limit for one file. Send it as a ZIP, or split the tables into separate files.',
    ]);
  });

  it('refuses a year the return type is not accepted for, whatever the type', () => {
    for (const type of RETURN_TYPES) {
      const file = type === 'inyear' ? 'a.csv' : type === 'cscapi' ? 'a.ndjson' : 'a.xml';
      expect(messages(start(type, [file], 2012))).toEqual([yearRefusal(type, 2012, now)]);
    }
  });
});

describe('the pipeline', () => {
  let stored: Map<string, Buffer>;
  let aggregates: InMemoryAggregateStore;
  let sent: unknown[];
  let deps: IngestDeps;
  let counter = 0;

  beforeEach(() => {
    stored = new Map();
    aggregates = new InMemoryAggregateStore();
    sent = [];
    const objects: ObjectStore = {
      open: async (bucket, key) => {
        const body = stored.get(`${bucket}/${key}`);
        if (!body) throw new Error(`No object ${bucket}/${key}`);
        return (async function* () {
          yield body;
        })();
      },
      digest: async () => {
        throw new Error('not used');
      },
      putText: async (bucket, key, body) => {
        stored.set(`${bucket}/${key}`, Buffer.from(body));
      },
      openWriter: () => {
        throw new Error('nothing is staged for a refused return');
      },
      move: async () => {},
      remove: async () => {},
    };
    const submissions = {
      claimFingerprint: async () => undefined,
      getSubmission: async () => undefined,
    } as unknown as SubmissionStore;
    deps = {
      objects,
      submissions,
      aggregates,
      publishRecompute: async (message) => {
        sent.push(message);
      },
      ...TEST_INGEST_SETTINGS,
      now: () => now,
    };
  });

  function submission(
    returnType: ReturnType,
    collectionYear: number,
    files: { name: string; body: string }[],
  ) {
    counter++;
    const submissionId = `SUB-20261123-${String(counter).padStart(10, '0')}`;
    const made: Submission = {
      submissionId,
      la: '886',
      returnType,
      collectionYear,
      status: 'processing',
      declaredFiles: files.map((file) => ({ name: file.name, size: file.body.length })),
      createdAt: now.toISOString(),
      createdBy: 'kent-data-officer',
      files: files.map((file) => {
        const key = `uploads/886/${returnType}/${collectionYear}/${submissionId}/${file.name}`;
        stored.set(`uploads/${key}`, Buffer.from(file.body));
        return {
          fileName: file.name,
          size: file.body.length,
          sha256: createHash('sha256').update(file.body).digest('hex'),
          receivedAt: now.toISOString(),
          key,
          bucket: 'uploads',
        };
      }),
    };
    return made;
  }

  const reportOf = (made: Submission) =>
    JSON.parse(
      stored
        .get(
          `uploads/reports/886/${made.returnType}/${made.collectionYear}/${made.submissionId}/report.json`,
        )!
        .toString(),
    );

  it('refuses a year the return type is not accepted for, for every type, with the words the API uses', async () => {
    for (const type of RETURN_TYPES) {
      const file = type === 'inyear' ? 'a.csv' : type === 'cscapi' ? 'a.ndjson' : 'a.xml';
      const made = submission(type, 2040, [{ name: file, body: 'not read' }]);
      const outcome = await ingestSubmission(made, deps);
      expect(outcome).toMatchObject({ status: 'rejected', problems: 1 });
      expect(reportOf(made).blockingErrors).toEqual([
        { kind: 'year-not-accepted', file: null, message: yearRefusal(type, 2040, now) },
      ]);
    }
    expect(sent).toEqual([]);
    expect(aggregates.history).toEqual([]);
  });

  it('says the same about a file over the size limit for every type, with what else an SSDA903 return can do', async () => {
    deps = { ...deps, maxFileBytes: 2 * 1_048_576 };
    const big = 'x'.repeat(3 * 1_048_576);
    const messages = [];
    for (const type of RETURN_TYPES) {
      const file = type === 'inyear' ? 'big.csv' : type === 'cscapi' ? 'big.ndjson' : 'big.xml';
      const made = submission(type, 2025, [{ name: file, body: big }]);
      await ingestSubmission(made, deps);
      const [blocking] = reportOf(made).blockingErrors;
      expect(blocking.kind).toBe('file-too-large');
      messages.push(blocking.message);
    }
    expect(messages).toEqual([
      'big.xml is 3 MB, over the 2 MB limit for one file. Send it as a ZIP, or split the tables into separate files.',
      'big.xml is 3 MB, over the 2 MB limit for one file.',
      'big.xml is 3 MB, over the 2 MB limit for one file.',
      'big.csv is 3 MB, over the 2 MB limit for one file.',
      'big.ndjson is 3 MB, over the 2 MB limit for one file.',
    ]);
    expect(sent).toEqual([]);
  });
});
