// Domain: a small seeded pseudo-random generator (mulberry32), so a generated return is the same for the same
// seed on every machine. Not for anything secret.

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** A whole number from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** A child generator for one part of the output, so adding to one part leaves the others unchanged. */
  fork(label: string): Random {
    let hash = this.state ^ 0x9e3779b9;
    for (const char of label) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    return new Random(hash);
  }
}

/** Exactly round(share × total) of the items are chosen, at random positions: keeps a rate on target. */
export function chooseExactly(random: Random, total: number, share: number): boolean[] {
  const wanted = Math.max(0, Math.min(total, Math.round(share * total)));
  const chosen = Array.from({ length: total }, (_, index) => index < wanted);
  for (let index = total - 1; index > 0; index -= 1) {
    const other = random.int(0, index);
    [chosen[index], chosen[other]] = [chosen[other]!, chosen[index]!];
  }
  return chosen;
}
