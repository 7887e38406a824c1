import type { PlaceKind, GeoPrecision } from './schema.ts';

/** A place either layer of the gazetteer can resolve a mention to. */
export interface Place {
  id: string;
  name: string;
  kind: PlaceKind;
  /** ISO 3166-1 alpha-2. */
  country: string;
  lat: number;
  lon: number;
  precision: GeoPrecision;
  population: number;
  layer: 'curated' | 'broad';
  source: string;
  near?: string[];
  parent?: string;
  operator?: string;
}

/** Kinds that are military installations: a mention of one is a `base` unless it is struck. */
export const INSTALLATION_KINDS: ReadonlySet<PlaceKind> = new Set(['airbase', 'base']);
