import type { Token } from '../text/tokens.ts';
import { scanPhrases } from '../text/phraseTable.ts';
import type { Lexicon } from './lexicon.ts';

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
  const starts = new Set<number>();
  for (const m of scanPhrases(tokens, text, lex.clauseMarkers)) starts.add(m.first);
  for (let i = 1; i < tokens.length; i++) {
    const gap = text.slice(tokens[i - 1]!.end, tokens[i]!.start);
    if (/[;:—–]|\s-\s/.test(gap)) starts.add(i);
  }
  let id = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (starts.has(i) && i > 0) id++;
    ids[i] = id;
  }
  return ids;
}
