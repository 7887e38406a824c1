import type { Place } from '../gazetteer/place.ts';
import { nameKey } from '../text/normalize.ts';
import { distanceKm } from '../gazetteer/distance.ts';

/**
 * Ranking: chooses the place a recognised name stands for among its gazetteer candidates.
 * Each candidate gets features, each with a weight (weights.json, fitted by
 * scripts/fit-weights.ts on the development corpora):
 * - importance: population, and the kind (a country, a first-level division, a capital);
 * - how the name matches: exactly as written, or only after folding accents; the primary name
 *   or an alternate one;
 * - the parent the text names beside it ("Paris, Texas", "London, Ontario");
 * - the article's countries and divisions (from a first pass over all its names);
 * - how many of the article's other names could lie in the same country or division, whichever
 *   place each of them is ("Jackson" beside "Clarke County", "Oconee County", "Athens": each has
 *   a namesake elsewhere, but all of them have one in Georgia);
 * - distance to the article's other places (coherence);
 * - the analyst's own gazetteer (aliases and places added by correction).
 * Then one sense per article: every mention of a name gets the place its mentions together prefer.
 *
 * @example
 * rankMentions([{ text: 'Paris', key: 'paris', candidates, parents: [texas] }], weights)[0].place.admin1 // "Texas"
 */

export const RANKING_FEATURES = [
  'logPop', 'country', 'division', 'county', 'macro', 'capital', 'adminSeat', 'section', 'curated',
  'exact', 'primary', 'parent', 'docCountry', 'docDivision', 'distance', 'namesakeCity', 'user',
  'countrySupport', 'divisionSupport',
] as const;
export type RankingFeature = (typeof RANKING_FEATURES)[number];
const F = Object.fromEntries(RANKING_FEATURES.map((f, i) => [f, i])) as Record<RankingFeature, number>;

/** A recognised name to resolve. */
export interface MentionToRank {
  /** The name as written. */
  text: string;
  /** Its name key: mentions with one key share one sense. */
  key: string;
  candidates: readonly Place[];
  /** Places the text names as this one's parent ("Texas" in "Paris, Texas"). */
  parents: readonly Place[];
}

/** A mention with the place chosen for it and how sure the choice is. */
export interface Resolution {
  place: Place;
  confidence: number;
  /** The other candidates, best first, for an analyst who wants to change the choice. */
  alternatives: Place[];
  /**
   * How far the chosen place's score (per mention of its name) leads the best candidate more
   * than MARGIN_KM away from it: Infinity when every candidate lies near the chosen one.
   */
  margin: number;
}

/** Candidates nearer than this to the chosen one are the same answer for the map. */
export const MARGIN_KM = 161;

/** What the ranker asks the gazetteer about names (PlaceIndex answers). */
export interface PlaceNames {
  /** Alternate names of a place, for the exact-match test. */
  altNamesOf(place: Place): readonly string[] | undefined;
  /** The analyst's gazetteer gives the place this name key (an alias added by correction). */
  userNamed(place: Place, key: string): boolean;
}

/** A candidate's features for one mention, given the article context. */
export function candidateFeatures(m: MentionToRank, p: Place, ctx: ArticleContext | null, names: PlaceNames): number[] {
  const f = ownFeatures(m, p, prepare(m), names);
  if (ctx) addContext(f, p, ctx);
  return f;
}

/** What the features ask of a mention, whichever candidate: computed once per mention. */
interface Prepared {
  /** The name as written, folded (`fold`). */
  folded: string;
  /** One of its candidates is a country. */
  countryNamed: boolean;
}

function prepare(m: MentionToRank): Prepared {
  return { folded: fold(m.text), countryNamed: m.candidates.some((c) => c.kind === 'country') };
}

/** The features of a candidate that do not depend on the rest of the article. */
function ownFeatures(m: MentionToRank, p: Place, prep: Prepared, names: PlaceNames): number[] {
  const f = new Array<number>(RANKING_FEATURES.length).fill(0);
  f[F.logPop] = Math.log10(1 + p.population) / 7;
  if (p.kind === 'country') f[F.country] = 1;
  else if (p.kind === 'province') f[F.division] = 1;
  else if (p.kind === 'county') f[F.county] = 1;
  else if (p.kind === 'continent' || p.kind === 'sea' || p.kind === 'region') f[F.macro] = 1;
  if (p.fcode === 'PPLC') f[F.capital] = 1;
  else if (p.fcode === 'PPLA' || p.fcode === 'PPLA2') f[F.adminSeat] = 1;
  else if (p.fcode === 'PPLX') f[F.section] = 1;
  if (p.layer === 'curated') f[F.curated] = 1;
  // An analyst said so (an alias, a place added by hand): that outweighs any prior.
  if (p.layer === 'user' || names.userNamed(p, m.key)) f[F.user] = 1;
  if (writtenNames(p, names).has(prep.folded)) f[F.exact] = 1;
  if (primaryKey(p) === m.key) f[F.primary] = 1;
  // "Khartoum", "Kursk", "Isfahan": the seat of a division named after it is what a bare name
  // usually means; the division is written with its word ("Khartoum state"). (New York City is
  // not its state's seat, and the corpora read a bare "New York" either way.)
  // A country of that name ("Djibouti", "Kuwait") is another contest, left to the other features.
  if ((p.fcode === 'PPLA' || p.fcode === 'PPLC') && p.admin1 && keyOf(p.admin1) === m.key && !prep.countryNamed) f[F.namesakeCity] = 1;
  for (const parent of m.parents) {
    if (parent === p) continue;
    if (parent.kind === 'country' ? parent.country === p.country : sameDivision(parent, p)) f[F.parent] = 1;
  }
  return f;
}

/** Writes the features that come from the rest of the article into `f`. */
function addContext(f: number[], p: Place, ctx: ArticleContext): void {
  f[F.docCountry] = ctx.countryShare(p.country);
  f[F.docDivision] = p.admin1 ? ctx.divisionShare(p.country, p.admin1) : 0;
  f[F.countrySupport] = p.country ? ctx.countrySupport(p.country) : 0;
  const div = divisionOf(p);
  f[F.divisionSupport] = div ? ctx.divisionSupport(div) : 0;
  const km = ctx.distanceTo(p);
  f[F.distance] = km === null ? 0 : Math.log1p(km) / Math.log1p(20_000);
}

/** "Texas" the state is the parent of Paris, Texas; a county is its towns' parent too. */
function sameDivision(parent: Place, p: Place): boolean {
  if (parent.country !== p.country || !p.admin1) return false;
  if (parent.kind === 'province') return keyOf(parent.name) === keyOf(p.admin1) || (parent.admin1 !== undefined && keyOf(parent.admin1) === keyOf(p.admin1));
  if (parent.kind === 'county') return parent.admin1 !== undefined && keyOf(parent.admin1) === keyOf(p.admin1);
  return false;
}

/** Name keys of division names, which every mention's candidates ask for again and again. */
const divisionKeys = new Map<string, string>();
function keyOf(name: string): string {
  let key = divisionKeys.get(name);
  if (key === undefined) {
    if (divisionKeys.size > 100_000) divisionKeys.clear();
    divisionKeys.set(name, (key = nameKey(name)));
  }
  return key;
}

const writtenCache = new WeakMap<Place, Set<string>>();
const keyCache = new WeakMap<Place, string>();

/** A place's names as written (folded by `fold`), computed once per place. */
function writtenNames(p: Place, source: PlaceNames): Set<string> {
  let written = writtenCache.get(p);
  if (!written) writtenCache.set(p, (written = new Set([p.name, ...(source.altNamesOf(p) ?? [])].map(fold))));
  return written;
}

function primaryKey(p: Place): string {
  let key = keyCache.get(p);
  if (key === undefined) keyCache.set(p, (key = nameKey(p.name)));
  return key;
}

/** Lower case with accents kept: "Cañada" and "Canada" differ here, not in name keys. */
function fold(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/[\u2019']/g, "'").replace(/\s+/g, ' ').trim();
}

/** What the article's other names say: its countries, divisions and centre. */
export interface ArticleContext {
  countryShare(country: string): number;
  divisionShare(country: string, admin1: string): number;
  /** Distance in km from the place to the weighted centre of the article's other places. */
  distanceTo(p: Place): number | null;
  /**
   * The share of the article's other names that have a candidate in this country: each name
   * counts once, split evenly among the countries its candidates lie in.
   */
  countrySupport(country: string): number;
  /** The same for a division (`divisionOf`: "US:texas"). */
  divisionSupport(division: string): number;
}

/** What the names of an article could be, whichever candidate each is: see ArticleContext. */
class Support {
  countries = new Map<string, number>();
  divisions = new Map<string, number>();
  names = 0;

  static of(candidates: readonly Place[]): Support {
    const s = new Support();
    const countries = new Set<string>();
    const divisions = new Set<string>();
    for (const p of candidates) {
      if (p.country) countries.add(p.country);
      const div = divisionOf(p);
      if (div) divisions.add(div);
    }
    for (const c of countries) s.countries.set(c, 1 / countries.size);
    for (const d of divisions) s.divisions.set(d, 1 / divisions.size);
    s.names = 1;
    return s;
  }

  add(other: Support): void {
    for (const [c, w] of other.countries) this.countries.set(c, (this.countries.get(c) ?? 0) + w);
    for (const [d, w] of other.divisions) this.divisions.set(d, (this.divisions.get(d) ?? 0) + w);
    this.names += other.names;
  }
}

interface Pick { place: Place; weight: number }

/** What a set of picks says: weight per country and division, and the weighted sum of points. */
class Tally {
  countries = new Map<string, number>();
  divisions = new Map<string, number>();
  total = 0;
  lat = 0;
  lon = 0;
  pointWeight = 0;

  add({ place, weight }: Pick): void {
    this.total += weight;
    this.countries.set(place.country, (this.countries.get(place.country) ?? 0) + weight);
    const div = divisionOf(place);
    if (div) this.divisions.set(div, (this.divisions.get(div) ?? 0) + weight);
    // Countries and continents say little about where in them the article is.
    if (place.kind !== 'country' && place.kind !== 'continent') {
      this.lat += place.lat * weight;
      this.lon += place.lon * weight;
      this.pointWeight += weight;
    }
  }
}

const EMPTY = new Tally();

/**
 * The article contexts from each mention's provisional pick, each leaving out every mention of
 * the same name (so a name does not vote for itself: four "Alexandria"s read as Egypt's must not
 * outvote the Virginia the rest of the article is in; one sense per article settles repeats).
 * The sums are taken once and each name's own share subtracted, so an article with thousands of
 * names costs linear time.
 */
function contextsWithout(picks: readonly (Pick | null)[], mentions: readonly MentionToRank[]): ArticleContext[] {
  const keys = mentions.map((m) => m.key);
  const all = new Tally();
  const support = new Support();
  const supportByKey = new Map<string, Support>();
  for (const m of mentions) {
    if (supportByKey.has(m.key)) continue;
    const own = Support.of(m.candidates);
    supportByKey.set(m.key, own);
    support.add(own);
  }
  const byKey = new Map<string, Tally>();
  picks.forEach((pick, i) => {
    if (!pick) return;
    all.add(pick);
    const key = keys[i]!;
    let own = byKey.get(key);
    if (!own) byKey.set(key, (own = new Tally()));
    own.add(pick);
  });
  const cache = new Map<string, ArticleContext>();
  return keys.map((key) => {
    let ctx = cache.get(key);
    if (!ctx) cache.set(key, (ctx = contextLeavingOut(all, byKey.get(key) ?? EMPTY, support, supportByKey.get(key)!)));
    return ctx;
  });
}

function contextLeavingOut(all: Tally, own: Tally, support: Support, ownSupport: Support): ArticleContext {
  const rest = all.total - own.total;
  const otherNames = support.names - ownSupport.names;
  const restPoint = all.pointWeight - own.pointWeight;
  const centre = restPoint > 1e-9 ? { lat: (all.lat - own.lat) / restPoint, lon: (all.lon - own.lon) / restPoint } : null;
  return {
    countryShare: (c) => (rest > 1e-9 ? ((all.countries.get(c) ?? 0) - (own.countries.get(c) ?? 0)) / rest : 0),
    divisionShare: (c, a) => {
      if (rest <= 1e-9) return 0;
      const key = `${c}:${keyOf(a)}`;
      return ((all.divisions.get(key) ?? 0) - (own.divisions.get(key) ?? 0)) / rest;
    },
    distanceTo: (p) => (centre ? distanceKm(centre, p) : null),
    countrySupport: (c) => (otherNames > 0 ? ((support.countries.get(c) ?? 0) - (ownSupport.countries.get(c) ?? 0)) / otherNames : 0),
    divisionSupport: (d) => (otherNames > 0 ? ((support.divisions.get(d) ?? 0) - (ownSupport.divisions.get(d) ?? 0)) / otherNames : 0),
  };
}

function divisionOf(p: Place): string | null {
  if (p.kind === 'province') return `${p.country}:${keyOf(p.name)}`;
  return p.admin1 ? `${p.country}:${keyOf(p.admin1)}` : null;
}

function dot(f: readonly number[], w: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < f.length; i++) s += f[i]! * (w[i] ?? 0);
  return s;
}

/**
 * Resolves every recognised name of an article. Two passes: the first scores candidates on
 * what each name says alone; the second adds what the rest of the article says (from the
 * first pass's picks). Then one sense per name key.
 */
export function rankMentions(mentions: readonly MentionToRank[], weights: readonly number[], names: PlaceNames): Resolution[] {
  const own = ownFeatureTable(mentions, names);
  const contexts = contextsOf(mentions, own, weights);
  const scratch = new Array<number>(RANKING_FEATURES.length);
  const second = mentions.map((m, i) => {
    const ctx = contexts[i]!;
    return sortScored(m.candidates.map((place, c) => {
      // The candidate's own features, then the article's: the same sum as candidateFeatures.
      const base = own[i]![c]!;
      for (let k = 0; k < base.length; k++) scratch[k] = base[k]!;
      addContext(scratch, place, ctx);
      return { place, score: dot(scratch, weights) };
    }));
  });
  // One sense per article: a key's mentions vote with their summed scores.
  const votes = new Map<string, Map<Place, number>>();
  const counts = new Map<string, number>();
  second.forEach((scored, i) => {
    const key = mentions[i]!.key;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const tally = votes.get(key) ?? new Map<Place, number>();
    votes.set(key, tally);
    for (const s of scored) tally.set(s.place, (tally.get(s.place) ?? 0) + s.score);
  });
  return second.map((scored, i) => {
    if (!scored.length) throw new Error(`rankMentions: "${mentions[i]!.text}" has no candidates`);
    const tally = votes.get(mentions[i]!.key)!;
    const ordered = [...scored].sort((a, b) => (tally.get(b.place) ?? 0) - (tally.get(a.place) ?? 0) || b.score - a.score || (a.place.id < b.place.id ? -1 : 1));
    const best = ordered[0]!;
    const p = probability(ordered, best.place);
    const mine = tally.get(best.place)!;
    let rival = -Infinity;
    for (const s of ordered) {
      const t = tally.get(s.place)!;
      if (t > rival && distanceKm(s.place, best.place) > MARGIN_KM) rival = t;
    }
    const margin = (mine - rival) / (counts.get(mentions[i]!.key) ?? 1);
    return { place: best.place, confidence: Math.max(0.1, Math.min(0.99, Number(p.toFixed(2)))), alternatives: ordered.slice(1, 6).map((s) => s.place), margin };
  });
}

interface Scored { place: Place; score: number }

/**
 * The first pass: each mention's context is what the other mentions' provisional picks say.
 * Exported for the weight fitter, which needs the same contexts the ranker uses.
 */
export function articleContexts(mentions: readonly MentionToRank[], weights: readonly number[], names: PlaceNames): ArticleContext[] {
  return contextsOf(mentions, ownFeatureTable(mentions, names), weights);
}

function contextsOf(mentions: readonly MentionToRank[], own: readonly (readonly number[][])[], weights: readonly number[]): ArticleContext[] {
  const scores = new Map<readonly number[][], Scored[]>();
  const first = mentions.map((m, i) => {
    const table = own[i]!;
    let scored = scores.get(table);
    if (!scored) scores.set(table, (scored = sortScored(m.candidates.map((place, c) => ({ place, score: dot(table[c]!, weights) })))));
    return scored;
  });
  const picks: (Pick | null)[] = first.map((s) => (s.length ? { place: s[0]!.place, weight: s.length === 1 ? 1 : probability(s) } : null));
  return contextsWithout(picks, mentions);
}

/**
 * Each mention's candidates' own features (ownFeatures), in candidate order. Mentions of one
 * name written alike, with the same candidates and no parent, share one table.
 */
function ownFeatureTable(mentions: readonly MentionToRank[], names: PlaceNames): number[][][] {
  const shared = new Map<string, { candidates: readonly Place[]; table: number[][] }>();
  return mentions.map((m) => {
    const prep = prepare(m);
    const id = m.parents.length ? null : `${m.key}\u0000${prep.folded}`;
    const hit = id === null ? undefined : shared.get(id);
    if (hit && hit.candidates === m.candidates) return hit.table;
    const table = m.candidates.map((p) => ownFeatures(m, p, prep, names));
    if (id !== null && !hit) shared.set(id, { candidates: m.candidates, table });
    return table;
  });
}

function sortScored(out: Scored[]): Scored[] {
  out.sort((a, b) => b.score - a.score || (a.place.id < b.place.id ? -1 : 1));
  return out;
}

/** Softmax probability of `place` (default: the best) among the scored candidates. */
function probability(scored: readonly Scored[], place: Place = scored[0]!.place): number {
  const max = Math.max(...scored.map((s) => s.score));
  let sum = 0;
  let mine = 0;
  for (const s of scored) {
    const e = Math.exp(s.score - max);
    sum += e;
    if (s.place === place) mine = e;
  }
  return sum ? mine / sum : 0;
}
