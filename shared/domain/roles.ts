// Domain: who a caller is, from the Cognito groups in their token (council:<la>, adviser:<region>, dfe, admin).
import { findCouncil, isRegion } from './councils.ts';

export type Role =
  | { kind: 'council'; la: string }
  | { kind: 'adviser'; region: string }
  | { kind: 'dfe' }
  | { kind: 'admin' };

/**
 * API Gateway's JWT authoriser flattens array claims into a string such as "[council:886 admin]";
 * a token decoded directly gives a real array. Both are accepted.
 */
export function parseGroupsClaim(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.filter((group): group is string => typeof group === 'string');
  if (typeof claim !== 'string') return [];
  const trimmed = claim.trim();
  if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
    return trimmed
      .slice(1, -1)
      .split(/[\s,]+/)
      .filter(Boolean);
  }
  return trimmed.split(/[\s,]+/).filter(Boolean);
}

export function rolesFromGroups(groups: readonly string[]): Role[] {
  const roles: Role[] = [];
  for (const group of groups) {
    const [kind, scope] = group.split(':', 2);
    if (kind === 'council' && scope && findCouncil(scope)) roles.push({ kind: 'council', la: scope });
    else if (kind === 'adviser' && scope && isRegion(scope)) roles.push({ kind: 'adviser', region: scope });
    else if (group === 'dfe') roles.push({ kind: 'dfe' });
    else if (group === 'admin') roles.push({ kind: 'admin' });
  }
  return roles;
}

export function canActForCouncil(roles: readonly Role[], la: string): boolean {
  return roles.some((role) => role.kind === 'council' && role.la === la);
}
