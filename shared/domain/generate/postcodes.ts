// Domain: made-up postcodes for generated SSDA903 episodes (HOME_POST, PL_POST). The outward code is in a postcode
// area of the council's region, so distances look local; the inward code's letters are drawn only from C, I, K,
// M, O and V, which Royal Mail never uses there, so a generated postcode has the shape of a real one (rule 392c)
// but can never be one.
import { findCouncil } from '../councils.ts';
import type { Random } from './random.ts';

/** Postcode areas by region (a few of each; an area may straddle regions). */
const AREAS_BY_REGION: Readonly<Record<string, readonly string[]>> = {
  'east-midlands': ['DE', 'NG', 'LE', 'NN', 'LN'],
  'east-of-england': ['CB', 'PE', 'NR', 'IP', 'CM', 'SG', 'LU'],
  london: ['E', 'N', 'NW', 'SE', 'SW', 'W'],
  'north-east': ['NE', 'SR', 'DH', 'TS', 'DL'],
  'north-west': ['M', 'L', 'PR', 'BL', 'WA', 'CA'],
  'south-east': ['CT', 'ME', 'BN', 'GU', 'RG', 'OX', 'SO'],
  'south-west': ['BS', 'EX', 'PL', 'TR', 'BA', 'GL'],
  'west-midlands': ['B', 'CV', 'WV', 'ST', 'WR', 'HR'],
  'yorkshire-and-the-humber': ['LS', 'BD', 'S', 'HU', 'YO', 'HD'],
};

/** The postcode areas of the councils the demo, tests and docs use most; others get one of their region's. */
const AREAS_BY_COUNCIL: Readonly<Record<string, readonly string[]>> = {
  '201': ['EC'],
  '202': ['NW', 'N', 'WC'],
  '330': ['B'],
  '394': ['SR'],
  '873': ['CB', 'PE'],
  '886': ['CT', 'ME', 'TN'],
  '926': ['NR'],
};

const NEVER_INWARD = 'CIKMOV';

export class Postcodes {
  private readonly local: readonly string[];
  private readonly regional: readonly string[];

  constructor(
    la: string,
    private readonly random: Random,
  ) {
    const region = findCouncil(la)?.region;
    this.regional = (region && AREAS_BY_REGION[region]) || AREAS_BY_REGION['south-east']!;
    // Otherwise the council's own area is one of its region's, fixed by its code so it keeps the same one.
    this.local = AREAS_BY_COUNCIL[la] ?? [this.regional[Number.parseInt(la, 10) % this.regional.length]!];
  }

  private postcode(areas: readonly string[]): string {
    const letter = () => NEVER_INWARD[this.random.int(0, NEVER_INWARD.length - 1)]!;
    return `${this.random.pick(areas)}${this.random.int(1, 20)} ${this.random.int(0, 9)}${letter()}${letter()}`;
  }

  /** A child's home: in the council's area. */
  home(): string {
    return this.postcode(this.local);
  }

  /** A placement: with parents at home (P1), otherwise elsewhere, mostly in the council's area. */
  placement(place: string, home: string): string {
    if (place === 'P1') return home;
    for (;;) {
      const postcode = this.postcode(this.random.chance(0.75) ? this.local : this.regional);
      if (postcode !== home) return postcode;
    }
  }
}
