// Domain: a figure as DfE publishes it — a number, or a symbol that says why there is no number.
//
// DfE statistics leave a symbol in the cell where a figure is withheld or does not exist. A symbol is
// never zero: "k" and "low" mean "greater than zero but rounds to zero", "c" means "withheld to protect
// children", "z" means "does not apply" (for example a council that did not exist that year).

/** Why a published figure has no number. */
export type MissingReason =
  | 'suppressed'
  | 'not-available'
  | 'not-applicable'
  | 'rounds-to-zero'
  | 'low-reliability'
  | 'not-published';

/** The symbols found in DfE/LAIT files, with the reason each one stands for. */
export const MISSING_SYMBOLS = {
  /** Confidential: withheld because it could identify a child (council counts of 1 to 5, and secondary cells). */
  c: 'suppressed',
  /** Not available: the council did not return the data, or it failed quality checks. */
  x: 'not-available',
  /** Not applicable: the measure does not apply (e.g. the council did not exist in that year). */
  z: 'not-applicable',
  /** Greater than zero but rounds to zero at the published precision. */
  k: 'rounds-to-zero',
  /** Older DfE convention for a positive value that rounds to zero (used in the workforce files). */
  low: 'rounds-to-zero',
  /** Low reliability: the figure was withheld because DfE judged it unreliable. */
  u: 'low-reliability',
  /** Older DfE convention for "not available". */
  ':': 'not-available',
  /** Older DfE convention for "not applicable". */
  '.': 'not-applicable',
  /** Older DfE convention for "rounds to zero". */
  '~': 'rounds-to-zero',
  /** LAIT's blank: no value in the benchmark dataset (suppressed, not collected, or not returned). */
  '-': 'not-published',
} as const satisfies Record<string, MissingReason>;

export type MissingSymbol = keyof typeof MISSING_SYMBOLS;

/** A published cell without a number: the symbol as printed and the reason it stands for. */
export interface MissingFigure {
  readonly missing: MissingSymbol;
  readonly reason: MissingReason;
}

/** A published cell: a number, or a typed reason why there is none. */
export type PublishedFigure = number | MissingFigure;

export function isMissingSymbol(text: string): text is MissingSymbol {
  return Object.hasOwn(MISSING_SYMBOLS, text);
}

export function missingFigure(symbol: MissingSymbol): MissingFigure {
  return { missing: symbol, reason: MISSING_SYMBOLS[symbol] };
}

const NUMBER_PATTERN = /^-?(\d+(\.\d*)?|\.\d+)(e-?\d+)?$/i;

/**
 * Reads one published cell. Numbers are returned as numbers, DfE symbols as typed missing figures.
 * Anything else (including an empty cell) is an error: an unknown symbol must be looked at, not
 * silently read as zero.
 */
export function parsePublishedFigure(text: string): PublishedFigure {
  const trimmed = text.trim();
  if (isMissingSymbol(trimmed)) return missingFigure(trimmed);
  if (NUMBER_PATTERN.test(trimmed)) return Number(trimmed);
  throw new Error(`Not a published figure: ${JSON.stringify(text)}`);
}
