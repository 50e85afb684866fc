// Domain: the lists of codes that rules test a field's value against (placement types, legal statuses, reasons
// episode ceased ...), answered for all the lists on one field from a single lookup of the value.
//
// The runner asks every row rule about a row before moving to the next row (runner.ts), so a dozen rules in
// turn ask whether the same PLACE is in a list of their own. Each list is a bit in its field's group: the group
// maps each code to the bits of the lists holding it, and remembers the last value asked about, so the first
// rule looks the value up and the others compare it with the last one (the same string, most often) and test
// a bit. A rule that looks only at rows holding one of its codes asks first whether the child has any
// (`inSome`): one walk of the child's rows answers every list of the field. Which lists a value is in depends on its text alone, so the answer is the same whichever row asks.

import type { Row } from '../model.ts';

/** Slots of a group's table of recent values (a power of two). */
const RECENT_SLOTS = 64;

/** The lists of codes made for one field (up to LISTS_PER_GROUP of them; more start another group). */
export class CodeGroup {
  constructor(readonly field: string) {}
  /** The bits of the lists holding each code. */
  readonly listsOf = new Map<string, number>();
  /** The lists already made, by their codes in order, so that a list made twice takes one bit. */
  readonly bitOf = new Map<string, number>();
  lists = 0;
  /** The last value looked up, and the bits of the lists holding it. */
  lastValue: string | undefined = undefined;
  lastLists = 0;
  private readonly recentValues: (string | undefined)[] = new Array(RECENT_SLOTS).fill(undefined);
  private readonly recentLists = new Int32Array(RECENT_SLOTS);
  // A child's rows are read-only while its rules run (as support.ts's orderings assume), so the answer for the
  // last rows asked about is kept.
  private lastRows: readonly Row[] | null = null;
  private lastRowsLists = 0;

  /** The bits of the lists holding `value` (0 for a value in none of them). */
  listsHolding(value: string): number {
    return value === this.lastValue ? this.lastLists : this.lookUp(value);
  }

  lookUp(value: string): number {
    // A small table of recent values in front of the map, placed by their first and last characters and length:
    // a code is short, and a child's rows ask about a handful of them in turn.
    const length = value.length;
    const slot =
      length === 0
        ? 0
        : (value.charCodeAt(0) * 31 + value.charCodeAt(length - 1) * 7 + length) & (RECENT_SLOTS - 1);
    let lists: number;
    if (this.recentValues[slot] === value) lists = this.recentLists[slot]!;
    else {
      lists = this.listsOf.get(value) ?? 0;
      this.recentValues[slot] = value;
      this.recentLists[slot] = lists;
    }
    this.lastValue = value;
    this.lastLists = lists;
    return lists;
  }

  /** The bits of the lists holding the field's value in some row of `rows`: worked out once per child. */
  listsHoldingSome(rows: readonly Row[]): number {
    if (rows !== this.lastRows) {
      let lists = 0;
      for (let at = 0; at < rows.length; at++) lists |= this.listsHolding(rows[at]!.values[this.field] ?? '');
      this.lastRowsLists = lists;
      this.lastRows = rows;
    }
    return this.lastRowsLists;
  }

  add(codes: readonly string[]): number {
    const key = codes.join('\u0000');
    const made = this.bitOf.get(key);
    if (made !== undefined) return made;
    const bit = 1 << this.lists++;
    for (const code of codes) this.listsOf.set(code, (this.listsOf.get(code) ?? 0) | bit);
    this.bitOf.set(key, bit);
    this.lastValue = undefined;
    this.recentValues.fill(undefined);
    this.lastRows = null;
    return bit;
  }
}

/** Bits in a small integer, so that a group's answer stays a small integer. */
const LISTS_PER_GROUP = 30;
const groups = new Map<string, CodeGroup>();

/** A list of codes for a field: `has(value)` says whether a value of that field is one of them. */
export class CodeSet {
  constructor(
    /** The group of its field's lists, and its bit there (the runner tests a row's value once per group). */
    readonly group: CodeGroup,
    readonly bit: number,
    /** The codes, as given. */
    readonly codes: readonly string[],
  ) {}

  has(value: string): boolean {
    // listsHolding, written out: this is asked some thirty times a child.
    const group = this.group;
    return ((value === group.lastValue ? group.lastLists : group.lookUp(value)) & this.bit) !== 0;
  }

  /** Whether the field's value in some row of `rows` (a child's rows of a table) is one of the codes. */
  inSome(rows: readonly Row[]): boolean {
    return (this.group.listsHoldingSome(rows) & this.bit) !== 0;
  }
}

/**
 * The list of `codes` a rule tests values of `field` against. Made once, when the rule is defined. Any value
 * may be asked about (the answer is the same as a Set of the codes would give); asking with values of the named
 * field is what lets the lists share their lookups.
 */
export function codeSet(field: string, codes: readonly string[]): CodeSet {
  let group = groups.get(field);
  const key = codes.join('\u0000');
  if (group === undefined || (group.lists === LISTS_PER_GROUP && !group.bitOf.has(key))) {
    group = new CodeGroup(field);
    groups.set(field, group);
  }
  return new CodeSet(group, group.add(codes), codes);
}
