import wordData from '../geoparse/data/wordLists.json' with { type: 'json' };
import data from './data/roleCues.json' with { type: 'json' };
import type { Token } from '../text/tokens.ts';

/**
 * The verb a name is the subject of, read from the verb group after it: "Kyiv gave up",
 * "Washington and Moscow discuss", "Seattle and Olympia are arguing", "Marseille and Lyon
 * have spent", "Riyadh, which now requires". Verb forms and lemmas come from wink-lexicon
 * (data/wordLists.json `verbs`). A passive or a copula ("Kyiv was hit", "Springfield had been
 * slow") makes the name no agent, nor does a verb that says where or what a place is or what
 * befalls it ("Kyiv lies", "Kyiv sits on", "Kyiv experienced": roleCues.json `placeVerbs`).
 */
interface VerbForm {
  lemma: string;
  /** D past, Z 3rd person singular, P present, B base, N past participle, G gerund. */
  tags: string;
}

let forms: Map<string, VerbForm> | undefined;
function verbForm(word: string): VerbForm | undefined {
  if (!forms) {
    forms = new Map();
    for (const [form, value] of Object.entries((wordData as { verbs?: Record<string, string> }).verbs ?? {})) {
      const [lemma, tags] = value.split(':');
      forms.set(form, { lemma: lemma!, tags: tags ?? '' });
    }
  }
  return forms.get(word);
}

const MODALS = new Set(['will', 'would', 'could', 'should', 'must', 'may', 'might', 'can', 'shall', 'wo', 'ca']);
const HAVE = new Set(['has', 'have', 'had']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const DO = new Set(['does', 'do', 'did']);
const RAISING = new Set(['expected', 'set', 'due', 'likely', 'unlikely', 'poised', 'scheduled', 'going', 'about', 'ready', 'prepared', 'willing', 'able', 'unable', 'keen', 'eager', 'determined', 'bound', 'supposed', 'said', 'reported', 'thought', 'believed']);
const PLACE_VERBS = new Set(data.placeVerbs);
const ADVERBS = new Set(data.auxiliaries.filter((w) => !MODALS.has(w) && !HAVE.has(w) && !BE.has(w)));

export interface SubjectVerb {
  lemma: string;
  /** The verb group is passive ("was held"): the name undergoes it. */
  passive: boolean;
}

/**
 * The verb group starting at token `i`, whose subject ends just before it (`plural` when the
 * subject is coordinated: "Washington and Moscow discuss"); undefined when none starts there.
 */
export function verbGroupAt(tokens: readonly Token[], text: string, i: number, plural: boolean): SubjectVerb | undefined {
  // "Riyadh, which now requires", "Cairo and Doha, who have": a relative clause's subject.
  const first = tokens[i];
  if (!first || i === 0) return undefined;
  const gap = text.slice(tokens[i - 1]!.end, first.start);
  if (/^(?:which|who)$/.test(first.norm) && /^\s*,\s*$/.test(gap)) i++;
  // "Oxford, North Carolina, described" (an apposition), "Houston-based": the verb must follow
  // the name across a space only.
  else if (!/^\s+$/.test(gap)) return undefined;
  let modal = false, have = false, be = false;
  for (let steps = 0; steps < 6 && i < tokens.length; steps++, i++) {
    const t = tokens[i]!;
    if (t.capitalized) return undefined;
    const w = t.raw.toLowerCase().replace(/[’']/g, "'");
    if (w === "n't" || w === 'not' || ADVERBS.has(w) || (/ly$/.test(w) && !verbForm(w))) continue;
    if (MODALS.has(w) || DO.has(w)) { modal = true; continue; }
    if (HAVE.has(w)) { have = true; be = false; continue; }
    if (BE.has(w)) { be = true; continue; }
    // "London and Brussels are expected to announce", "Kyiv is set to sign": the verb is the infinitive's.
    if (be && RAISING.has(w) && tokens[i + 1]?.norm === 'to') { be = false; modal = true; i++; continue; }
    const v = verbForm(w);
    if (!v) return undefined;
    if (be) return v.tags.includes('G') ? { lemma: v.lemma, passive: false } : v.tags.includes('N') ? { lemma: v.lemma, passive: true } : undefined;
    if (have) return v.tags.includes('N') ? { lemma: v.lemma, passive: false } : undefined;
    if (modal) return v.tags.includes('B') || v.tags.includes('P') ? { lemma: v.lemma, passive: false } : undefined;
    if (v.tags.includes('D') || v.tags.includes('Z') || (plural && (v.tags.includes('P') || v.tags.includes('B')))) return { lemma: v.lemma, passive: false };
    return undefined;
  }
  return undefined;
}

/** The name is the subject of a verb, active or passive, but not one of where a place is or what befalls it. */
export function isSubject(verb: SubjectVerb | undefined): boolean {
  return verb !== undefined && !PLACE_VERBS.has(verb.lemma);
}

/** The name is the subject of an action verb: not passive, not a verb of where a place is or what befalls it. */
export function actsAsAgent(verb: SubjectVerb | undefined): boolean {
  return verb !== undefined && !verb.passive && !PLACE_VERBS.has(verb.lemma);
}

/** The verb group after mention `k` and any names coordinated with it ("Seattle and Olympia are arguing"). */
export function subjectVerb(tokens: readonly Token[], text: string, mentions: readonly { first: number; last: number }[], k: number): SubjectVerb | undefined {
  let i = mentions[k]!.last + 1;
  let plural = false;
  for (let j = k + 1; j < mentions.length; j++) {
    const gap = mentions[j]!.first - i;
    if (gap === 0 || (gap === 1 && (tokens[i]!.norm === 'and' || tokens[i]!.norm === 'or'))) {
      plural ||= gap === 1 && tokens[i]!.norm === 'and';
      i = mentions[j]!.last + 1;
    } else break;
  }
  return verbGroupAt(tokens, text, i, plural);
}
