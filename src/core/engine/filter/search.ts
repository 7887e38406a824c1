import { nameKey } from '../../geoparser/text/normalize.ts';

/**
 * Search with the gazetteer's name normalisation (issue 10). A feature's search text holds its
 * fields lower-cased, as typed, and the same fields as name keys (`nameKey`: diacritics
 * stripped, transliteration variants folded, Arabic articles dropped), so "Ein Al-Assad" finds
 * "Ain al-Asad". A query that names a gazetteer place (by its name or an alias) also looks for
 * that place's other names, so "Esfahan" finds what "Isfahan" finds.
 */

/** Name key → the name keys of every place that has that name or alias. */
export type SearchSynonyms = ReadonlyMap<string, readonly string[]>;

/** Builds the synonym index from gazetteer places (curated, user…): each name reaches all of its place's names. */
export function buildSearchSynonyms(places: Iterable<{ name: string; aliases?: readonly string[] | null }>): SearchSynonyms {
  const index = new Map<string, Set<string>>();
  for (const place of places) {
    const keys = [...new Set([place.name, ...(place.aliases ?? [])].map(nameKey).filter((k) => k !== ''))];
    for (const k of keys) {
      let set = index.get(k);
      if (set === undefined) index.set(k, (set = new Set()));
      for (const other of keys) set.add(other);
    }
  }
  return new Map([...index].map(([k, set]) => [k, [...set]]));
}

/** The search text of some fields: each lower-cased as written, then each as a name key. */
export function searchFields(fields: readonly string[]): string {
  return `${fields.join('\n').toLocaleLowerCase()}\n\n${fields.map(nameKey).join('\n')}`;
}

/**
 * The matcher of a query over search texts (`searchFields`), or null for an empty query.
 * A text matches if it holds the query lower-cased, or the query's name key, or the name key
 * of another name of a place the query names.
 *
 * @example
 * compileSearch('Esfahan', synonyms)!(searchFields(['Israeli strike near Isfahan'])) // true
 */
export function compileSearch(q: string, synonyms: SearchSynonyms | null = null): ((hay: string) => boolean) | null {
  const lower = q.trim().toLocaleLowerCase();
  if (lower === '') return null;
  const key = nameKey(q);
  const needles = new Set<string>();
  if (key !== '') {
    needles.add(key);
    for (const k of synonyms?.get(key) ?? []) needles.add(k);
  }
  needles.delete(lower);
  const keys = [...needles];
  return (hay) => {
    if (hay.includes(lower)) return true;
    for (let i = 0; i < keys.length; i++) if (hay.includes(keys[i]!)) return true;
    return false;
  };
}
