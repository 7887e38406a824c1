import { PhraseTable } from '../text/phraseTable.ts';
import { nameKey } from '../text/normalize.ts';
import type { GazetteerFile, GazetteerRoute } from './schema.ts';
import { INSTALLATION_KINDS, type Place } from './place.ts';
import { altNames } from './broad.ts';
import { divisionNames } from './divisionNames.ts';

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

  static build(curated: GazetteerFile, broad: readonly Place[] = []): PlaceIndex {
    const index = new PlaceIndex(curated.routes);
    for (const entry of curated.places) {
      const place: Place = {
        id: entry.id, name: entry.name, kind: entry.kind, country: entry.country, lat: entry.lat, lon: entry.lon,
        precision: entry.precision, population: entry.population ?? 0, layer: 'curated', source: entry.source,
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
      const names = alt ? [place.name, ...alt] : [place.name];
      index.add(place, place.kind === 'province' ? [...names, ...divisionNames(place.name)] : names);
    }
    return index;
  }

  /** The names a place is known by besides `place.name` (for exact-match ranking). */
  readonly altNamesOf = (place: Place): readonly string[] | undefined => this.aliases.get(place);

  /** Number of distinct name keys. */
  get size(): number {
    return this.names.size;
  }

  private add(place: Place, names: readonly string[]): void {
    if (this.byId.has(place.id)) return;
    this.byId.set(place.id, place);
    if (names.length > 1) this.aliases.set(place, names.slice(1));
    for (const name of names) {
      const key = nameKey(name);
      // Two-letter broad names ("Ur", "As") are more often words or initials than places.
      if (key.length < (place.layer === 'broad' ? 3 : 2)) continue;
      this.names.addKey(key, place);
    }
  }
}
