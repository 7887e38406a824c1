import type { FeatureProperties } from '../../core/geoparser/geojson/schema.ts';

// A fixed table, not toLocaleString: the event list formats hundreds of dates per filter
// change, and each Intl call costs more than the whole row's render.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "19 Apr 2024", "Apr 2024 (month)", "2020 (year)", "undated". */
export function formatDate(p: Pick<FeatureProperties, 'date' | 'date_precision'>): string {
  if (p.date === null) return 'undated';
  const [y, m, d] = p.date.split('-').map(Number) as [number, number, number];
  const month = MONTHS[m - 1] ?? '?';
  switch (p.date_precision) {
    case 'year':
      return `${y} (year)`;
    case 'month':
      return `${month} ${y} (month)`;
    case 'week':
      return `week of ${d} ${month} ${y}`;
    default:
      return `${d} ${month} ${y}`;
  }
}

/**
 * "Israel → Iran", or, when no initiator is known, "initiator unknown → Iran; involved: Turkey,
 * Iran": the first of `actors` is often the victim, never promoted to initiator.
 */
export function formatActors(p: Pick<FeatureProperties, 'actor' | 'actors' | 'target'>): string {
  const initiator = p.actor;
  if (initiator === null) {
    if (p.actors.length === 0 && p.target === null) return 'no actor named';
    const head = p.target ? `initiator unknown → ${p.target}` : 'initiator unknown';
    return p.actors.length > 0 ? `${head}; involved: ${p.actors.join(', ')}` : head;
  }
  const target = p.target ?? p.actors.find((a) => a !== initiator) ?? null;
  return target ? `${initiator} → ${target}` : initiator;
}
