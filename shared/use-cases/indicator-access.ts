// Use-case rules: who may see which indicator values.
//
// Published statistics are public to every signed-in role. Values computed from a council's own returns
// (uploaded and in-year) are visible only to that council, to the advisers of its region and to
// administrators. DfE sees aggregates only: England, region and published values, never a council's
// uploaded ones. Roles add up: someone with two roles sees what either would.
//
// Benchmarks are computed only over values the caller may see, so a rank, quartile cut point or
// neighbour average can never give away a value uploaded by a council the caller may not see.
import { COUNCILS, findCouncil, REGIONS } from '../domain/councils.ts';
import type { Role } from '../domain/roles.ts';
import type { UploadedValueReader, UploadedValueSet } from '../ports/indicators.ts';

export function canSeeUploaded(roles: readonly Role[], la: string): boolean {
  const council = findCouncil(la);
  if (!council) return false;
  return roles.some(
    (role) =>
      role.kind === 'admin' ||
      (role.kind === 'council' && role.la === la) ||
      (role.kind === 'adviser' && role.region === council.region),
  );
}

/** The councils whose uploaded values the caller may see. */
function councilsWithVisibleUploads(roles: readonly Role[]): string[] {
  return COUNCILS.filter((council) => canSeeUploaded(roles, council.la)).map((council) => council.la);
}

/** Loads the value sets the caller may see, reading as little as the roles need. */
export async function loadVisibleUploads(
  roles: readonly Role[],
  reader: UploadedValueReader,
): Promise<UploadedValueSet[]> {
  const reads: Promise<UploadedValueSet[]>[] = [];
  if (roles.some((role) => role.kind === 'admin')) {
    for (const region of Object.keys(REGIONS)) reads.push(reader.uploadedInRegion(region));
  } else {
    const regions = new Set<string>();
    const councils = new Set<string>();
    for (const role of roles) {
      if (role.kind === 'adviser') regions.add(role.region);
      if (role.kind === 'council') councils.add(role.la);
    }
    for (const region of regions) reads.push(reader.uploadedInRegion(region));
    for (const la of councils) {
      // A council in a region already read comes with it.
      if (!regions.has(findCouncil(la)?.region ?? '')) reads.push(reader.uploadedForCouncil(la));
    }
  }
  const sets = (await Promise.all(reads)).flat();
  // The reads above follow the rules; the filter makes sure of it whatever the store returns.
  return sets.filter((set) => canSeeUploaded(roles, set.la));
}

/** A sentence for the caller saying what the figures include. */
export function accessNote(roles: readonly Role[], la?: string): string {
  if (la !== undefined) {
    return canSeeUploaded(roles, la)
      ? 'Published statistics, and values from this council’s own returns where it has uploaded them.'
      : 'Published statistics only: values a council uploads are visible to that council and the advisers of its region.';
  }
  const visible = councilsWithVisibleUploads(roles).length;
  if (visible === 0) {
    return 'Published statistics only: values a council uploads are visible to that council and the advisers of its region.';
  }
  return `Published statistics, and uploaded values for the ${visible} council${visible === 1 ? '' : 's'} you may see; benchmarks use only values you may see.`;
}
