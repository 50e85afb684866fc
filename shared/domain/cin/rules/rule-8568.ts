// Domain: CIN rule 8568 (CINdetails, error); catalogue entry last defined in 2022/23.

import { cinSchemaForYear } from '../schema.ts';
import { cinRule } from './helpers.ts';

export const rule8568 = cinRule(
  '8568',
  'CINdetails',
  'The referral-no-further-action flag is missing or not a yes/no value allowed this census year.',
  (child, context, emit) => {
    const allowed = cinSchemaForYear(context.collectionYear).yesNo;
    for (const episode of child.episodes)
      if (!allowed.has(episode.referralNfa)) emit(episode, 'ReferralNFA', episode.referralNfa);
  },
);
