// Test helper: a valid CIN child for the 2024/25 census (collection year 2025), to be changed case by case.
import type { CinChild } from '../../../shared/domain/cin/model.ts';

export type Mutable<T> = T extends readonly (infer U)[]
  ? Mutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Mutable<T[K]> }
    : T;

export type TestChild = Mutable<CinChild>;

/**
 * Referred 1 May 2024, assessed 2 May to 3 June, section 47 from 10 June with a conference on Friday 28 June,
 * a plan from that day (open at 31 March 2025) reviewed on 20 September and 14 March. "A886123456789" has the
 * right check letter: 8·2+8·3+6·4+1·5+2·6+3·7+4·8+5·9+6·10+7·11+8·12+9·13 = 529 = 23·23, remainder 0 → A.
 */
export function validChild(): TestChild {
  return {
    ordinal: 1,
    line: 10,
    where: 'Child 1',
    laChildId: 'ABC123',
    upn: 'A886123456789',
    formerUpn: '',
    upnUnknown: '',
    birthDate: '2015-06-15',
    expectedBirthDate: '',
    sex: 'M',
    deathDate: '',
    ethnicity: 'WBRI',
    disabilities: ['NONE'],
    episodes: [
      {
        line: 20,
        where: 'Child 1, CINdetails 1',
        referralDate: '2024-05-01',
        referralSource: '1A',
        primaryNeed: 'N1',
        closureDate: '',
        closureReason: '',
        icpcDate: '',
        referralNfa: '0',
        assessments: [
          {
            line: 30,
            where: 'Child 1, CINdetails 1, Assessments 1',
            start: '2024-05-02',
            internalReview: '',
            authorised: '2024-06-03',
            factors: ['2A', '3B'],
          },
        ],
        cinPlans: [],
        section47: [
          {
            line: 40,
            where: 'Child 1, CINdetails 1, Section47 1',
            start: '2024-06-10',
            icpcTarget: '2024-06-28',
            icpcDate: '2024-06-28',
            icpcNotRequired: '0',
          },
        ],
        protectionPlans: [
          {
            line: 50,
            where: 'Child 1, CINdetails 1, ChildProtectionPlans 1',
            start: '2024-06-28',
            end: '',
            initialCategory: 'NEG',
            latestCategory: 'NEG',
            previousPlans: '0',
            reviews: ['2024-09-20', '2025-03-14'],
          },
        ],
      },
    ],
  };
}

/** A second, closed episode before the first one (1 to 20 April 2024), for rules across episodes. */
export function closedEpisode(): TestChild['episodes'][number] {
  return {
    line: 15,
    where: 'Child 1, CINdetails 2',
    referralDate: '2024-04-02',
    referralSource: '2A',
    primaryNeed: 'N2',
    closureDate: '2024-04-20',
    closureReason: 'RC7',
    icpcDate: '',
    referralNfa: '0',
    assessments: [
      {
        line: 16,
        where: 'Child 1, CINdetails 2, Assessments 1',
        start: '2024-04-03',
        internalReview: '',
        authorised: '2024-04-19',
        factors: ['1A'],
      },
    ],
    cinPlans: [],
    section47: [],
    protectionPlans: [],
  };
}
