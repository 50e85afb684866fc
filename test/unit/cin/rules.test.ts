// Every CIN rule with a failing case and a passing case, on a valid 2024/25 child changed one fact at a time.
import { describe, expect, it } from 'vitest';
import { cinContext } from '../../../shared/domain/cin/engine.ts';
import type { CinChild, CinCouncilRule, CinHeader } from '../../../shared/domain/cin/model.ts';
import { upnCheckLetter } from '../../../shared/domain/cin/rules/child-identifiers.ts';
import {
  ALL_CIN_RULES,
  CIN_RULES_FROM_2025,
  cinRulesFor,
} from '../../../shared/domain/cin/rules/registry.ts';
import { closedEpisode, type TestChild, validChild } from './fixtures.ts';

type Patch = (child: TestChild) => void;
interface Case {
  readonly fail: Patch;
  /** A near miss that must pass; the valid child itself when not given. */
  readonly pass?: Patch;
}

const episode = (child: TestChild) => child.episodes[0]!;
const assessment = (child: TestChild) => episode(child).assessments[0]!;
const s47 = (child: TestChild) => episode(child).section47[0]!;
const plan = (child: TestChild) => episode(child).protectionPlans[0]!;
const withCinPlan = (child: TestChild, start: string, end: string) => {
  episode(child).cinPlans.push({ line: 60, start, end });
};
/** A child on a CIN plan only (no enquiry, conference or protection plan). */
const cinPlanOnly = (child: TestChild) => {
  episode(child).section47 = [];
  episode(child).protectionPlans = [];
};

const CASES: Record<string, Case> = {
  // ChildIdentifiers
  '8500': {
    fail: (c) => {
      c.laChildId = '';
    },
  },
  '1570': {
    fail: (c) => {
      c.laChildId = 'A'.repeat(21);
    },
    pass: (c) => {
      c.laChildId = 'A'.repeat(20);
    },
  },
  '1580': {
    fail: (c) => {
      c.laChildId = 'ABC_123';
    },
  },
  // 1·2+2·3+…+3·13 = 404, remainder 13 → P.
  '1510': {
    fail: (c) => {
      c.upn = 'A123456789123';
    },
    pass: (c) => {
      c.upn = 'P123456789123';
    },
  },
  '1530': {
    fail: (c) => {
      c.upn = 'A999123456789';
    },
    pass: (c) => {
      c.upn = 'A201123456789';
    },
  },
  '1540': {
    fail: (c) => {
      c.upn = 'A8861234X6789';
    },
  },
  '1550': {
    fail: (c) => {
      c.upn = 'A88612345678I';
    },
    pass: (c) => {
      c.upn = 'A88612345678B';
    },
  },
  '1560Q': {
    fail: (c) => {
      c.formerUpn = 'A88612345';
    },
    pass: (c) => {
      c.formerUpn = 'X98765432123B';
    },
  },
  '4180': {
    fail: (c) => {
      c.sex = '1';
    },
    pass: (c) => {
      c.sex = 'U';
    },
  },
  '8750': {
    fail: (c) => {
      c.birthDate = '';
      c.expectedBirthDate = '2025-06-01';
    },
    pass: (c) => {
      c.birthDate = '';
      c.expectedBirthDate = '2025-06-01';
      c.sex = 'U';
    },
  },
  '8520': {
    fail: (c) => {
      c.birthDate = '2025-04-01';
    },
    pass: (c) => {
      c.birthDate = '2025-03-31';
    },
  },
  '8525Q': {
    fail: (c) => {
      c.expectedBirthDate = '2025-06-01';
    },
  },
  '8530Q': {
    fail: (c) => {
      c.birthDate = '';
      c.sex = 'U';
      c.expectedBirthDate = '2026-01-10';
    },
    pass: (c) => {
      c.birthDate = '';
      c.sex = 'U';
      c.expectedBirthDate = '2025-12-31';
    },
  },
  '8535Q': {
    fail: (c) => {
      c.deathDate = '2015-06-14';
    },
    pass: (c) => {
      c.deathDate = '2024-12-01';
    },
  },
  '8545Q': {
    fail: (c) => {
      c.deathDate = '2024-03-31';
    },
    pass: (c) => {
      c.deathDate = '2024-04-01';
    },
  },
  '8775Q': {
    fail: (c) => {
      c.birthDate = '1999-06-15';
    },
    pass: (c) => {
      c.birthDate = '2000-06-15';
    },
  },
  '8772': {
    fail: (c) => {
      c.upn = '';
      c.upnUnknown = 'UN7';
    },
    pass: (c) => {
      c.upn = '';
      c.upnUnknown = 'UN3';
    },
  },
  '8590': {
    fail: (c) => {
      c.episodes = [];
    },
  },
  '4220': {
    fail: (c) => {
      c.ethnicity = 'WXYZ';
    },
    pass: (c) => {
      c.ethnicity = 'NOBT';
    },
  },
  '8540': {
    fail: (c) => {
      c.disabilities = ['HAND', 'SIGHT'];
    },
    pass: (c) => {
      c.disabilities = ['HAND', 'VIS'];
    },
  },
  '8790': {
    fail: (c) => {
      c.disabilities = ['NONE', 'HAND'];
    },
  },
  '8794': {
    fail: (c) => {
      c.disabilities = ['HAND', 'HAND'];
    },
    pass: (c) => {
      c.disabilities = ['HAND', 'HEAR'];
    },
  },
  // CINdetails
  '8555Q': {
    fail: (c) => {
      c.deathDate = '2024-04-30';
    },
    pass: (c) => {
      c.deathDate = '2024-05-01';
      plan(c).end = '2024-05-01';
      plan(c).start = '2024-05-01';
    },
  },
  '8585Q': {
    fail: (c) => {
      episode(c).closureDate = '2025-01-10';
      episode(c).closureReason = 'RC2';
      plan(c).end = '2025-01-10';
    },
    pass: (c) => {
      c.deathDate = '2025-01-09';
      episode(c).closureDate = '2025-01-10';
      episode(c).closureReason = 'RC2';
    },
  },
  '8825Q': {
    fail: (c) => {
      episode(c).assessments = [];
      episode(c).closureDate = '2025-01-10';
      episode(c).closureReason = 'RC8';
    },
    pass: (c) => {
      episode(c).closureDate = '2025-01-10';
      episode(c).closureReason = 'RC8';
    },
  },
  '8600': {
    fail: (c) => {
      episode(c).referralDate = '2025-04-01';
    },
  },
  '8606': {
    fail: (c) => {
      c.birthDate = '2025-02-06';
    },
    pass: (c) => {
      // 280 days before 2025-02-05 is 2024-05-01, the referral date.
      c.birthDate = '2025-02-05';
    },
  },
  '8610': {
    fail: (c) => {
      episode(c).primaryNeed = '';
    },
    pass: (c) => {
      c.episodes = [{ ...closedEpisode(), primaryNeed: '', referralNfa: '1', assessments: [] }];
    },
  },
  '8620': {
    fail: (c) => {
      c.episodes = [
        { ...closedEpisode(), referralDate: '2023-04-02', closureDate: '2024-03-31', assessments: [] },
      ];
    },
  },
  '8630': {
    fail: (c) => {
      c.episodes = [{ ...closedEpisode(), closureDate: '2024-04-01' }];
    },
  },
  '8640': {
    fail: (c) => {
      c.episodes = [{ ...closedEpisode(), closureReason: 'RC10' }];
    },
  },
  '8650': {
    fail: (c) => {
      episode(c).primaryNeed = 'N10';
    },
    pass: (c) => {
      episode(c).primaryNeed = 'N0';
    },
  },
  '8866': {
    fail: (c) => {
      episode(c).referralSource = '11';
    },
    pass: (c) => {
      episode(c).referralSource = '10';
    },
  },
  '8568': {
    fail: (c) => {
      episode(c).referralNfa = 'false';
    },
    pass: (c) => {
      episode(c).referralNfa = '1';
    },
  },
  '8805': {
    fail: (c) => {
      c.episodes = [{ ...closedEpisode(), closureReason: '' }];
    },
  },
  '8810': {
    fail: (c) => {
      c.episodes = [{ ...closedEpisode(), closureDate: '' }];
    },
  },
  '8815': {
    fail: (c) => void c.episodes.unshift({ ...closedEpisode(), closureDate: '', closureReason: '' }),
    pass: (c) => void c.episodes.unshift(closedEpisode()),
  },
  '8816': {
    fail: (c) => {
      c.episodes[0] = { ...closedEpisode(), referralDate: '2024-05-01', closureDate: '2024-05-20' };
      c.episodes.push({ ...closedEpisode(), referralDate: '2024-04-02', closureDate: '', closureReason: '' });
    },
    pass: (c) => void c.episodes.unshift(closedEpisode()),
  },
  '8820': {
    fail: (c) => void c.episodes.unshift({ ...closedEpisode(), closureDate: '2024-05-02' }),
    pass: (c) => void c.episodes.unshift({ ...closedEpisode(), closureDate: '2024-05-01' }),
  },
  '8831': {
    fail: (c) => {
      episode(c).referralNfa = '1';
    },
    pass: (c) => {
      c.episodes = [{ ...closedEpisode(), referralNfa: '1', assessments: [] }];
    },
  },
  '8832': {
    fail: (c) => {
      episode(c).referralNfa = '1';
    },
    pass: (c) => {
      episode(c).referralNfa = '1';
      episode(c).protectionPlans = [];
    },
  },
  '2990': {
    fail: (c) => {
      episode(c).closureDate = '2025-01-10';
      episode(c).closureReason = 'RC9';
      plan(c).end = '2025-01-10';
    },
    pass: (c) => {
      c.episodes = [{ ...closedEpisode(), closureReason: 'RC9' }];
    },
  },
  '8867': {
    fail: (c) => {
      c.episodes = [
        {
          ...closedEpisode(),
          assessments: [{ line: 16, start: '2024-04-03', internalReview: '', authorised: '', factors: null }],
        },
      ];
    },
    pass: (c) => {
      c.episodes = [closedEpisode()];
    },
  },
  '8868': {
    fail: (c) => {
      c.episodes = [
        {
          ...closedEpisode(),
          section47: [{ line: 17, start: '2024-04-05', icpcTarget: '', icpcDate: '', icpcNotRequired: '0' }],
        },
      ];
    },
    pass: (c) => {
      c.episodes = [
        {
          ...closedEpisode(),
          section47: [{ line: 17, start: '2024-04-05', icpcTarget: '', icpcDate: '', icpcNotRequired: '1' }],
        },
      ];
    },
  },
  '2991Q': {
    fail: (c) => {
      episode(c).assessments = [];
    },
  },
  '8565': {
    fail: (c) => {
      c.episodes = [{ ...closedEpisode(), closureDate: '2024-04-02' }];
    },
    pass: (c) => {
      c.episodes = [{ ...closedEpisode(), closureDate: '2024-04-19' }];
    },
  },
  // Assessments
  '1103': {
    fail: (c) => {
      assessment(c).start = '2024-04-30';
    },
    pass: (c) => {
      assessment(c).start = '2024-05-01';
    },
  },
  '8608': {
    fail: (c) => {
      assessment(c).authorised = '2024-05-01';
    },
    pass: (c) => {
      assessment(c).authorised = '2024-05-02';
    },
  },
  '8614': {
    fail: (c) => {
      assessment(c).authorised = '';
    },
    pass: (c) => {
      assessment(c).authorised = '';
      assessment(c).factors = null;
      assessment(c).start = '2025-03-01';
    },
  },
  '8696': {
    fail: (c) => {
      c.episodes = [
        {
          ...closedEpisode(),
          referralDate: '2024-03-01',
          closureDate: '2024-04-20',
          assessments: [
            { line: 16, start: '2024-03-02', internalReview: '', authorised: '2024-03-30', factors: ['1A'] },
          ],
        },
      ];
    },
  },
  '8736': {
    fail: (c) => {
      c.episodes = [
        {
          ...closedEpisode(),
          referralDate: '2024-03-01',
          closureDate: '',
          closureReason: '',
          assessments: [{ line: 16, start: '2024-03-29', internalReview: '', authorised: '', factors: null }],
        },
      ];
    },
    pass: (c) => {
      assessment(c).authorised = '';
      assessment(c).factors = null;
      assessment(c).start = '2025-03-01';
    },
  },
  // 45 working days before 31 March 2025 (with Good Friday and Easter Monday in April, not March) is 27 January.
  '8670Q': {
    fail: (c) => {
      cinPlanOnly(c);
      assessment(c).authorised = '';
      assessment(c).factors = null;
      assessment(c).start = '2025-01-26';
    },
    pass: (c) => {
      cinPlanOnly(c);
      assessment(c).authorised = '';
      assessment(c).factors = null;
      assessment(c).start = '2025-01-27';
    },
  },
  '8869': {
    fail: (c) => {
      assessment(c).factors = ['21', '2A'];
    },
    pass: (c) => {
      assessment(c).factors = ['21'];
    },
  },
  '8896': {
    fail: (c) => {
      episode(c).assessments = [
        { line: 30, start: '2025-03-01', internalReview: '', authorised: '', factors: null },
        { line: 31, start: '2025-03-02', internalReview: '', authorised: '', factors: null },
      ];
    },
  },
  '8898': {
    fail: (c) => {
      assessment(c).factors = ['2A', '2A'];
    },
  },
  '8897Q': {
    fail: (c) => {
      assessment(c).factors = [];
    },
  },
  '8863Q': {
    fail: (c) =>
      void episode(c).assessments.push({
        line: 31,
        start: '2024-06-01',
        internalReview: '',
        authorised: '2024-06-20',
        factors: ['1A'],
      }),
    pass: (c) =>
      void episode(c).assessments.push({
        line: 31,
        start: '2024-06-03',
        internalReview: '',
        authorised: '2024-06-20',
        factors: ['1A'],
      }),
  },
  '8945Q': {
    fail: (c) => {
      assessment(c).factors = ['18A'];
    },
    pass: (c) => {
      assessment(c).factors = ['18B'];
    },
  },
  '8950Q': {
    fail: (c) => {
      assessment(c).factors = ['19A'];
    },
    pass: (c) => {
      assessment(c).factors = ['19C'];
    },
  },
  // Section 47 and conferences
  '2889': {
    fail: (c) => {
      s47(c).start = '2024-04-30';
    },
  },
  '1104': {
    fail: (c) => {
      episode(c).referralDate = '2024-06-29';
    },
  },
  '8615': {
    fail: (c) => {
      s47(c).start = '2024-06-29';
    },
    pass: (c) => {
      s47(c).start = '2024-06-28';
    },
  },
  '8715': {
    fail: (c) => {
      c.episodes = [
        {
          ...closedEpisode(),
          referralDate: '2024-03-01',
          assessments: [
            { line: 16, start: '2024-03-02', internalReview: '', authorised: '2024-04-10', factors: ['1A'] },
          ],
          section47: [
            { line: 17, start: '2024-03-04', icpcTarget: '', icpcDate: '2024-03-22', icpcNotRequired: '0' },
          ],
        },
      ];
    },
  },
  '8740': {
    fail: (c) => {
      c.episodes = [
        {
          ...closedEpisode(),
          referralDate: '2024-03-01',
          closureDate: '',
          closureReason: '',
          assessments: [
            { line: 16, start: '2024-03-02', internalReview: '', authorised: '2024-04-10', factors: ['1A'] },
          ],
          section47: [{ line: 17, start: '2024-03-28', icpcTarget: '', icpcDate: '', icpcNotRequired: '0' }],
        },
      ];
    },
    pass: (c) => {
      c.episodes = [
        {
          ...closedEpisode(),
          referralDate: '2024-03-01',
          closureDate: '',
          closureReason: '',
          assessments: [
            { line: 16, start: '2024-03-02', internalReview: '', authorised: '2024-04-10', factors: ['1A'] },
          ],
          section47: [{ line: 17, start: '2024-03-28', icpcTarget: '', icpcDate: '', icpcNotRequired: '1' }],
        },
      ];
    },
  },
  // 15 working days before 31 March 2025 is 10 March.
  '8675Q': {
    fail: (c) => {
      episode(c).protectionPlans = [];
      s47(c).icpcDate = '';
      s47(c).icpcTarget = '';
      s47(c).start = '2025-03-09';
    },
    pass: (c) => {
      episode(c).protectionPlans = [];
      s47(c).icpcDate = '';
      s47(c).icpcTarget = '';
      s47(c).start = '2025-03-10';
    },
  },
  '8839': {
    fail: (c) => {
      episode(c).protectionPlans = [];
      episode(c).section47 = [
        { line: 40, start: '2025-03-20', icpcTarget: '', icpcDate: '', icpcNotRequired: '0' },
        { line: 41, start: '2025-03-21', icpcTarget: '', icpcDate: '', icpcNotRequired: '0' },
      ];
    },
  },
  '8870Q': {
    fail: (c) => {
      s47(c).icpcTarget = '2024-06-29';
    },
  },
  '8875': {
    fail: (c) => {
      s47(c).icpcDate = '2024-06-30';
      plan(c).start = '2024-06-30';
    },
  },
  '2884': {
    fail: (c) => {
      episode(c).icpcDate = '2024-06-28';
    },
  },
  '8890': {
    fail: (c) =>
      void episode(c).section47.push({
        line: 41,
        start: '2024-06-20',
        icpcTarget: '',
        icpcDate: '',
        icpcNotRequired: '1',
      }),
    pass: (c) =>
      void episode(c).section47.push({
        line: 41,
        start: '2024-06-28',
        icpcTarget: '',
        icpcDate: '',
        icpcNotRequired: '1',
      }),
  },
  // Child protection plans and reviews
  '1105': {
    fail: (c) => {
      plan(c).start = '2024-04-30';
      plan(c).reviews = [];
    },
  },
  '8720': {
    fail: (c) => {
      plan(c).start = '';
    },
  },
  '8730': {
    fail: (c) => {
      plan(c).previousPlans = '';
    },
  },
  '8840': {
    fail: (c) => {
      plan(c).end = '2024-06-28';
    },
    pass: (c) => {
      plan(c).end = '2024-06-29';
    },
  },
  '8841': {
    fail: (c) => {
      plan(c).reviews = ['2024-06-28'];
    },
    pass: (c) => {
      plan(c).reviews = ['2024-06-29'];
    },
  },
  '8842Q': {
    fail: (c) => {
      plan(c).reviews = ['2024-09-20', ''];
    },
  },
  '8905': {
    fail: (c) => {
      plan(c).initialCategory = 'ABC';
    },
    pass: (c) => {
      plan(c).initialCategory = 'MUL';
    },
  },
  '8910': {
    fail: (c) => {
      plan(c).latestCategory = '';
    },
    pass: (c) => {
      plan(c).latestCategory = 'EMO';
    },
  },
  '8915': {
    fail: (c) => {
      c.deathDate = '2024-06-27';
    },
  },
  '8920': {
    fail: (c) => {
      c.deathDate = '2024-10-01';
      plan(c).end = '2024-10-02';
    },
    pass: (c) => {
      c.deathDate = '2024-10-01';
      plan(c).end = '2024-10-01';
      plan(c).reviews = ['2024-09-20'];
    },
  },
  '8925': {
    fail: (c) => {
      plan(c).end = '2024-06-27';
    },
  },
  '8930': {
    fail: (c) => {
      plan(c).end = '2025-04-01';
    },
    pass: (c) => {
      plan(c).end = '2025-03-31';
    },
  },
  '8935': {
    fail: (c) =>
      void episode(c).protectionPlans.push({ ...plan(c), line: 51, start: '2024-07-01', reviews: null }),
  },
  '8940': {
    fail: (c) => {
      plan(c).end = '2024-08-01';
      plan(c).reviews = [];
      episode(c).protectionPlans.push({ ...plan(c), line: 51, start: '2024-07-31', end: '2024-09-01' });
    },
    pass: (c) => {
      plan(c).end = '2024-08-01';
      plan(c).reviews = [];
      episode(c).protectionPlans.push({ ...plan(c), line: 51, start: '2024-08-01', end: '2024-09-01' });
    },
  },
  '2883': {
    fail: (c) => {
      plan(c).end = '2024-08-01';
      plan(c).reviews = [];
      episode(c).protectionPlans.push({ ...plan(c), line: 51, start: '2024-08-01', end: '' });
    },
  },
  '2885': {
    fail: (c) => {
      plan(c).start = '2024-07-01';
    },
  },
  // CIN plans
  '4000': {
    fail: (c) => {
      c.episodes = [
        {
          ...closedEpisode(),
          referralNfa: '1',
          assessments: [],
          cinPlans: [{ line: 60, start: '2024-04-05', end: '2024-04-10' }],
        },
      ];
    },
  },
  '4001': {
    fail: (c) => withCinPlan(c, '2024-06-03', '2024-06-29'),
    pass: (c) => withCinPlan(c, '2024-06-03', '2024-06-28'),
  },
  '4003': {
    fail: (c) => {
      cinPlanOnly(c);
      withCinPlan(c, '2024-06-03', '2024-10-01');
      c.episodes.push({
        ...closedEpisode(),
        line: 70,
        referralDate: '2024-05-01',
        closureDate: '2024-09-30',
        protectionPlans: [
          { ...validChild().episodes[0]!.protectionPlans[0]!, end: '2024-09-29', reviews: ['2024-09-20'] },
        ],
      });
    },
  },
  '4004': {
    fail: (c) => {
      cinPlanOnly(c);
      withCinPlan(c, '2024-06-03', '');
      withCinPlan(c, '2024-07-03', '');
    },
  },
  '4008': {
    fail: (c) => {
      cinPlanOnly(c);
      c.deathDate = '2024-06-02';
      withCinPlan(c, '2024-06-03', '');
    },
  },
  '4009Q': {
    fail: (c) => {
      cinPlanOnly(c);
      c.deathDate = '2024-07-01';
      withCinPlan(c, '2024-06-03', '2024-07-02');
    },
  },
  '4010': {
    fail: (c) => {
      cinPlanOnly(c);
      withCinPlan(c, '', '');
    },
  },
  '4011': {
    fail: (c) => {
      cinPlanOnly(c);
      withCinPlan(c, '2024-06-03', '2024-06-02');
    },
  },
  '4012Q': {
    fail: (c) => {
      cinPlanOnly(c);
      withCinPlan(c, '2024-06-03', '2024-06-03');
    },
    pass: (c) => {
      cinPlanOnly(c);
      withCinPlan(c, '2024-06-03', '2024-06-04');
    },
  },
  '4013': {
    fail: (c) => {
      cinPlanOnly(c);
      withCinPlan(c, '2024-06-03', '2025-04-01');
    },
  },
  '4014': {
    fail: (c) => {
      cinPlanOnly(c);
      withCinPlan(c, '2024-06-03', '2024-07-01');
      withCinPlan(c, '2024-06-30', '');
    },
    pass: (c) => {
      cinPlanOnly(c);
      withCinPlan(c, '2024-06-03', '2024-07-01');
      withCinPlan(c, '2024-07-01', '');
    },
  },
  '4015': {
    fail: (c) => {
      cinPlanOnly(c);
      withCinPlan(c, '2024-04-30', '');
    },
  },
};

const context = cinContext(2025);
const rules = cinRulesFor(2025).child;
const codesFound = (child: TestChild) =>
  new Set(rules.flatMap((rule) => rule.check(child as CinChild, context).map((finding) => finding.code)));

describe('CIN rules (2024/25)', () => {
  it('the valid child passes every rule', () => {
    expect([...codesFound(validChild())]).toEqual([]);
  });

  it('has a failing and a passing case for every rule of every year', () => {
    expect(Object.keys(CASES).sort()).toEqual(ALL_CIN_RULES.child.map((rule) => rule.code).sort());
    expect(ALL_CIN_RULES.child.length + ALL_CIN_RULES.council.length).toBeGreaterThanOrEqual(40);
  });

  for (const [code, test] of Object.entries(CASES)) {
    it(`${code}: fails on its case and passes its near miss`, () => {
      const rule = rules.find((candidate) => candidate.code === code)!;
      const failing = validChild();
      test.fail(failing);
      const findings = rule.check(failing as CinChild, context);
      expect(findings.length).toBeGreaterThan(0);
      for (const finding of findings) {
        expect(finding).toMatchObject({ code, child: 1, module: rule.module });
        expect(finding.line).toBeGreaterThan(0);
      }
      const passing = validChild();
      test.pass?.(passing);
      expect(rule.check(passing as CinChild, context)).toEqual([]);
    });
  }

  it('applies the 2024/25 rules only from that year', () => {
    const before = new Set(cinRulesFor(2024).child.map((rule) => rule.code));
    const from = new Set(cinRulesFor(2025).child.map((rule) => rule.code));
    for (const code of CIN_RULES_FROM_2025) {
      expect(before.has(code)).toBe(false);
      if (!code.startsWith('2886')) expect(from.has(code)).toBe(true);
    }
    expect(CIN_RULES_FROM_2025.has('4180')).toBe(true);
    const oldChild = validChild();
    oldChild.sex = '1';
    oldChild.laChildId = 'child_1';
    const found = cinRulesFor(2024).child.flatMap((rule) =>
      rule.check(oldChild as CinChild, cinContext(2024)),
    );
    expect(found.map((finding) => finding.code)).not.toContain('4180');
    expect(found.map((finding) => finding.code)).not.toContain('1580');
  });

  it('computes UPN check letters as DfE defines them', () => {
    expect(upnCheckLetter('A886123456789')).toBe('A');
    expect(upnCheckLetter('X123456789123')).toBe('P');
    // A letter in position 13 counts as its place in the check-letter list: B is 1, so 412 + 13 = 425,
    // remainder 11 → M.
    expect(upnCheckLetter('X88612345678B')).toBe('M');
    expect(upnCheckLetter('X8861234567')).toBeNull();
  });
});

const header = (referenceDate: string): CinHeader => ({
  line: 2,
  collection: 'CIN',
  year: '2025',
  referenceDate,
  referenceDateLine: 6,
  lea: '886',
});

function runCouncil(rule: CinCouncilRule, children: TestChild[], referenceDate = '2025-03-31') {
  const check = rule.start(context, header(referenceDate));
  for (const child of children) check.add(child as CinChild);
  return check.finish();
}

const council = (code: string) => cinRulesFor(2025).council.find((rule) => rule.code === code)!;
const numbered = (count: number, patch: (child: TestChild, index: number) => void = () => {}) =>
  Array.from({ length: count }, (_, index) => {
    const child = validChild();
    child.ordinal = index + 1;
    child.line = 10 + index * 100;
    child.laChildId = `C${index}`;
    child.upn = '';
    patch(child, index);
    return child;
  });

describe('CIN council-level rules', () => {
  it('100: the reference date must be 31 March of the census year', () => {
    expect(runCouncil(council('100'), numbered(1), '2024-03-31')).toHaveLength(1);
    expect(runCouncil(council('100'), numbered(1))).toEqual([]);
  });

  it('1520: two children with one UPN are reported by line, without the UPN', () => {
    const issues = runCouncil(
      council('1520'),
      numbered(3, (child, index) => {
        if (index > 0) child.upn = 'A886123456789';
      }),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toContain('lines 110, 210');
    expect(issues[0]!.message).not.toContain('A886123456789');
    expect(
      runCouncil(
        council('1520'),
        numbered(3, (child, index) => {
          child.upn = `A88612345678${index}`;
        }),
      ),
    ).toEqual([]);
  });

  it('8510: two children with one LA child ID are reported', () => {
    expect(
      runCouncil(
        council('8510'),
        numbered(2, (child) => {
          child.laChildId = 'SAME';
        }),
      ),
    ).toHaveLength(1);
    expect(runCouncil(council('8510'), numbered(2))).toEqual([]);
  });

  it('2886Q: more than 2% of born children with no sex recorded', () => {
    // 1 in 50 is 2%: not more than 2%. Unborn children are not counted.
    const fifty = numbered(50, (child, index) => {
      child.sex = index === 0 ? 'U' : 'M';
    });
    expect(runCouncil(council('2886Q'), fifty)).toEqual([]);
    const unborn = numbered(10, (child) => {
      child.birthDate = '';
      child.expectedBirthDate = '2025-06-01';
      child.sex = 'U';
    });
    expect(runCouncil(council('2886Q'), [...fifty, ...unborn])).toEqual([]);
    fifty[1]!.sex = 'U';
    expect(runCouncil(council('2886Q'), fifty)).toHaveLength(1);
  });

  it('2888Q: every child with a disability has only one code', () => {
    const single = numbered(3, (child, index) => {
      child.disabilities = [['MOB', 'HAND', 'NONE'][index]!];
    });
    expect(runCouncil(council('2888Q'), single)).toHaveLength(1);
    single[2]!.disabilities = ['LD', 'AUT'];
    expect(runCouncil(council('2888Q'), single)).toEqual([]);
  });

  it('2887Q: fewer than 8 disability codes in the whole return', () => {
    const codes = ['MOB', 'HAND', 'PC', 'INC', 'COMM', 'LD', 'HEAR', 'VIS'];
    expect(
      runCouncil(
        council('2887Q'),
        numbered(8, (child, index) => {
          child.disabilities = [codes[index]!];
        }),
      ),
    ).toEqual([]);
    expect(
      runCouncil(
        council('2887Q'),
        numbered(7, (child, index) => {
          child.disabilities = [codes[index]!];
        }),
      ),
    ).toHaveLength(1);
  });
});
