// Domain: CIN rule 8890 (CINdetails, error); catalogue entry last defined in 2022/23.
import { awaitingConference, cinRule, day } from './helpers.ts';

export const rule8890 = cinRule(
  '8890',
  'CINdetails',
  'A section 47 enquiry starts while another on the episode is still awaiting its conference.',
  (child, _context, emit) => {
    for (const episode of child.episodes) {
      const items = episode.section47
        .map((item) => ({ item, start: day(item.start), end: day(item.icpcDate) }))
        .filter((entry) => entry.start !== null);
      for (const later of items)
        for (const earlier of items) {
          if (earlier === later || earlier.start! >= later.start!) continue;
          const ongoing =
            (earlier.end === null && awaitingConference(earlier.item)) ||
            (earlier.end !== null && earlier.end > later.start!);
          if (ongoing) {
            emit(later.item, 'S47ActualStartDate', later.item.start);
            break;
          }
        }
    }
  },
);
