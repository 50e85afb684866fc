// Domain: the episodes a deprivation of liberty order overlaps (rules 709 and 710). An order counts once it has
// both a start and an end date; an episode still open runs on past the order's end.
import type { ChildRecord, Row } from '../model.ts';
import { daysOf, type Episode, episodesInOrder, rowsOf } from './support.ts';

/** Each order with a start and an end, paired with the episodes whose dates overlap it. */
export function ordersWithEpisodes(child: ChildRecord): { order: Row; episodes: Episode[] }[] {
  const episodes = episodesInOrder(child);
  const pairs: { order: Row; episodes: Episode[] }[] = [];
  for (const order of rowsOf(child, 'DoLo')) {
    const start = daysOf(order).DOLO_START ?? null;
    const end = daysOf(order).DOLO_END ?? null;
    if (start === null || end === null) continue;
    pairs.push({
      order,
      episodes: episodes.filter(
        (episode) => episode.decom <= end && (episode.dec === null || episode.dec >= start),
      ),
    });
  }
  return pairs;
}
