import { EVENT_KINDS, GEO_PRECISIONS, type EventKind, type GeoPrecisionValue } from '../../geoparser/geojson/schema.ts';
import { ACTOR_ROLES, DEFAULT_FILTER, type ActorRole, type FilterState } from './filterState.ts';
import { EVENT_TYPES } from '../../geoparser/events/eventVocabulary.ts';

/**
 * The filter lives in the URL query string so that a reload or a shared link restores the
 * same filtered set. Parsing never throws: anything it cannot use is dropped and reported as
 * a human-readable note, which the UI shows.
 */
export interface ParsedUrlState {
  filter: FilterState;
  notes: string[];
}

/** The query parameters the filter owns, every one `writeFilterQuery` writes. */
export const FILTER_QUERY_KEYS = ['from', 'to', 'actors', 'role', 'kinds', 'types', 'precision', 'q', 'undated'] as const;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day: rejects 2024-02-30 and 2024-13-01, which the regex lets through. */
export function isIsoDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * @param knownActors the corpus' actors; when given, unknown actor names are dropped with a note.
 *   Pass null before the corpus has loaded.
 * @param knownEventTypes the event types a link may ask for: ACLED's vocabulary by default.
 */
export function parseFilterQuery(search: string, knownActors: readonly string[] | null, knownEventTypes: readonly string[] = EVENT_TYPES): ParsedUrlState {
  const params = new URLSearchParams(search);
  const notes: string[] = [];
  const filter: FilterState = { ...DEFAULT_FILTER, kinds: [...DEFAULT_FILTER.kinds], precisions: [...DEFAULT_FILTER.precisions] };

  for (const key of ['from', 'to'] as const) {
    const raw = params.get(key);
    if (raw === null || raw === '') continue;
    if (isIsoDay(raw)) filter[key] = raw;
    else notes.push(`Ignored "${key}=${raw}": not a date (YYYY-MM-DD).`);
  }
  if (filter.from !== null && filter.to !== null && filter.from > filter.to) {
    notes.push(`Ignored the date range ${filter.from} → ${filter.to}: it ends before it starts.`);
    filter.from = null;
    filter.to = null;
  }

  const actorsRaw = params.get('actors');
  if (actorsRaw !== null) {
    const requested = [...new Set(splitList(actorsRaw))];
    const known = knownActors === null ? null : new Set(knownActors);
    const kept = known === null ? requested : requested.filter((a) => known.has(a));
    const unknown = known === null ? [] : requested.filter((a) => !known.has(a));
    if (unknown.length > 0) notes.push(`Ignored unknown actor${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`);
    // An actor list that is empty after cleaning means "the link asked for nobody we know";
    // showing everything is less surprising than an empty map.
    filter.actors = kept.length > 0 ? kept : null;
  }

  // `role=by` (initiator) or `role=against` (target); "involving" is the default and not written.
  const roleRaw = params.get('role');
  if (roleRaw !== null && roleRaw !== '') {
    if ((ACTOR_ROLES as readonly string[]).includes(roleRaw)) filter.actorRole = roleRaw as ActorRole;
    else notes.push(`Ignored "role=${roleRaw}": use role=by or role=against.`);
  }

  const kindsRaw = params.get('kinds');
  if (kindsRaw !== null) {
    const requested = splitList(kindsRaw);
    const valid = requested.filter((k): k is EventKind => (EVENT_KINDS as readonly string[]).includes(k));
    const invalid = requested.filter((k) => !(EVENT_KINDS as readonly string[]).includes(k));
    if (invalid.length > 0) notes.push(`Ignored unknown kind${invalid.length > 1 ? 's' : ''}: ${invalid.join(', ')}.`);
    // Keep the canonical order so equal states serialise identically.
    if (valid.length > 0 || kindsRaw === '') filter.kinds = EVENT_KINDS.filter((k) => valid.includes(k));
  }

  // `types=` (empty) asks for no event type at all, as `kinds=` asks for no kind.
  const typesRaw = params.get('types');
  if (typesRaw !== null) {
    const requested = [...new Set(splitList(typesRaw))];
    const unknown = requested.filter((t) => !knownEventTypes.includes(t));
    if (unknown.length > 0) notes.push(`Ignored unknown event type${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`);
    // Canonical (vocabulary) order, so equal states serialise identically.
    const kept = knownEventTypes.filter((t) => requested.includes(t));
    // Nothing left of a non-empty list: the link asked for no type we know, so show every type.
    filter.eventTypes = kept.length > 0 || typesRaw === '' ? kept : null;
  }

  // `precision=site,city` shows pinpointed points only; `precision=` (empty) no point at all.
  const precisionRaw = params.get('precision');
  if (precisionRaw !== null) {
    const requested = splitList(precisionRaw);
    const known = GEO_PRECISIONS as readonly string[];
    const invalid = requested.filter((p) => !known.includes(p));
    if (invalid.length > 0) notes.push(`Ignored unknown precision${invalid.length > 1 ? 's' : ''}: ${invalid.join(', ')}.`);
    const valid = GEO_PRECISIONS.filter((p) => requested.includes(p));
    if (valid.length > 0 || precisionRaw === '') filter.precisions = valid;
  }

  const q = params.get('q');
  if (q !== null) filter.q = q.slice(0, 200);

  // `undated=1` includes undated events and mentions under a date range.
  const undatedRaw = params.get('undated');
  if (undatedRaw !== null && undatedRaw !== '') {
    if (undatedRaw === '1') filter.undated = true;
    else if (undatedRaw !== '0') notes.push(`Ignored "undated=${undatedRaw}": use undated=1.`);
  }

  return { filter, notes };
}

/**
 * Writes the filter into `params` (other keys, e.g. `data` or `view`, are preserved). Defaults are
 * omitted so a plain dashboard has a clean URL.
 */
export function writeFilterQuery(filter: FilterState, params: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const set = (key: string, value: string | null) => {
    if (value === null) params.delete(key);
    else params.set(key, value);
  };
  set('from', filter.from);
  set('to', filter.to);
  set('actors', filter.actors === null ? null : filter.actors.join(','));
  set('role', filter.actorRole === undefined || filter.actorRole === 'involving' ? null : filter.actorRole);
  set('kinds', filter.kinds.length === EVENT_KINDS.length ? null : EVENT_KINDS.filter((k) => filter.kinds.includes(k)).join(','));
  set('types', filter.eventTypes === null ? null : filter.eventTypes.join(','));
  set('precision', filter.precisions.length === GEO_PRECISIONS.length ? null : GEO_PRECISIONS.filter((p) => filter.precisions.includes(p as GeoPrecisionValue)).join(','));
  set('q', filter.q.trim() === '' ? null : filter.q);
  set('undated', filter.undated ? '1' : null);
  return params;
}

export function serializeFilter(filter: FilterState): string {
  return writeFilterQuery(filter).toString();
}
