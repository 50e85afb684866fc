// Domain reference: the 153 English councils with children's services, and the 9 regions.
import reference from '../reference/councils.json' with { type: 'json' };

export interface Council {
  /** DfE's 3-digit local authority number, e.g. "886" for Kent. */
  readonly la: string;
  /** ONS area code, e.g. "E10000016". */
  readonly ons: string;
  readonly name: string;
  /** Region slug, e.g. "south-east". */
  readonly region: string;
}

export const COUNCILS: readonly Council[] = reference.councils;
export const REGIONS: Readonly<Record<string, string>> = reference.regions;

const byLa = new Map(COUNCILS.map((council) => [council.la, council]));

export function findCouncil(la: string): Council | undefined {
  return byLa.get(la);
}

export function isRegion(slug: string): boolean {
  return Object.hasOwn(REGIONS, slug);
}
