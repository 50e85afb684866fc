// Domain: CIN rule 8770Q (ChildIdentifiers, query); catalogue entry last defined in 2024/25.
// UN1 means the child has not yet reached school age, so it does not fit a child who is 6 or older at the
// end of the census year; nor does giving neither a UPN nor a reason for its absence.
import { addYears, cinRule, day } from './helpers.ts';

export const rule8770Q = cinRule(
  '8770Q',
  'ChildIdentifiers',
  'A child of school age (6 or older at the end of the census year) has no UPN, and no reason or UN1 as the reason.',
  (child, context, emit) => {
    const birth = day(child.birthDate);
    if (birth === null || addYears(birth, 6) > context.periodEnd || child.upn !== '') return;
    if (child.upnUnknown === '' || child.upnUnknown === 'UN1') emit(child, 'UPNunknown', child.upnUnknown);
  },
);
