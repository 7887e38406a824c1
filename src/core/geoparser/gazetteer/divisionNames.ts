/**
 * The names news copy gives a first-level division. The broad layer has each under one
 * official name ("Kursk Oblast", "Al Anbar Governorate", "Republic of Dagestan", "Khartoum"),
 * while reporters write "the Kursk region", "Anbar province", "Dagestan" or "Khartoum state".
 * Every division is also reachable as "<base> region/province/oblast/governorate/state", and a
 * "Republic of X" as plain "X". A bare base is not added for a suffixed name: "Kursk" alone is
 * the city, and the resolver keeps it so.
 *
 * @example
 * divisionNames('Kursk Oblast') // ['Kursk region', 'Kursk province', 'Kursk governorate', 'Kursk state']
 * divisionNames('Autonomous Republic of Crimea') // ['Crimea', 'Crimea region', …]
 */

/** Words an official division name ends with; the rest of the name is its base. */
const SUFFIX = /^(.+?)\s+(?:oblast|governorate|province|region|krai|kray|state|prefecture|voivodeship|county|department|autonomous okrug|okrug|district|emirate|territory|division)$/i;
/** "Republic of Dagestan", "Autonomous Republic of Crimea": the base is a name of its own. */
const PREFIX = /^(?:autonomous\s+)?(?:republic|province|state|region|governorate|emirate|territory)\s+of\s+(?:the\s+)?(.+)$/i;
/** How English news names a division, whatever its official word. */
export const DIVISION_WORDS: readonly string[] = ['region', 'province', 'oblast', 'governorate', 'state'];

export function divisionNames(name: string): string[] {
  const trimmed = name.trim();
  const prefixed = PREFIX.exec(trimmed);
  const base = prefixed?.[1] ?? SUFFIX.exec(trimmed)?.[1] ?? trimmed;
  const out = prefixed ? [base] : [];
  for (const word of DIVISION_WORDS) out.push(`${base} ${word}`);
  return out.filter((n) => n.toLowerCase() !== trimmed.toLowerCase());
}
