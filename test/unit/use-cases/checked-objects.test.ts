// The store a checked submission is processed with keeps every method of the real one: a class's methods are on
// its prototype, so copying the store's own properties lost move and remove, and every accepted return failed.
import { describe, expect, it } from 'vitest';
import type { ObjectStore, ObjectWriter } from '../../../shared/ports/objects.ts';
import type { Submission } from '../../../shared/ports/submissions.ts';
import { checkedObjects } from '../../../shared/use-cases/receive-upload.ts';

class ClassStore implements ObjectStore {
  readonly calls: string[] = [];
  async open(): Promise<AsyncIterable<Uint8Array>> {
    return (async function* () {})();
  }
  async digest() {
    return { size: 0, sha256: '' };
  }
  async putText(_bucket: string, key: string) {
    this.calls.push(`put ${key}`);
  }
  openWriter(): ObjectWriter {
    return { write: async () => {}, close: async () => {} };
  }
  async move(_bucket: string, from: string, to: string) {
    this.calls.push(`move ${from} ${to}`);
  }
  async remove(_bucket: string, key: string) {
    this.calls.push(`remove ${key}`);
  }
}

describe('checkedObjects', () => {
  it('delegates every method of a class-based store, moves and removes included', async () => {
    const store = new ClassStore();
    const checked = checkedObjects(store, { files: [] } as unknown as Submission);
    await checked.putText('data', 'a', 'x', 'text/plain');
    await checked.move('data', 'staging/a', 'curated/a');
    await checked.remove('data', 'staging/b');
    expect(store.calls).toEqual(['put a', 'move staging/a curated/a', 'remove staging/b']);
  });
});
