// The staged extract: one CSV per table, its header once, values quoted only where CSV needs it, and the
// same bytes however many rows go out in one write.
import { describe, expect, it } from 'vitest';
import type { ObjectStore, ObjectWriter } from '../../../shared/ports/objects.ts';
import { handedOverTogether, StagedExtract } from '../../../shared/use-cases/staged-extract.ts';

/** Keeps what each writer was given, write by write. */
function recordingObjects() {
  const writes = new Map<string, string[]>();
  const closed = new Set<string>();
  const objects = {
    openWriter(_bucket: string, key: string): ObjectWriter {
      const parts: string[] = [];
      writes.set(key, parts);
      return {
        write: async (text) => void parts.push(text),
        close: async () => void closed.add(key),
      };
    },
    move: async (_bucket: string, fromKey: string, toKey: string) => {
      writes.set(toKey, writes.get(fromKey) ?? []);
      writes.delete(fromKey);
    },
    remove: async (_bucket: string, key: string) => void writes.delete(key),
  } as unknown as ObjectStore;
  return { objects, writes, closed };
}

describe('StagedExtract', () => {
  it('writes each table with its header once and quotes only what CSV needs', async () => {
    const { objects, writes, closed } = recordingObjects();
    const extract = new StagedExtract<'A' | 'B'>(objects, 'data', 'curated/886/x/2026/SUB-1');
    await extract.write('A', () => ['ID', 'NOTE'], ['1', 'plain']);
    await extract.write('B', () => ['ID'], ['2']);
    await extract.write('A', () => ['never', 'read'], ['3', 'a,b']);
    await extract.write('A', () => [], ['4', 'say "hi"']);
    await extract.write('A', () => [], ['5', 'two\nlines']);
    await extract.write('A', () => [], ['', 'cr\r']);
    await extract.write('A', () => [], ['6', 'unit\u001fseparator']);
    await extract.close();
    expect(closed).toEqual(
      new Set(['staging/curated/886/x/2026/SUB-1/A.csv', 'staging/curated/886/x/2026/SUB-1/B.csv']),
    );
    await extract.commit();
    expect(writes.get('curated/886/x/2026/SUB-1/A.csv')?.join('')).toBe(
      'ID,NOTE\r\n1,plain\r\n3,"a,b"\r\n4,"say ""hi"""\r\n5,"two\nlines"\r\n,"cr\r"\r\n6,unit\u001fseparator\r\n',
    );
    expect(writes.get('curated/886/x/2026/SUB-1/B.csv')?.join('')).toBe('ID\r\n2\r\n');
    expect(writes.has('staging/curated/886/x/2026/SUB-1/A.csv')).toBe(false);
  });

  it('gives the same bytes in a few large writes as row by row', async () => {
    const { objects, writes } = recordingObjects();
    const extract = new StagedExtract<'Episodes'>(objects, 'data', 'p');
    const rows = Array.from({ length: 20_000 }, (_, index) => [
      `child-${index}`,
      index % 7 === 0 ? `"${index}"` : String(index * 31),
    ]);
    for (const row of rows) await extract.write('Episodes', () => ['CHILD', 'VALUE'], row);
    await extract.close();
    const parts = writes.get('staging/p/Episodes.csv') ?? [];
    const expected = [
      'CHILD,VALUE\r\n',
      ...rows.map(([child, value]) =>
        value!.startsWith('"') ? `${child},"""${value!.slice(1, -1)}"""\r\n` : `${child},${value}\r\n`,
      ),
    ].join('');
    expect(parts.join('')).toBe(expected);
    expect(parts.length).toBeLessThan(rows.length / 100);
  });
});

describe('handedOverTogether', () => {
  it('is nothing when no write handed a chunk over, else the one there is', () => {
    const handover = Promise.resolve();
    expect(handedOverTogether(undefined, undefined)).toBeUndefined();
    expect(handedOverTogether(handover, undefined)).toBe(handover);
    expect(handedOverTogether(undefined, handover)).toBe(handover);
  });

  it('settles only once both handovers have, and fails when either does', async () => {
    let finishFirst = () => {};
    const first = new Promise<void>((done) => {
      finishFirst = done;
    });
    let settled = false;
    const both = handedOverTogether(first, Promise.resolve())!.then(() => {
      settled = true;
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(settled).toBe(false);
    finishFirst();
    await both;
    expect(settled).toBe(true);
    await expect(
      handedOverTogether(Promise.resolve(), Promise.reject(new Error('store down'))),
    ).rejects.toThrow('store down');
  });
});
