import { describe, expect, it } from 'vitest';
import data from '../../../src/core/geoparser/events/eventTypes.json' with { type: 'json' };
import { classifyEvent, compileEventTypes, EVENT_TYPES, SUB_EVENT_TYPES } from '../../../src/core/geoparser/events/eventTypes.ts';
import { CODED_EVENT_TYPES } from '../../../src/core/geoparser/events/eventVocabulary.ts';
import { tokenize } from '../../../src/core/geoparser/text/tokens.ts';

/** The type of the attack at the first token whose word is `trigger`, the whole sentence one clause unless `clauses` splits it. */
function typeOf(sentence: string, trigger: string, clauses: number[] = []): string {
  const tokens = tokenize(sentence);
  const t = tokens.findIndex((tok) => tok.raw === trigger);
  if (t < 0) throw new Error(`no "${trigger}" in "${sentence}"`);
  const clause = tokens.map((_, i) => clauses.filter((c) => c <= i).length);
  const type = classifyEvent(tokens, sentence, clause, t);
  return `${type.event_type} / ${type.sub_event_type}`;
}

describe('ACLED event types (issue 11)', () => {
  it("holds ACLED's vocabulary, and codes only its political-violence types", () => {
    expect(EVENT_TYPES).toEqual(['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests', 'Riots', 'Strategic developments']);
    expect(CODED_EVENT_TYPES).toEqual(['Battles', 'Explosions/Remote violence', 'Violence against civilians']);
    expect(SUB_EVENT_TYPES.get('Explosions/Remote violence')).toEqual(expect.arrayContaining(['Air/drone strike', 'Shelling/artillery/missile attack', 'Remote explosive/landmine/IED', 'Suicide bomb']));
    expect(SUB_EVENT_TYPES.get('Violence against civilians')).toEqual(expect.arrayContaining(['Attack', 'Abduction/forced disappearance']));
    expect(data._provenance).toMatch(/ACLED Codebook/);
  });

  it('refuses a rule naming a type outside the vocabulary, at load', () => {
    const bad = structuredClone(data);
    bad.rules[0]!.sub_event_type = 'Laser strike';
    expect(() => compileEventTypes(bad)).toThrow(/"Laser strike" is not in the vocabulary/);
  });

  it('types each form of attack from its cue words', () => {
    expect(typeOf('An al-Shabaab suicide bomber blew himself up at a restaurant in Mogadishu', 'bomber')).toBe('Explosions/Remote violence / Suicide bomb');
    expect(typeOf('Six policemen were killed when a roadside bomb hit their vehicle in Bannu', 'hit')).toBe('Explosions/Remote violence / Remote explosive/landmine/IED');
    expect(typeOf('Turkish drones struck a vehicle near Sinjar', 'struck')).toBe('Explosions/Remote violence / Air/drone strike');
    expect(typeOf('Israeli warplanes pounded Khan Younis', 'pounded')).toBe('Explosions/Remote violence / Air/drone strike');
    expect(typeOf('Three civilians were killed in shelling by Russian forces in Kherson', 'shelling')).toBe('Explosions/Remote violence / Shelling/artillery/missile attack');
    expect(typeOf('A residential building in Zaporizhzhia was hit by a Russian missile', 'hit')).toBe('Explosions/Remote violence / Shelling/artillery/missile attack');
    expect(typeOf('Gunmen abducted 20 villagers near Sittwe', 'abducted')).toBe('Violence against civilians / Abduction/forced disappearance');
    expect(typeOf('The Chin National Army said its fighters clashed with army troops near Falam', 'clashed')).toBe('Battles / Armed clash');
    expect(typeOf('ADF fighters killed 14 villagers with machetes near Beni', 'killed')).toBe('Violence against civilians / Attack');
  });

  it('lets a decisive means win over a weapon, and the attack\'s clause over the rest of the sentence', () => {
    // Small-arms fire makes a ground attack of "rockets and small arms".
    expect(typeOf('Militants attacked a police checkpoint in Miran Shah with rockets and small arms', 'attacked')).toBe('Battles / Armed clash');
    // The suicide attack of the subordinate clause does not type the air strikes of the main one.
    const sentence = 'Israeli jets struck Gaza City after a suicide attack in Tel Aviv';
    const after = tokenize(sentence).findIndex((t) => t.raw === 'after');
    expect(typeOf(sentence, 'struck', [after])).toBe('Explosions/Remote violence / Air/drone strike');
    expect(typeOf(sentence, 'struck')).toBe('Explosions/Remote violence / Suicide bomb');
  });

  it('falls back on the attack word when no cue is given', () => {
    expect(typeOf('Israel struck Damascus', 'struck')).toBe('Explosions/Remote violence / Air/drone strike');
    expect(typeOf('The rebels attacked Omdurman', 'attacked')).toBe('Battles / Armed clash');
    expect(typeOf('Unknown men assassinated the mayor of Kandahar', 'assassinated')).toBe('Violence against civilians / Attack');
  });
});
