// What the CIN census and the CSC API payload leave under curated/, byte for byte: generated returns large
// enough that their extracts go to the store in many chunks, through the pipeline on in-memory ports. A change
// to how the extract is written (its chunks, when they are awaited) must not change a byte of it.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateReturn } from '../../../shared/domain/generate/index.ts';
import { loadNationalBaseline } from '../../../shared/domain/indicators/reference-data.ts';
import type { ReturnType } from '../../../shared/domain/returns/catalogue.ts';
import type { ObjectStore } from '../../../shared/ports/objects.ts';
import type { Submission, SubmissionStore } from '../../../shared/ports/submissions.ts';
import { InMemoryAggregateStore } from '../../../shared/use-cases/indicator-in-memory.ts';
import type { IngestDeps } from '../../../shared/use-cases/ingest-deps.ts';
import { ingestSubmission } from '../../../shared/use-cases/returns/pipeline.ts';

const now = new Date('2026-12-06T09:00:00.000Z');

/** Objects kept in memory; a writer's texts counted, so a test can see the extract went in several chunks. */
function memoryObjects() {
  const stored = new Map<string, Buffer>();
  let writes = 0;
  const objects: ObjectStore = {
    open: async (bucket, key) => {
      const body = stored.get(`${bucket}/${key}`);
      if (!body) throw new Error(`No object ${bucket}/${key}`);
      return (async function* () {
        // In pieces, as a stream arrives.
        for (let at = 0; at < body.length; at += 1 << 16) yield body.subarray(at, at + (1 << 16));
      })();
    },
    digest: async () => {
      throw new Error('not used');
    },
    putText: async (bucket, key, body) => void stored.set(`${bucket}/${key}`, Buffer.from(body)),
    openWriter: (bucket, key) => {
      const parts: string[] = [];
      return {
        write: async (text) => {
          writes++;
          parts.push(text);
        },
        close: async () => void stored.set(`${bucket}/${key}`, Buffer.from(parts.join(''))),
      };
    },
    move: async (bucket, from, to) => {
      stored.set(`${bucket}/${to}`, stored.get(`${bucket}/${from}`)!);
      stored.delete(`${bucket}/${from}`);
    },
    remove: async (bucket, key) => void stored.delete(`${bucket}/${key}`),
  };
  return { objects, stored, writes: () => writes };
}

function pipelineOn(objects: ObjectStore): IngestDeps {
  return {
    objects,
    submissions: { claimFingerprint: async () => undefined } as unknown as SubmissionStore,
    aggregates: new InMemoryAggregateStore(),
    publishRecompute: async () => {},
    pseudonymSecret: async () => Buffer.alloc(32, 3),
    uploadsBucket: 'uploads',
    dataBucket: 'data',
    maxFileBytes: 100 * 1024 ** 2,
    now: () => now,
  };
}

function submit(
  stored: Map<string, Buffer>,
  returnType: ReturnType,
  submissionId: string,
  file: { name: string; content: string },
): Submission {
  const key = `uploads/886/${returnType}/2026/${submissionId}/${file.name}`;
  stored.set(`uploads/${key}`, Buffer.from(file.content));
  return {
    submissionId,
    la: '886',
    returnType,
    collectionYear: 2026,
    status: 'processing',
    declaredFiles: [{ name: file.name, size: file.content.length }],
    createdAt: now.toISOString(),
    createdBy: 'kent-data-officer',
    files: [
      {
        fileName: file.name,
        size: file.content.length,
        sha256: 'ab'.repeat(32),
        receivedAt: now.toISOString(),
        key,
        bucket: 'uploads',
      },
    ],
  };
}

/** Each object under the submission's curated prefix: its size and the start of its SHA-256. */
function curated(stored: Map<string, Buffer>, submission: Submission): Record<string, string> {
  const prefix = `data/curated/886/${submission.returnType}/2026/${submission.submissionId}/`;
  return Object.fromEntries(
    [...stored]
      .filter(([address]) => address.startsWith(prefix))
      .map(([address, body]) => [
        address.slice(prefix.length),
        `${body.length} ${createHash('sha256').update(body).digest('hex').slice(0, 16)}`,
      ])
      .sort(([a], [b]) => a!.localeCompare(b!)),
  );
}

const generated = (returnType: ReturnType, scale: number, extra: object = {}) =>
  generateReturn(
    { returnType, collectionYear: 2026, la: '886', seed: 11, scale, ...extra },
    loadNationalBaseline(),
  );

describe('the extracts the pipeline stores', () => {
  it('a CIN census: every table, byte for byte', async () => {
    const { objects, stored, writes } = memoryObjects();
    const [census] = generated('cin', 0.1);
    const submission = submit(stored, 'cin', 'SUB-20261206-0000000001', census!);
    const outcome = await ingestSubmission(submission, pipelineOn(objects));
    expect(outcome.status).toBe('accepted');
    expect(writes()).toBeGreaterThan(12);
    expect(curated(stored, submission)).toEqual({
      'Assessments.csv': '143215 84cceea734986cd0',
      'CINPlanDates.csv': '91220 399ff21be89fb916',
      'CINdetails.csv': '176845 272ac83677ab5e39',
      'ChildProtectionPlans.csv': '14351 e11ced9b8a6bf9ac',
      'Children.csv': '164910 5c653ff6e3535e25',
      'Section47.csv': '46829 e32c4ba039a400e0',
    });
  });

  it('a CSC API full payload and a delta on its state, byte for byte', async () => {
    const { objects, stored, writes } = memoryObjects();
    const deps = pipelineOn(objects);
    const [full, delta] = generated('cscapi', 1, { days: 1 });
    const first = submit(stored, 'cscapi', 'SUB-20261206-0000000002', full!);
    expect((await ingestSubmission(first, deps)).status).toMatch(/^accepted/);
    const second = submit(stored, 'cscapi', 'SUB-20261206-0000000003', delta!);
    expect((await ingestSubmission(second, deps)).status).toMatch(/^accepted/);
    expect(writes()).toBeGreaterThan(20);
    expect(curated(stored, first)).toEqual({ 'state.csv': '1319040 2a2d76a0f8c8f191' });
    expect(curated(stored, second)).toEqual({ 'state.csv': '1320580 e80c62ec92be883e' });
  });
});
