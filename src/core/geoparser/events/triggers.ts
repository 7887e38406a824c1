import type { Token } from '../text/tokens.ts';
import { scanPhrases } from '../text/phraseTable.ts';
import type { Lexicon } from './lexicon.ts';
import { normalizeToken } from '../text/normalize.ts';

/**
 * Marks the tokens that signal an attack: verbs ("fired", "struck"), nouns ("airstrike",
 * "drone strike") and weapons ("missiles") unless they modify another noun ("missile
 * defense shields"). Returns a boolean per token.
 *
 * @example
 * attackTokens(tokenize('Israel fired missiles at Isfahan'), s, lex) // [false, true, true, false, false]
 */
export function attackTokens(tokens: readonly Token[], text: string, lex: Lexicon): boolean[] {
  const out = new Array<boolean>(tokens.length).fill(false);
  const blocked = new Array<boolean>(tokens.length).fill(false);
  for (const m of scanPhrases(tokens, text, lex.notAttacks)) for (let i = m.first; i <= m.last; i++) blocked[i] = true;
  for (const m of scanPhrases(tokens, text, lex.attackNouns)) for (let i = m.first; i <= m.last; i++) out[i] = !blocked[i];
  tokens.forEach((t, i) => {
    if (blocked[i]) return;
    if (lex.attackVerbs.has(t.norm)) out[i] = true;
    else if (lex.weaponNouns.has(t.norm)) {
      const next = tokens[i + 1];
      const prev = tokens[i - 1];
      const modifies = next && lex.weaponModifiers.has(next.norm);
      const anti = prev && (prev.norm === 'anti' || prev.norm === normalizeToken('counter'));
      out[i] = !modifies && !anti;
    }
  });
  // "the attack on the base": a noun trigger directly followed by the base noun is still an attack,
  // but "strike" as a verb of a labour dispute is filtered by notAttacks above.
  return out;
}

/** Token ranges of base nouns ("air base", "airbase", "garrison"). */
export function baseNounRanges(tokens: readonly Token[], text: string, lex: Lexicon): { first: number; last: number }[] {
  return scanPhrases(tokens, text, lex.baseNouns).map((m) => ({ first: m.first, last: m.last }));
}
