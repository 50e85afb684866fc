import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/domain/roles.ts';
import type { NewSubmission, SubmissionStore } from '../../../shared/ports/submissions.ts';
import { startSubmission } from '../../../shared/use-cases/start-submission.ts';

/** Any well-formed SHA-256 (hex); the use case stores it and signs it into the upload address. */
const SHA256 = 'ab'.repeat(32);

/** Records what the use case stores; the other methods are not reached when starting a submission. */
function recordingStore(): { store: SubmissionStore; created: NewSubmission[] } {
  const created: NewSubmission[] = [];
  const unused = () => {
    throw new Error('not used when starting a submission');
  };
  return {
    created,
    store: {
      createSubmission: async (submission) => {
        created.push(submission);
      },
      getSubmission: unused,
      listSubmissions: unused,
      recordReceivedFile: unused,
      claimProcessing: unused,
      finishProcessing: unused,
      failProcessing: unused,
      claimFingerprint: unused,
    },
  };
}

const kent: Role[] = [{ kind: 'council', la: '886' }];
const now = new Date('2026-11-23T10:00:00.000Z');
const request = (overrides: Record<string, unknown> = {}) => ({
  returnType: 'ssda903',
  collectionYear: 2026,
  files: [
    { name: 'header.csv', size: 1000, sha256: SHA256 },
    { name: 'episodes.csv', size: 5000, sha256: SHA256 },
  ],
  ...overrides,
});

async function start(body: unknown, roles: Role[] = kent, maxFileBytes = 10_000) {
  const { store, created } = recordingStore();
  const result = await startSubmission(
    body,
    { roles, subject: 'user-1' },
    { submissions: store, maxFileBytes, now },
  );
  return { result, created };
}

describe('starting a submission', () => {
  it('gives one upload address per declared file under the council’s own part of the bucket', async () => {
    const { result, created } = await start(request());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.uploads.map((upload) => [upload.fileName, upload.size])).toEqual([
      ['header.csv', 1000],
      ['episodes.csv', 5000],
    ]);
    for (const upload of result.uploads) {
      expect(upload.key).toBe(
        `uploads/886/ssda903/2026/${result.submission.submissionId}/${upload.fileName}`,
      );
    }
    expect(created).toEqual([result.submission]);
    expect(created[0]).toMatchObject({ la: '886', createdBy: 'user-1', createdAt: now.toISOString() });
    expect(created[0]!.expiresAt).toBe(now.getTime() / 1000 + 7 * 24 * 3600);
  });

  it.each([
    ['no files', request({ files: [] }), /List the files/],
    [
      'a file over the limit',
      request({ files: [{ name: 'episodes.csv', size: 10_001, sha256: SHA256 }] }),
      /episodes.csv is 10,001 bytes, over the 10,000 bytes limit for one file/,
    ],
    [
      'an empty file',
      request({ files: [{ name: 'episodes.csv', size: 0, sha256: SHA256 }] }),
      /cannot be empty/,
    ],
    [
      'a file without its checksum',
      request({ files: [{ name: 'episodes.csv', size: 10 }] }),
      /needs its SHA-256 checksum/,
    ],
    [
      'a malformed checksum',
      request({ files: [{ name: 'episodes.csv', size: 10, sha256: 'not-a-checksum' }] }),
      /64 letters \(a to f\) and digits/,
    ],
    [
      'a file of another type',
      request({ files: [{ name: 'episodes.xlsx', size: 10, sha256: SHA256 }] }),
      /\.csv, \.zip, \.xml, \.ndjson, \.jsonl and \.json files are accepted/,
    ],
    [
      'a path in a file name',
      request({ files: [{ name: '../episodes.csv', size: 10, sha256: SHA256 }] }),
      /File names may use/,
    ],
    [
      'the same name twice',
      request({
        files: [
          { name: 'a.csv', size: 1, sha256: SHA256 },
          { name: 'A.csv', size: 1, sha256: SHA256 },
        ],
      }),
      /same name/,
    ],
    [
      'a ZIP beside other files',
      request({
        files: [
          { name: 'a.zip', size: 1, sha256: SHA256 },
          { name: 'b.csv', size: 1, sha256: SHA256 },
        ],
      }),
      /on its own/,
    ],
    ['an unknown return', request({ returnType: 'ssda904' }), /Say which return/],
    ['a year not started', request({ collectionYear: 2028 }), /not started yet/],
  ])('refuses %s with a message the officer can act on', async (_label, body, message) => {
    const { result, created } = await start(body);
    expect(result).toMatchObject({ ok: false, status: 400 });
    expect(result.ok ? '' : result.message).toMatch(message);
    expect(created).toEqual([]);
  });

  it('lets an SSDA903 ZIP or XML bring last year’s files alongside, named with "_last"', async () => {
    const { result } = await start(
      request({
        files: [
          { name: 'return.xml', size: 1, sha256: SHA256 },
          { name: 'return_last.xml', size: 1, sha256: SHA256 },
        ],
      }),
    );
    expect(result).toMatchObject({ ok: true });
    const { result: twoZips } = await start(
      request({
        files: [
          { name: 'return.zip', size: 1, sha256: SHA256 },
          { name: 'other.zip', size: 1, sha256: SHA256 },
          { name: 'return_last.zip', size: 1, sha256: SHA256 },
        ],
      }),
    );
    expect(twoZips).toMatchObject({ ok: false, status: 400 });
  });

  it('starts a CIN census submission of one XML file', async () => {
    const { result, created } = await start(
      request({
        returnType: 'cin',
        collectionYear: 2025,
        files: [{ name: 'cin_2025.xml', size: 4254, sha256: SHA256 }],
      }),
    );
    expect(result.ok && result.uploads.map((upload) => upload.key)).toEqual([
      expect.stringMatching(/^uploads\/886\/cin\/2025\/SUB-[0-9]{8}-[0-9A-F]{10}\/cin_2025\.xml$/),
    ]);
    expect(created).toHaveLength(1);
  });

  it('refuses anyone who is not a council’s data team, and another council’s return', async () => {
    expect((await start(request(), [{ kind: 'dfe' }])).result).toMatchObject({ ok: false, status: 403 });
    const other = await start(request({ la: '302' }));
    expect(other.result).toMatchObject({ ok: false, status: 403 });
    expect(other.result.ok ? '' : other.result.message).toMatch(/Barnet/);
  });

  it('asks someone acting for two councils to say which', async () => {
    const both: Role[] = [...kent, { kind: 'council', la: '302' }];
    expect((await start(request(), both)).result).toMatchObject({ ok: false, status: 400 });
    const chosen = await start(request({ la: '302' }), both);
    expect(chosen.result.ok && chosen.result.submission.la).toBe('302');
  });
});
