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
  /** curated: data/gazetteer.json; broad: the world layer; user: an analyst's corrections and aliases. */
  layer: 'curated' | 'broad' | 'user';
  source: string;
  near?: string[];
  parent?: string;
  operator?: string;
  /**
   * GeoNames feature code (PPL, PPLA, PPLC, PPLX, ADM1, ADM2, PCLI, CONT, SEA, GULF, STRT, RGN…),
   * kept so a ranker can weigh a capital over a village and down-weight a city section (PPLX).
   */
  fcode?: string;
  /** Name of the first-level division the place lies in ("Texas", "Ontario"), when known. */
  admin1?: string;
}

/** A country or a division: what can be named as another place's parent ("Paris, Texas"). */
export function canContain(p: Place): boolean {
  return p.kind === 'country' || p.kind === 'province' || p.kind === 'county';
}

/** Kinds that are military installations: a mention of one is a `base` unless it is struck. */
export const INSTALLATION_KINDS: ReadonlySet<PlaceKind> = new Set(['airbase', 'base']);
