import { EVENT_KINDS, GEO_PRECISIONS } from '../../geoparser/geojson/schema.ts';
import type { FilterState } from '../filter/filterState.ts';

/**
 * A file name that says which filter produced it, so three exports in a Downloads folder can
 * be told apart: newsmap_2024-01-01_2024-04-30_Israel.geojson. Only [A-Za-z0-9._-] survive.
 */
function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function exportFileName(filter: FilterState, extension: 'geojson' | 'csv' | 'kml'): string {
  const parts = ['newsmap'];
  if (filter.from !== null || filter.to !== null) parts.push(filter.from ?? 'start', filter.to ?? 'end', ...(filter.undated ? ['with-undated'] : []));
  if (filter.actors !== null) {
    const role = filter.actorRole === 'by' ? 'by-' : filter.actorRole === 'against' ? 'against-' : '';
    parts.push(role + filter.actors.slice(0, 4).map(slug).join('+') + (filter.actors.length > 4 ? '+more' : ''));
  }
  if (filter.kinds.length !== EVENT_KINDS.length) parts.push(filter.kinds.length === 0 ? 'none' : filter.kinds.join('+'));
  if (filter.eventTypes !== null) parts.push(filter.eventTypes.length === 0 ? 'no-types' : filter.eventTypes.map(slug).join('+'));
  if (filter.precisions.length !== GEO_PRECISIONS.length) parts.push(filter.precisions.length === 0 ? 'no-points' : filter.precisions.join('+'));
  const q = slug(filter.q.trim()).slice(0, 30);
  if (q !== '') parts.push(`q-${q}`);
  if (parts.length === 1) parts.push('all');
  return `${parts.filter((p) => p !== '').join('_')}.${extension}`;
}
