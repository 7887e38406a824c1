import data from './eventTypes.json' with { type: 'json' };

/**
 * ACLED's event types, in the codebook's order, from eventTypes.json: what the Event types
 * filter offers and the URL accepts. Apart from eventTypes.ts so that the dashboard's filter
 * code does not compile the cue tables it never uses.
 */
export const EVENT_TYPES: readonly string[] = data.eventTypes.map((t) => t.event_type);

/** The event types newsmap itself codes (those its rules and fallbacks name), in the codebook's order. */
export const CODED_EVENT_TYPES: readonly string[] = EVENT_TYPES.filter((t) => [...data.rules, ...data.fallbacks, data.default].some((r) => r.event_type === t));
