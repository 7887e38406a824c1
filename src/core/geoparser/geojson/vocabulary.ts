/**
 * The schema's closed vocabularies, apart from the zod schema itself: the dashboard's first
 * module reads them before zod may be loaded (see src/app/boot.ts).
 */
export const EVENT_KINDS = ['strike', 'base', 'pipeline', 'place'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const DATE_PRECISIONS = ['day', 'week', 'month', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const GEO_PRECISIONS = ['site', 'city', 'region', 'country'] as const;
export type GeoPrecisionValue = (typeof GEO_PRECISIONS)[number];
