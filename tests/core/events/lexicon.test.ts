import { describe, expect, it } from 'vitest';
import data from '../../../src/core/geoparser/events/lexicon.json' with { type: 'json' };
import { actorColour, getLexicon } from '../../../src/core/geoparser/events/lexicon.ts';
import { findActorMentions } from '../../../src/core/geoparser/events/actors.ts';
import { tokenize } from '../../../src/core/geoparser/text/tokens.ts';

const lex = getLexicon();
const actorsIn = (text: string) => findActorMentions(tokenize(text), text, lex).map((m) => m.actor.name);

describe('actors as data (issue 11)', () => {
  it('gives every actor a fixed #rrggbb colour and either a country or an affiliation', () => {
    for (const a of data.actors) {
      expect(a.colour, a.name).toMatch(/^#[0-9a-f]{6}$/);
      expect(a.country !== null || (typeof a.affiliation === 'string' && a.affiliation.length > 0), a.name).toBe(true);
    }
    expect(new Set(data.actors.map((a) => a.name)).size).toBe(data.actors.length);
    expect(actorColour('Houthis')).toBe(data.actors.find((a) => a.name === 'Houthis')!.colour);
    expect(actorColour('Nobody')).toBeNull();
  });

  it('keeps the actors it had, under the same names', () => {
    for (const name of ['Iran', 'Israel', 'United States', 'Pakistan', 'Houthis', 'Hezbollah', 'Hamas', 'Islamic Resistance in Iraq', 'Rapid Support Forces', 'Sudan', 'al-Shabaab', 'Russia', 'Ukraine', 'Armenia', 'Azerbaijan']) {
      expect(lex.actorByName.has(name), name).toBe(true);
    }
  });

  it('knows the armed groups, coalitions and forces of current conflicts by their aliases', () => {
    const cases: [string, string][] = [
      ['Ansar Allah', 'Houthis'], ['the Qassam Brigades', 'Hamas'], ['Palestinian Islamic Jihad', 'Palestinian Islamic Jihad'],
      ['Iran-backed militias', 'Islamic Resistance in Iraq'], ['Kataib Hezbollah', 'Kataib Hezbollah'], ['the PKK', 'PKK'],
      ['the YPG', 'Syrian Democratic Forces'], ['HTS', 'Hayat Tahrir al-Sham'], ['ISIL', 'Islamic State'], ['Daesh', 'Islamic State'],
      ['ISWAP', 'Islamic State West Africa Province'], ['IS-K', 'Islamic State Khorasan Province'], ['AQAP', 'AQAP'], ['JNIM', 'JNIM'],
      ['al-Qaeda', 'al-Qaeda'], ['al-Shabaab', 'al-Shabaab'], ['the Tehreek-e-Taliban Pakistan', 'Pakistani Taliban'], ['the TTP', 'Pakistani Taliban'],
      ['the Taliban', 'Taliban'], ['the Baloch Liberation Army', 'Baloch Liberation Army'], ['the RSF', 'Rapid Support Forces'],
      ['the Sudanese Armed Forces', 'Sudan'], ['the Africa Corps', 'Wagner Group'], ['the Saudi-led coalition', 'Saudi-led coalition'],
      ['M23 rebels', 'M23'], ['the Allied Democratic Forces', 'Allied Democratic Forces'], ['Boko Haram', 'Boko Haram'],
      ['Ansar al-Sunna', 'Ansar al-Sunna'], ['the Tatmadaw', 'Myanmar'], ['the People’s Defence Force', "People's Defence Force"],
      ['the Arakan Army', 'Arakan Army'], ['the Chin National Army', 'Chin resistance forces'], ['the Karen National Union', 'Karen resistance forces'],
      ['the Kachin Independence Army', 'Kachin Independence Army'], ['Armenian forces', 'Armenia'], ['Azerbaijani forces', 'Azerbaijan'],
      ['Russian forces', 'Russia'], ['Ukrainian forces', 'Ukraine'], ['the IDF', 'Israel'], ['the IRGC', 'Iran'], ['US forces', 'United States'], ['the RAF', 'United Kingdom'],
    ];
    for (const [text, actor] of cases) expect(actorsIn(`${text} said`), text).toEqual([actor]);
  });

  it('matches acronyms only in capitals, and the longest name first', () => {
    expect(actorsIn('let us know what the pdf says')).toEqual([]);
    expect(actorsIn('the Pakistani Taliban struck')).toEqual(['Pakistani Taliban']);
    expect(actorsIn('the Islamic State West Africa Province attacked')).toEqual(['Islamic State West Africa Province']);
  });
});
