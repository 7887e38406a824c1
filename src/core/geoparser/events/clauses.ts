import type { Token } from '../text/tokens.ts';
import { scanPhrases } from '../text/phraseTable.ts';
import { isWhitespace } from '../text/whitespace.ts';
import type { Lexicon } from './lexicon.ts';
import type { AnalysedSentence } from './types.ts';

/**
 * Numbers the clauses of a sentence: a new clause starts at a subordinating word ("that",
 * "which", "in response to") or at a semicolon or dash. Dates and actors are looked for in
 * the clause of the event first, so "said on Tuesday that they fired late on Monday" dates
 * the firing to Monday.
 *
 * @example
 * clauseIds(tokenize('He said on Tuesday that they fired on Monday'), s, lex) // [0,0,0,0,1,1,1,1,1]
 */
export function clauseIds(tokens: readonly Token[], text: string, lex: Lexicon): number[] {
  const ids = new Array<number>(tokens.length).fill(0);
  const starts = new Array<boolean>(tokens.length).fill(false);
  for (const m of scanPhrases(tokens, text, lex.clauseMarkers)) starts[m.first] = true;
  for (let i = 1; i < tokens.length; i++) if (breaksClause(text, tokens[i - 1]!.end, tokens[i]!.start)) starts[i] = true;
  let id = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (starts[i] && i > 0) id++;
    ids[i] = id;
  }
  return ids;
}

/** The gap text[from, to) between two words holds ; : — – or a spaced hyphen (" - "). */
function breaksClause(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x3b || c === 0x3a || c === 0x2014 || c === 0x2013) return true;
    if (c === 0x2d && k > from && k + 1 < to && isWhitespace(text.charCodeAt(k - 1)) && isWhitespace(text.charCodeAt(k + 1))) return true;
  }
  return false;
}

/** How the attack's clause continues an earlier subject: through a pronoun, a relative clause, or not. */
export function continuesSubject(s: AnalysedSentence, t: number, lex: Lexicon): 'pronoun' | 'relative' | null {
  const start = s.clause.indexOf(s.clause[t]!);
  for (let i = start; i < t; i++) {
    const tok = s.tokens[i]!;
    if (lex.pronouns.get(tok.norm) || lex.pronouns.getPair(tok.norm, s.tokens[i + 1]?.norm ?? '')) return 'pronoun';
  }
  if (start > 0 && /^(?:that|which)$/.test(s.tokens[start]!.norm)) {
    const lead = s.tokens.slice(Math.max(0, start - 4), start);
    if (!lead.some((tok) => lex.speechVerbs.has(tok.norm))) return 'relative';
  }
  return null;
}
