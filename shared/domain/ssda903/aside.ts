// Domain: where the checks across children (rule 444) set aside what they must remember until every child has
// been seen, so that what they keep in memory does not grow with the number of children.
//
// A check writes one record per thing to remember into a log split into partitions by a key of its choosing
// (for rule 444, the UPN), so that records that must be compared with each other share a partition. Once every
// child has been seen, each partition is read back and judged alone: memory then holds one partition, not the
// whole return's. The partitions are spillable logs (spill-log.ts) sharing one small budget: given a folder,
// they are written to files there once they hold more than it; without one (a return read wholly in memory)
// they stay in memory.
import { type SpillLog, type SpillOptions, type SpillShape, SpillSpace } from './spill-log.ts';

/** A partition's first chunk is small (most of a small return's partitions hold a few records) and grows. */
const ASIDE: SpillShape = {
  name: 'ssda903-aside',
  memoryBytes: 1 << 20,
  firstChunkBytes: 1 << 9,
  largestChunkBytes: 1 << 14,
};

/** The logs of one return's checks across children (1 MiB in memory, across them all, before spilling). */
export class AsideSpace extends SpillSpace {
  /** @param options where to write the logs; none keeps them in memory. */
  constructor(options?: SpillOptions) {
    super(ASIDE, options);
  }

  /** A check's log, split into `count` partitions; each gives its records back in the order appended (take). */
  partitions(count: number): SpillLog[] {
    return Array.from({ length: count }, () => this.log());
  }
}
