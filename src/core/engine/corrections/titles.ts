import type { FeatureProperties } from '../../geoparser/geojson/schema.ts';
import { getLexicon } from '../../geoparser/events/lexicon.ts';

/**
 * A title that follows a correction. The geoparser builds a strike's title from its initiator's
 * adjective and its place ("Israeli strike on Nevatim Air Base"), a base's from its operator
 * ("US military base: Al Udeid"), a place's from its name. When an analyst changes the actor or
 * the place, the words that named the old one are replaced by the new one's; a title that never
 * named them (a hand-written one) is left as it is, except a place's, which is its name.
 *
 * @example
 * retitle({ title: 'Israeli strike near Isfahan', actor: 'Israel', ... }, { ...p, actor: 'United States' })
 * // 'US strike near Isfahan'
 */
export function retitle(before: FeatureProperties, after: FeatureProperties): string {
  if (after.kind === 'place') return after.place_name;
  let title = after.title;
  if (before.place_name !== after.place_name && before.place_name) title = replaceWords(title, before.place_name, after.place_name);
  if (before.actor !== after.actor) {
    const oldWord = before.actor ? adjectiveOf(before.actor) : null;
    const newWord = after.actor ? adjectiveOf(after.actor) : null;
    const generic = GENERIC_LEAD[after.kind];
    if (oldWord && startsWithWord(title, oldWord)) {
      const rest = title.slice(oldWord.length).trimStart();
      title = newWord ? `${newWord} ${rest}` : capitalise(rest);
    } else if (oldWord && before.actor && startsWithWord(title, before.actor)) {
      const rest = title.slice(before.actor.length).trimStart();
      title = newWord ? `${newWord} ${rest}` : capitalise(rest);
    } else if (newWord && generic && startsWithWord(title, generic)) {
      // "Strike on X" (initiator unknown) → "US strike on X".
      title = `${newWord} ${title.charAt(0).toLowerCase()}${title.slice(1)}`;
    }
  }
  return title;
}

/** The word a kind's title starts with when nobody is named ("Strike in Homs", "Military base: …"). */
const GENERIC_LEAD: Partial<Record<FeatureProperties['kind'], string>> = { strike: 'Strike', base: 'Military base' };

function adjectiveOf(actor: string): string {
  return getLexicon().actorByName.get(actor)?.adjective ?? actor;
}

function startsWithWord(title: string, word: string): boolean {
  return title.length > word.length && title.slice(0, word.length).toLowerCase() === word.toLowerCase() && /[\s:,–-]/.test(title[word.length]!);
}

function replaceWords(title: string, from: string, to: string): string {
  const at = title.lastIndexOf(from);
  return at < 0 ? title : title.slice(0, at) + to + title.slice(at + from.length);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
