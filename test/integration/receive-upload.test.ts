// The ingest use case on real adapters: DynamoDB Local for submissions and aggregates, fauxqs for S3.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObjectStore } from '../../shared/ports/objects.ts';
import { failUpload, type ReceiveDeps, receiveUpload } from '../../shared/use-cases/receive-upload.ts';
import { DATA, type Receiving, startReceiving, UPLOADS } from './helpers/receiving.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const demo = (name: string) => readFileSync(path.join(root, 'shared', 'demo', 'ssda903', name));
const YEAR = 2027;
/** The demo Header and Episodes; `blankLines` trailing blank rows (which the reader skips) make each copy's bytes differ. */
const minimalReturn = (blankLines: number) => ({
  'header.csv': Buffer.concat([demo('header.csv'), Buffer.from('\r\n'.repeat(blankLines))]),
  'episodes.csv': demo('episodes.csv'),
});

describe('receiving uploads on real emulators', () => {
  let receiving: Receiving;
  let fauxqs: Receiving['fauxqs'];
  let deps: ReceiveDeps;
  let submissions: Receiving['submissions'];
  let aggregates: Receiving['aggregates'];
  const published: { body: string; groupId: string; deduplicationId: string }[] = [];
  let failPublishing = 0;
  let counter = 0;

  beforeAll(async () => {
    receiving = await startReceiving(async (message) => {
      if (failPublishing > 0) {
        failPublishing -= 1;
        throw new Error('SQS unavailable');
      }
      published.push(message);
    });
    ({ fauxqs, deps, submissions, aggregates } = receiving);
  });
  afterAll(async () => {
    await receiving?.stop();
  });

  /** Starts a submission for these files (as the API does) and uploads them; returns the keys. */
  async function upload(
    files: Record<string, Buffer | string>,
    la = '886',
    declared: Record<string, Buffer | string> = files,
  ) {
    counter += 1;
    const submissionId = `SUB-20261123-${String(counter).padStart(10, '0')}`;
    await submissions.createSubmission({
      submissionId,
      la,
      returnType: 'ssda903',
      collectionYear: YEAR,
      declaredFiles: Object.entries(declared).map(([name, body]) => ({
        name,
        size: Buffer.byteLength(body),
        sha256: createHash('sha256').update(body).digest('hex'),
      })),
      createdAt: new Date().toISOString(),
      createdBy: 'test',
      expiresAt: 2_000_000_000,
    });
    const keys = Object.keys(files).map((name) => `uploads/${la}/ssda903/${YEAR}/${submissionId}/${name}`);
    for (const [index, body] of Object.values(files).entries()) {
      await fauxqs.s3.send(new PutObjectCommand({ Bucket: UPLOADS, Key: keys[index], Body: body }));
    }
    return { submissionId, keys };
  }

  const report = async (submissionId: string) => {
    const submission = await submissions.getSubmission(submissionId);
    const object = await fauxqs.s3.send(
      new GetObjectCommand({ Bucket: UPLOADS, Key: submission!.outcome!.reportKeys!.json }),
    );
    return JSON.parse(await object.Body!.transformToString()) as {
      status: string;
      blockingErrors: { kind: string; file: string | null; message: string }[];
    };
  };

  it('rejects a file whose bytes are not the ones declared, naming it and what to do', async () => {
    const header = demo('header.csv');
    const sameSizeOtherBytes = Buffer.from(header);
    sameSizeOtherBytes[sameSizeOtherBytes.length - 3]! ^= 1;
    const altered = await upload(
      { 'header.csv': sameSizeOtherBytes, 'episodes.csv': demo('episodes.csv') },
      '886',
      {
        'header.csv': header,
        'episodes.csv': demo('episodes.csv'),
      },
    );
    const result = await receiveUpload(UPLOADS, altered.keys[0]!, deps);
    expect(result).toMatchObject({ kind: 'processed', outcome: { status: 'rejected' } });
    const submission = await submissions.getSubmission(altered.submissionId);
    expect(submission?.status).toBe('rejected');
    expect(submission?.outcome?.summary).toMatch(
      /header\.csv.*not the file that was declared.*SHA-256.*start a new submission/i,
    );

    const longer = await upload({ 'header.csv': Buffer.concat([header, Buffer.alloc(200_000, 32)]) }, '886', {
      'header.csv': header,
    });
    await receiveUpload(UPLOADS, longer.keys[0]!, deps);
    expect((await submissions.getSubmission(longer.submissionId))?.outcome?.summary).toContain(
      `${(header.length + 200_000).toLocaleString('en-GB')} bytes arrived, ${header.length.toLocaleString('en-GB')} bytes were declared`,
    );
  });

  it('processes only the object the notification announced, and the bytes it checked', async () => {
    const { submissionId, keys } = await upload(minimalReturn(7));
    // A notification for an object that has since been replaced is not processed.
    expect(
      await receiveUpload(UPLOADS, keys[0]!, deps, { eTag: '0123456789abcdef0123456789abcdef' }),
    ).toEqual({
      kind: 'refused',
      reason: expect.stringMatching(/replaced after it arrived/),
    });
    expect((await submissions.getSubmission(submissionId))?.files).toEqual([]);
    // Checked on arrival, then replaced before the last file came: processing refuses the changed bytes.
    expect(await receiveUpload(UPLOADS, keys[0]!, deps)).toMatchObject({ kind: 'waiting' });
    await fauxqs.s3.send(
      new PutObjectCommand({ Bucket: UPLOADS, Key: keys[0], Body: minimalReturn(8)['header.csv'] }),
    );
    await expect(receiveUpload(UPLOADS, keys[1]!, deps)).rejects.toThrow(/changed after it was checked/);
  });

  it('waits for every declared file, then processes the return once', async () => {
    const { submissionId, keys } = await upload({
      'header.csv': demo('header.csv'),
      'episodes.csv': demo('episodes.csv'),
    });
    expect(await receiveUpload(UPLOADS, keys[0]!, deps)).toEqual({
      kind: 'waiting',
      submissionId,
      missing: ['episodes.csv'],
    });
    const result = await receiveUpload(UPLOADS, keys[1]!, deps);
    expect(result).toMatchObject({ kind: 'processed', outcome: { status: 'accepted_with_issues' } });
    // A redelivered notification for either file finds the work done.
    expect(await receiveUpload(UPLOADS, keys[1]!, deps)).toEqual({ kind: 'already-handled', submissionId });
    expect(await receiveUpload(UPLOADS, keys[0]!, deps)).toEqual({ kind: 'already-handled', submissionId });
    expect(published.filter((message) => message.deduplicationId === submissionId)).toHaveLength(1);
    expect((await aggregates.currentAggregates('886', 'ssda903', YEAR))?.submissionId).toBe(submissionId);
  });

  it('processes exactly once when the last notifications arrive together', async () => {
    const before = published.length;
    const { submissionId, keys } = await upload(minimalReturn(1));
    await receiveUpload(UPLOADS, keys[0]!, deps);
    // S3 may deliver a notification more than once, and SQS may hand copies to concurrent invocations.
    const results = await Promise.all(
      Array.from({ length: 4 }, () => receiveUpload(UPLOADS, keys[1]!, deps)),
    );
    expect(results.filter((result) => result.kind === 'processed')).toHaveLength(1);
    expect(results.filter((result) => result.kind === 'already-handled')).toHaveLength(3);
    expect(published.slice(before).map((message) => message.deduplicationId)).toEqual([submissionId]);
  });

  it('marks identical files sent again as a duplicate, and sends nothing downstream', async () => {
    const before = published.length;
    const { keys } = await upload(minimalReturn(1));
    await receiveUpload(UPLOADS, keys[0]!, deps);
    const result = await receiveUpload(UPLOADS, keys[1]!, deps);
    expect(result).toMatchObject({ kind: 'processed', outcome: { status: 'duplicate' } });
    expect(published.length).toBe(before);
  });

  it('lets a corrected return supersede the earlier one, which is kept and marked', async () => {
    const first = (await aggregates.currentAggregates('886', 'ssda903', YEAR))!.submissionId;
    const { submissionId, keys } = await upload(minimalReturn(2));
    await receiveUpload(UPLOADS, keys[0]!, deps);
    const result = await receiveUpload(UPLOADS, keys[1]!, deps);
    expect(result).toMatchObject({ kind: 'processed', outcome: { supersedes: first } });
    expect((await submissions.getSubmission(first))?.supersededBy).toBe(submissionId);
    expect(JSON.parse(published.at(-1)!.body)).toMatchObject({ type: 'ReturnIngested', supersedes: first });
  });

  it('rejects bad files with a reason a data officer can act on, and keeps the accepted figures', async () => {
    const current = (await aggregates.currentAggregates('886', 'ssda903', YEAR))!.submissionId;
    const zipBomb = (() => {
      // One stored-name entry whose 200 MB of zeros deflate to a few hundred KB: refused by its ratio.
      const data = deflateRawSync(Buffer.alloc(200 * 1024 * 1024));
      const name = Buffer.from('header.csv');
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(8, 8);
      local.writeUInt32LE(data.length, 18);
      local.writeUInt32LE(200 * 1024 * 1024, 22);
      local.writeUInt16LE(name.length, 26);
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(20, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(8, 10);
      central.writeUInt32LE(data.length, 20);
      central.writeUInt32LE(200 * 1024 * 1024, 24);
      central.writeUInt16LE(name.length, 28);
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(1, 8);
      end.writeUInt16LE(1, 10);
      end.writeUInt32LE(46 + name.length, 12);
      end.writeUInt32LE(30 + name.length + data.length, 16);
      return Buffer.concat([local, name, data, central, name, end]);
    })();
    const cases: [string, Record<string, Buffer | string>, RegExp][] = [
      ['empty file', { 'episodes.csv': Buffer.alloc(0) }, /empty/i],
      ['headers only', { 'header.csv': 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n' }, /no rows|only.*head/i],
      [
        'wrong delimiter',
        { 'header.csv': 'CHILD;SEX;DOB;ETHNIC;UPN;MOTHER;MC_DOB\r\n1;1;01/01/2010;WBRI;;;\r\n' },
        /semicolon|comma/i,
      ],
      [
        'binary garbage',
        { 'header.csv': Buffer.from(Array.from({ length: 2048 }, (_, index) => (index * 97) % 256)) },
        /.+/,
      ],
      ['ZIP bomb', { 'return.zip': zipBomb }, /.+/],
      [
        'XML with a DOCTYPE',
        { 'return.xml': '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><Message>&a;</Message>' },
        /.+/,
      ],
    ];
    for (const [label, files, pattern] of cases) {
      const { submissionId, keys } = await upload(files);
      const result = await receiveUpload(UPLOADS, keys.at(-1)!, deps);
      expect(result, label).toMatchObject({ kind: 'processed', outcome: { status: 'rejected' } });
      const { blockingErrors } = await report(submissionId);
      expect(blockingErrors.length, label).toBeGreaterThan(0);
      const fileName = Object.keys(files)[0]!;
      expect(blockingErrors.map((error) => error.message).join(' '), label).toContain(fileName);
      expect(blockingErrors.map((error) => error.message).join(' '), label).toMatch(pattern);
    }
    expect((await aggregates.currentAggregates('886', 'ssda903', YEAR))?.submissionId).toBe(current);
  });

  it('rejects a file over the size limit without reading it', async () => {
    const { submissionId, keys } = await upload({ 'episodes.csv': Buffer.alloc(64, 'a') });
    const result = await receiveUpload(UPLOADS, keys[0]!, { ...deps, maxFileBytes: 32 });
    expect(result).toMatchObject({ kind: 'processed', outcome: { status: 'rejected' } });
    expect((await report(submissionId)).blockingErrors[0]).toMatchObject({
      kind: 'file-too-large',
      file: 'episodes.csv',
    });
  });

  it('refuses objects that are not part of a started submission, recording nothing', async () => {
    const { submissionId } = await upload({ 'header.csv': demo('header.csv') });
    const refusals = [
      'uploads/999/ssda903/2027/SUB-20261123-X/header.csv',
      'somewhere/else.csv',
      `uploads/886/ssda903/${YEAR}/SUB-20261123-NOT-STARTED/header.csv`,
      `uploads/302/ssda903/${YEAR}/${submissionId}/header.csv`,
      `uploads/886/ssda903/${YEAR}/${submissionId}/undeclared.csv`,
    ];
    for (const key of refusals) {
      const result = await receiveUpload(UPLOADS, key, deps);
      expect(result.kind, key).toBe('refused');
      expect((result as { reason: string }).reason.length, key).toBeGreaterThan(20);
    }
    expect((await submissions.getSubmission(submissionId))?.files).toEqual([]);
  });

  it('finishes the work on redelivery after a failure part-way, and announces it once', async () => {
    const before = published.length;
    const { submissionId, keys } = await upload(minimalReturn(3));
    await receiveUpload(UPLOADS, keys[0]!, deps);
    failPublishing = 1;
    await expect(receiveUpload(UPLOADS, keys[1]!, deps)).rejects.toThrow('SQS unavailable');
    expect((await submissions.getSubmission(submissionId))?.status).toBe('processing');
    // SQS redelivers after the visibility timeout; by then the lease of the failed attempt has run out.
    const later = { ...deps, now: () => new Date(Date.now() + 301_000) };
    expect(await receiveUpload(UPLOADS, keys[1]!, deps)).toMatchObject({ kind: 'already-handled' });
    expect(await receiveUpload(UPLOADS, keys[1]!, later)).toMatchObject({ kind: 'processed' });
    expect(published.slice(before).map((message) => message.deduplicationId)).toEqual([submissionId]);
  });

  describe('a resend of the same files', () => {
    const headersOnly = (blankLines: number) => ({
      'header.csv': `CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n${'\r\n'.repeat(blankLines)}`,
    });
    const reportExists = async (submissionId: string) => {
      const keys = (await submissions.getSubmission(submissionId))?.outcome?.reportKeys;
      if (!keys) return false;
      await fauxqs.s3.send(new GetObjectCommand({ Bucket: UPLOADS, Key: keys.json }));
      return true;
    };

    it('after a rejection is processed again, not called a duplicate of a report-less submission', async () => {
      const first = await upload(headersOnly(5));
      expect(await receiveUpload(UPLOADS, first.keys[0]!, deps)).toMatchObject({
        outcome: { status: 'rejected' },
      });
      const resend = await upload(headersOnly(5));
      const result = await receiveUpload(UPLOADS, resend.keys[0]!, deps);
      expect(result).toMatchObject({ kind: 'processed', outcome: { status: 'rejected' } });
      expect((result as { outcome: { duplicateOf?: string } }).outcome.duplicateOf).toBeUndefined();
      expect(await reportExists(resend.submissionId)).toBe(true);
    });

    it('after a submission stuck in processing past its lease is processed as new', async () => {
      const before = published.length;
      const first = await upload(minimalReturn(11));
      await receiveUpload(UPLOADS, first.keys[0]!, deps);
      failPublishing = 1;
      await expect(receiveUpload(UPLOADS, first.keys[1]!, deps)).rejects.toThrow('SQS unavailable');
      expect((await submissions.getSubmission(first.submissionId))?.status).toBe('processing');

      const later = { ...deps, now: () => new Date(Date.now() + 301_000) };
      const resend = await upload(minimalReturn(11));
      await receiveUpload(UPLOADS, resend.keys[0]!, later);
      const result = await receiveUpload(UPLOADS, resend.keys[1]!, later);
      expect(result).toMatchObject({ kind: 'processed', outcome: { status: 'accepted_with_issues' } });
      expect(await reportExists(resend.submissionId)).toBe(true);
      expect(published.slice(before).map((message) => message.deduplicationId)).toEqual([
        resend.submissionId,
      ]);
    });

    it('while the first is still processing within its lease waits (a retry), and is a duplicate once it is accepted', async () => {
      const first = await upload(minimalReturn(12));
      await receiveUpload(UPLOADS, first.keys[0]!, deps);
      failPublishing = 1;
      await expect(receiveUpload(UPLOADS, first.keys[1]!, deps)).rejects.toThrow('SQS unavailable');

      const resend = await upload(minimalReturn(12));
      await receiveUpload(UPLOADS, resend.keys[0]!, deps);
      await expect(receiveUpload(UPLOADS, resend.keys[1]!, deps)).rejects.toThrow(
        new RegExp(`being processed under submission ${first.submissionId}`),
      );
      expect((await submissions.getSubmission(resend.submissionId))?.outcome).toBeUndefined();

      // The first finishes on its redelivery; the resend's redelivery (after the visibility timeout) is a duplicate.
      const later = { ...deps, now: () => new Date(Date.now() + 301_000) };
      expect(await receiveUpload(UPLOADS, first.keys[1]!, later)).toMatchObject({ kind: 'processed' });
      const result = await receiveUpload(UPLOADS, resend.keys[1]!, later);
      expect(result).toMatchObject({
        kind: 'processed',
        outcome: { status: 'duplicate', duplicateOf: first.submissionId },
      });
      expect(await reportExists(resend.submissionId)).toBe(true);
    });
  });

  describe('an attempt that fails part-way', () => {
    const keysUnder = async (prefix: string) =>
      ((await fauxqs.s3.send(new ListObjectsV2Command({ Bucket: DATA, Prefix: prefix }))).Contents ?? []).map(
        (object) => object.Key!,
      );
    /** The real object store, except that writing a report fails. */
    const reportWriteFails = (): ObjectStore => {
      const real = deps.objects;
      return {
        open: (bucket, key) => real.open(bucket, key),
        digest: (bucket, key) => real.digest(bucket, key),
        openWriter: (bucket, key, contentType) => real.openWriter(bucket, key, contentType),
        move: (bucket, from, to) => real.move(bucket, from, to),
        remove: (bucket, key) => real.remove(bucket, key),
        putText: async () => {
          throw new Error('S3 unavailable');
        },
      };
    };

    it('keeps no extract, staged or curated; the last attempt leaves it failed with the reason', async () => {
      const { submissionId, keys } = await upload(minimalReturn(21));
      await receiveUpload(UPLOADS, keys[0]!, deps);
      await expect(
        receiveUpload(UPLOADS, keys[1]!, { ...deps, objects: reportWriteFails() }),
      ).rejects.toThrow('S3 unavailable');
      expect(await keysUnder(`curated/886/ssda903/${YEAR}/${submissionId}/`)).toEqual([]);
      expect(await keysUnder(`staging/curated/886/ssda903/${YEAR}/${submissionId}/`)).toEqual([]);

      // The queue's last receive fails too: the submission ends failed, with words for the council.
      expect(await failUpload(keys[1]!, new Error('S3 unavailable'), deps)).toBe(submissionId);
      const failed = await submissions.getSubmission(submissionId);
      expect(failed).toMatchObject({ status: 'failed', outcome: { status: 'failed' } });
      expect(failed!.outcome!.summary).toMatch(
        /could not be processed.*S3 unavailable.*send the return again/is,
      );
      // A finished outcome is never replaced by a later failure.
      expect(await failUpload(keys[1]!, new Error('late'), deps)).toBeUndefined();
    });

    it('writes a successful extract under curated/ only, and a redriven failed submission is processed', async () => {
      const { submissionId, keys } = await upload(minimalReturn(22));
      await receiveUpload(UPLOADS, keys[0]!, deps);
      await expect(
        receiveUpload(UPLOADS, keys[1]!, { ...deps, objects: reportWriteFails() }),
      ).rejects.toThrow();
      await failUpload(keys[1]!, new Error('S3 unavailable'), deps);
      // An operator redrives the message from the dead-letter queue once S3 is back.
      expect(await receiveUpload(UPLOADS, keys[1]!, deps)).toMatchObject({
        kind: 'processed',
        outcome: { status: 'accepted_with_issues' },
      });
      expect(await keysUnder(`curated/886/ssda903/${YEAR}/${submissionId}/`)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/Header\.csv$/i),
          expect.stringMatching(/Episodes\.csv$/i),
        ]),
      );
      expect(await keysUnder(`staging/curated/886/ssda903/${YEAR}/${submissionId}/`)).toEqual([]);
    });
  });
});
