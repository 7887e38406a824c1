import { z } from 'zod';

/**
 * Kinds of places. The curated file may use any of them; the world layer uses city, county
 * (second-level division), province (first-level division), country, continent, sea (also
 * gulfs, straits, bays, oceans) and region.
 */
export const PLACE_KINDS = [
  'country', 'province', 'region', 'city', 'airbase', 'base', 'airport',
  'gas-field', 'nuclear-site', 'energy-site', 'border-crossing', 'port', 'site',
  'county', 'continent', 'sea',
] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const GEO_PRECISIONS = ['site', 'city', 'region', 'country'] as const;
export type GeoPrecision = (typeof GEO_PRECISIONS)[number];

const iso2 = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "IR"');

export const placeSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case kebab-case'),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  kind: z.enum(PLACE_KINDS),
  country: iso2,
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  precision: z.enum(GEO_PRECISIONS),
  source: z.string().min(1),
  /** Ids of places this one lies in or beside ("an airbase in Erbil" → the base `near` erbil). */
  near: z.array(z.string()).optional(),
  /** Ids of containing places (province, country). */
  parent: z.string().optional(),
  population: z.number().int().nonnegative().optional(),
  /** Who runs a military installation, as a canonical actor name. */
  operator: z.string().optional(),
}).strict();
export type GazetteerPlace = z.infer<typeof placeSchema>;

export const routeSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  kind: z.literal('pipeline'),
  /** Ordered place ids along the route. */
  waypoints: z.array(z.string()).min(2),
  /** Sections of the route; `from`/`to` are waypoint ids, in route order. */
  sections: z.array(z.object({
    from: z.string(),
    to: z.string(),
    status: z.enum(['built', 'planned']),
    operator: z.string(),
  }).strict()).min(1),
  source: z.string().min(1),
}).strict();
export type GazetteerRoute = z.infer<typeof routeSchema>;

export const gazetteerFileSchema = z.object({
  version: z.literal(1),
  places: z.array(placeSchema),
  routes: z.array(routeSchema),
}).strict();
export type GazetteerFile = z.infer<typeof gazetteerFileSchema>;
