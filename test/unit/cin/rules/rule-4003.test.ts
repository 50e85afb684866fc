import { describe } from 'vitest';
import { rule4003 } from '../../../../shared/domain/cin/rules/rule-4003.ts';
import { cinPlanOnly, closedEpisode, expectsCase, validChild, withCinPlan } from './helpers.ts';

describe('CIN rule 4003', () => {
  expectsCase(rule4003, {
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
  });
});
