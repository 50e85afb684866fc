import { describe, expect, it } from 'vitest';
import { canActForCouncil, parseGroupsClaim, rolesFromGroups } from '../../../shared/domain/roles.ts';

describe('roles from Cognito groups', () => {
  it('reads the groups claim as API Gateway flattens it and as a decoded token carries it', () => {
    expect(parseGroupsClaim('[council:886 adviser:london]')).toEqual(['council:886', 'adviser:london']);
    expect(parseGroupsClaim(['dfe'])).toEqual(['dfe']);
    expect(parseGroupsClaim(undefined)).toEqual([]);
    expect(parseGroupsClaim('[]')).toEqual([]);
  });

  it('keeps only groups that name a real council or region', () => {
    expect(
      rolesFromGroups([
        'council:886',
        'council:999',
        'adviser:london',
        'adviser:atlantis',
        'dfe',
        'admin',
        'superuser',
      ]),
    ).toEqual([
      { kind: 'council', la: '886' },
      { kind: 'adviser', region: 'london' },
      { kind: 'dfe' },
      { kind: 'admin' },
    ]);
  });

  it('lets a council act only for itself', () => {
    const kent = rolesFromGroups(['council:886']);
    expect(canActForCouncil(kent, '886')).toBe(true);
    expect(canActForCouncil(kent, '302')).toBe(false);
    expect(canActForCouncil(rolesFromGroups(['admin', 'dfe']), '886')).toBe(false);
  });
});
