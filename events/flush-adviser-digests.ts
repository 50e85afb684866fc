// Event catalogue: FlushAdviserDigests, the fixed input of the Scheduler schedule that sends advisers'
// digests once per digest window (stage config `adviserDigestMinutes`). It carries no data.
import * as z from 'zod';

export const FlushAdviserDigestsV1Schema = z.strictObject({
  type: z.literal('FlushAdviserDigests'),
  version: z.literal(1),
});
export type FlushAdviserDigestsV1 = z.infer<typeof FlushAdviserDigestsV1Schema>;

export const FLUSH_ADVISER_DIGESTS: FlushAdviserDigestsV1 = { type: 'FlushAdviserDigests', version: 1 };
