// Tests: the ingest use case's fixed settings, as every in-process ingest test gives them.
import type { IngestDeps } from '../../../shared/use-cases/ingest-deps.ts';

export const TEST_INGEST_SETTINGS: Pick<
  IngestDeps,
  'pseudonymSecret' | 'uploadsBucket' | 'dataBucket' | 'maxFileBytes'
> = {
  pseudonymSecret: async () => Buffer.alloc(32, 1),
  uploadsBucket: 'uploads',
  dataBucket: 'data',
  maxFileBytes: 10_000_000,
};
