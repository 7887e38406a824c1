/**
 * Which gold toponyms the end-to-end score leaves out and reports apart: countries and
 * adjectival phrases ("Iraqi" for Iraq). Country names and demonyms come from the
 * `world-countries` package when it is installed, otherwise from the gazetteer's countries.
 *
 * @example
 * const names = loadCountryNames(placesOfKindCountry);
 * isAdjectival('Iraqi', 'Iraq', names)                 // true
 * isAdjectival('Sudan', 'Republic of the Sudan', names) // false: a word of the name
 * classifyGold(gold, names)                         // "scored" | "country" | "adjectival" | "unplaced"
 */
import { createRequire } from 'node:module';
import { nameKey } from '../core/geoparser/text/normalize.ts';
import type { GoldToponym } from './corpora.ts';

export interface CountryNames {
  /** Where the names came from ("world-countries" or "gazetteer"). */
  source: string;
  /** ISO 3166-1 alpha-2 code of a country's name, official name or alternative spelling. */
  codeOf(name: string): string | null;
  /** True for a demonym key ("iraqi", "dutch", "saudi arabian"). */
  isDemonym(key: string): boolean;
}

export interface CountryEntry {
  code: string;
  names: readonly string[];
  demonyms: readonly string[];
}

/** Builds the lookups from plain entries; keys go through the gazetteer's `nameKey`. */
export function buildCountryNames(entries: readonly CountryEntry[], source: string): CountryNames {
  const codes = new Map<string, string>();
  const demonyms = new Set<string>();
  for (const e of entries) {
    for (const n of e.names) {
      const k = nameKey(n);
      // The first country to claim a name keeps it ("Congo" stays with whichever is listed first).
      if (k && !codes.has(k)) codes.set(k, e.code);
    }
    for (const d of e.demonyms) if (nameKey(d)) demonyms.add(nameKey(d));
  }
  return { source, codeOf: (name) => codes.get(nameKey(name)) ?? null, isDemonym: (key) => demonyms.has(key) };
}

interface WorldCountry {
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms?: Record<string, { f: string; m: string }>;
}

/**
 * Country names and demonyms from `world-countries` if it is in node_modules; otherwise the
 * names of the gazetteer's country places (given by the caller) and no demonyms, in which case
 * adjectives are still found by their suffix ("-ian", "-ese"…).
 */
export function loadCountryNames(fallback: readonly { name: string; country: string }[]): CountryNames {
  try {
    const require = createRequire(import.meta.url);
    const list = require('world-countries/countries.json') as WorldCountry[];
    return buildCountryNames(list.map((c) => ({
      code: c.cca2,
      names: [c.name.common, c.name.official, ...c.altSpellings],
      demonyms: c.demonyms?.eng ? [c.demonyms.eng.m, c.demonyms.eng.f] : [],
    })), 'world-countries');
  } catch {
    return buildCountryNames(fallback.map((p) => ({ code: p.country, names: [p.name], demonyms: [] })), 'gazetteer');
  }
}

/**
 * Adjective endings: Iraq-i, Keny-an, Canad-ian, Europ-ean, Sudan-ese, Turk-ish. Not "-ic":
 * the places that take it are named by it ("Baltic", "Pacific"), and it turns "Republic" into
 * an adjective of "Respublika".
 */
const SUFFIXES = ['ian', 'ean', 'ese', 'ish', 'an', 'i'];

/**
 * True when `phrase` is an adjective or demonym of the place called `placeName` rather than
 * the place's name: the phrase is not the name nor a run of its words ("Saudi" in "Saudi
 * Arabia", "Sudan" in "Republic of the Sudan"), and its last word (singular) is a demonym or a
 * name word plus an adjective ending ("Ohioans" → Ohio, "Sri Lankan" → Lanka). A phrase word
 * that begins a name word is a short form, not an adjective ("Milan" for "Milano").
 */
export function isAdjectival(phrase: string, placeName: string | null, names: CountryNames): boolean {
  const pk = nameKey(phrase);
  if (!pk) return false;
  const nk = placeName ? nameKey(placeName) : '';
  if (nk && (pk === nk || ` ${nk} `.includes(` ${pk} `))) return false;
  const nameWords = nk ? nk.split(' ') : [];
  const last = pk.split(' ').pop()!;
  const forms = last.length > 4 && last.endsWith('s') ? [last, last.slice(0, -1)] : [last];
  for (const w of forms) {
    if (names.isDemonym(w) || names.isDemonym(pk)) return true;
    if (nameWords.some((n) => n.startsWith(w))) return false;
    for (const suffix of SUFFIXES) {
      if (!w.endsWith(suffix)) continue;
      const stem = w.slice(0, -suffix.length);
      if (stem.length >= 3 && nameWords.some((n) => n.startsWith(stem))) return true;
    }
  }
  return false;
}

/** The title of a Wikipedia page address ("…/wiki/Austin,_Texas" → "Austin, Texas"). */
export function pageTitle(page: string | null): string | null {
  if (!page) return null;
  const last = page.slice(page.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last).replace(/_/g, ' ');
  } catch {
    return last.replace(/_/g, ' ');
  }
}

export type GoldClass = 'scored' | 'country' | 'adjectival' | 'unplaced';

/**
 * Sorts a gold toponym into the group it is scored in:
 * - unplaced: no coordinates (recognition only);
 * - adjectival: see isAdjectival (checked first, so "Iraqi" for the country is adjectival);
 * - country: fcode PCL*; in GeoVirus (no fcode) the Wikipedia page names a country (its title,
 *   "(country)" removed), or the name does when there is no page. The page decides, because the
 *   bare name confuses Georgia the state with Georgia the country;
 * - fixtures say which with their `kind`;
 * - scored: everything else.
 */
export function classifyGold(g: GoldToponym, names: CountryNames): GoldClass {
  if (g.lat === null || g.lon === null) return 'unplaced';
  if (g.kind !== null) return g.kind === 'country' ? 'country' : g.kind === 'adjectival' ? 'adjectival' : 'scored';
  const title = pageTitle(g.page);
  if (isAdjectival(g.phrase, title ?? g.name, names)) return 'adjectival';
  if (g.fcode !== null) return g.fcode.startsWith('PCL') ? 'country' : 'scored';
  if (title !== null) return names.codeOf(title.replace(/\s*\(country\)$/, '')) ? 'country' : 'scored';
  return names.codeOf(g.name ?? g.phrase) ? 'country' : 'scored';
}
