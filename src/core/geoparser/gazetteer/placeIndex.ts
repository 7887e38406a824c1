import { PhraseTable } from '../text/phraseTable.ts';
import { nameKey } from '../text/normalize.ts';
import type { GazetteerFile, GazetteerRoute } from './schema.ts';
import { INSTALLATION_KINDS, type Place } from './place.ts';
import { altNames, demonymLookup } from './broad.ts';
import { divisionNames } from './divisionNames.ts';
import { distanceKm } from './distance.ts';

/**
 * The name index over both gazetteer layers: curated entries (with all their aliases) and
 * the broad GeoNames-derived layer.
 *
 * @example
 * const index = PlaceIndex.build(curated, broadPlaces);
 * index.names.get(nameKey('Arbil'))?.[0].id // "erbil"
 */
export class PlaceIndex {
  readonly byId = new Map<string, Place>();
  readonly names = new PhraseTable<Place>();
  readonly routes: readonly GazetteerRoute[];
  /** Installations by the id of each place they are `near` ("an airbase in Erbil"). */
  readonly installationsNear = new Map<string, Place[]>();
  /** Every name a place is indexed under besides its own (aliases, alternate names). */
  private readonly aliases = new Map<Place, readonly string[]>();

  private constructor(routes: readonly GazetteerRoute[]) {
    this.routes = routes;
  }

  static build(curated: GazetteerFile, broad: readonly Place[] = [], user?: GazetteerFile): PlaceIndex {
    const index = new PlaceIndex(curated.routes);
    // The curated layer, then the analyst's: an alias or a place added by hand takes part in recognition and
    // ranking, and an entry that repeats a known id (an alias of a curated place) adds its names.
    const userPlaces = new Set(user?.places ?? []);
    for (const entry of [...curated.places, ...userPlaces]) {
      const layer = userPlaces.has(entry) ? 'user' : 'curated';
      const known = index.byId.get(entry.id);
      if (known) {
        index.addNames(known, [entry.name, ...entry.aliases]);
        if (layer === 'user') for (const n of entry.aliases) index.userKeys.set(known, new Set([...(index.userKeys.get(known) ?? []), nameKey(n)]));
        continue;
      }
      const place: Place = {
        id: entry.id, name: entry.name, kind: entry.kind, country: entry.country, lat: entry.lat, lon: entry.lon,
        precision: entry.precision, population: entry.population ?? 0, layer, source: entry.source,
        ...(entry.near ? { near: entry.near } : {}),
        ...(entry.parent ? { parent: entry.parent } : {}),
        ...(entry.operator ? { operator: entry.operator } : {}),
      };
      index.add(place, [entry.name, ...entry.aliases]);
      if (INSTALLATION_KINDS.has(place.kind)) {
        for (const near of place.near ?? []) index.installationsNear.set(near, [...(index.installationsNear.get(near) ?? []), place]);
      }
    }
    for (const place of broad) {
      const alt = altNames.get(place);
      let names = alt ? [place.name, ...alt] : [place.name];
      // Each name is keyed once, for the twin test and for the index.
      let keys = names.map(nameKey);
      // One place, one entry: a world-layer place the curated layer already has (Jordan, the
      // Gulf of Aden, Erbil) is folded into the curated entry, which keeps its id and gains the
      // world layer's names, code, division and population.
      const twin = index.curatedTwin(place, keys);
      if (twin) {
        index.absorb(twin, place, names);
        continue;
      }
      // A county is named with its word ("Cook County"); the bare "Cook", "Jones" or "Texas"
      // is a surname, a word or another place far more often.
      if (place.kind === 'county') {
        const kept = names.map((n) => COUNTY_WORD.test(n));
        names = names.filter((_, i) => kept[i]);
        keys = keys.filter((_, i) => kept[i]);
      } else if (place.kind === 'province') {
        const more = divisionNames(place.name);
        names = [...names, ...more];
        keys = [...keys, ...more.map(nameKey)];
      }
      // The alternate names array is the place's own (altNames) when nothing was added or dropped.
      index.add(place, names, keys, alt && names.length === alt.length + 1 ? alt : undefined);
    }
    index.names.compact();
    // A demonym that is also the country's own name ("Djibouti") is a name, not only an adjective.
    for (const [country, list] of demonymLookup(broad).byCountry) {
      for (const d of list) {
        const key = nameKey(d);
        if (!(index.names.get(key) ?? []).some((p) => p.kind === 'country' && p.country === country)) index.demonyms.add(key);
      }
    }
    return index;
  }

  /** The curated entry that is the same place as a world-layer one (given its names' keys), if any. */
  private curatedTwin(place: Place, keys: readonly string[]): Place | undefined {
    for (const key of keys) {
      // Only curated and analyst's entries can be twins: their keys' small table answers.
      for (const c of this.curatedByKey.get(key) ?? []) {
        // Seas and regions span borders: their country is a convention, so it is not compared.
        const sameCountry = c.country === place.country || KIND_FAMILY[place.kind] === 'area';
        if (sameKind(c, place) && sameCountry && distanceKm(c, place) <= sameRadiusKm(c)) return c;
      }
    }
    return undefined;
  }

  /**
   * The curated and analyst's places under each of their keys, in the order the index lists
   * them: what `curatedTwin` asks for 470,000 world names, without walking the big trie.
   */
  private readonly curatedByKey = new Map<string, Place[]>();

  /** Gives a curated entry its world-layer twin's names, feature code, division and population. */
  private absorb(curated: Place, twin: Place, names: readonly string[]): void {
    if (!curated.fcode && twin.fcode) curated.fcode = twin.fcode;
    if (!curated.admin1 && twin.admin1) curated.admin1 = twin.admin1;
    if (!curated.population) curated.population = twin.population;
    this.addNames(curated, names);
  }

  /** More names for a place already indexed. */
  private addNames(place: Place, names: readonly string[]): void {
    const known = new Set([place.name, ...(this.aliases.get(place) ?? [])]);
    const extra = names.filter((n) => !known.has(n));
    if (!extra.length) return;
    this.aliases.set(place, [...(this.aliases.get(place) ?? []), ...extra]);
    this.indexNames(place, extra);
  }

  /** Name keys of countries' demonyms ("canadian", "iraqi"): adjectives, never places. */
  readonly demonyms = new Set<string>();

  /** Name keys the analyst's gazetteer gives each place. */
  private readonly userKeys = new Map<Place, Set<string>>();

  /** The analyst's gazetteer gives `place` this name key (an alias added by correction). */
  userNamed(place: Place, key: string): boolean {
    return this.userKeys.get(place)?.has(key) ?? false;
  }

  /** The names a place is known by besides `place.name` (for exact-match ranking). */
  readonly altNamesOf = (place: Place): readonly string[] | undefined => this.aliases.get(place);

  /** Number of distinct name keys. */
  get size(): number {
    return this.names.size;
  }

  /** Indexes a new place under `names` (their keys given when known; `aliases`: names.slice(1) when the caller has it). */
  private add(place: Place, names: readonly string[], keys?: readonly string[], aliases?: readonly string[]): void {
    if (this.byId.has(place.id)) return;
    this.byId.set(place.id, place);
    if (names.length > 1) this.aliases.set(place, aliases ?? names.slice(1));
    this.indexNames(place, names, keys);
  }

  /** Puts a place under the keys of its names. */
  private indexNames(place: Place, names: readonly string[], keys?: readonly string[]): void {
    for (let i = 0; i < names.length; i++) {
      const key = keys ? keys[i]! : nameKey(names[i]!);
      // Two-letter broad names ("Ur", "As") are more often words or initials than places.
      if (key.length < (place.layer === 'broad' ? 3 : 2)) continue;
      this.names.addKey(key, place);
      if (place.layer !== 'broad') {
        const list = this.curatedByKey.get(key);
        if (!list) this.curatedByKey.set(key, [place]);
        else if (!list.includes(place)) list.push(place);
      }
    }
  }
}

/** Words that end a county's name. */
const COUNTY_WORD = /\b(?:County|Parish|Borough|Census Area|Municipality|District|Shire|Department|Province|Prefecture)\b/i;

/** Kinds that can be one place in both layers: a city is a city, a division a division. */
const KIND_FAMILY: Readonly<Record<string, string>> = {
  country: 'country', province: 'division', county: 'division', region: 'area', sea: 'area', continent: 'area', city: 'city',
};

function sameKind(curated: Place, world: Place): boolean {
  const a = KIND_FAMILY[curated.kind];
  const b = KIND_FAMILY[world.kind];
  // A curated region may be a world division ("Sistan and Baluchestan") or area ("the Gulf").
  return a !== undefined && (a === b || (a === 'area' && b === 'division') || (a === 'division' && b === 'area'));
}

/** How far apart two points of one place can be: the label points of a sea or a country differ more than a town's. */
function sameRadiusKm(p: Place): number {
  return p.kind === 'city' ? 30 : p.kind === 'country' ? 3000 : 800;
}
