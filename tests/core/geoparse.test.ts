import { describe, it, expect } from 'vitest';
import { parseArticle } from '../../src/core/geoparser/parseArticle.ts';
import type { NewsmapFeature } from '../../src/core/geoparser/geojson/schema.ts';
import { realIndex } from '../helpers/index.ts';

/** Short texts written for these tests: each pins one rule of the resolver. */
function parse(text: string, published = '2024-04-21'): NewsmapFeature[] {
  return parseArticle({ id: 't', title: 'test', published, text }, realIndex()).collection.features;
}
const places = (fs: NewsmapFeature[]) => fs.map((f) => `${f.properties.kind}:${f.properties.place_id}`);

describe('metonyms are actors, not locations', () => {
  it('does not plot a capital that speaks, warns, condemns or carries out', () => {
    for (const text of [
      'Washington has warned that sanctions could follow.',
      'Tehran carried out the attacks overnight.',
      'Islamabad condemned the strike in Panjgur.',
      'Riyadh, which has hosted talks, called for calm.',
      'Moscow requested an emergency meeting.',
      'Beirut accused Israel of escalation.',
    ]) {
      const ids = parse(text).map((f) => f.properties.place_id);
      for (const capital of ['washington', 'tehran', 'islamabad', 'riyadh', 'moscow', 'beirut']) expect(ids, text).not.toContain(capital);
    }
  });

  it('does not plot the two sides of a relation', () => {
    const fs = parse('Analysts warned of rising tensions between Tehran and Jerusalem.');
    expect(places(fs)).toEqual([]);
  });

  it('turns a metonym into the initiator of the strike', () => {
    const fs = parse('Tehran launched drones at the port of Haifa on Saturday.');
    const strike = fs.find((f) => f.properties.kind === 'strike')!;
    expect(strike.properties.place_id).toBe('haifa');
    expect(strike.properties.actor).toBe('Iran');
    expect(strike.properties.date).toBe('2024-04-20');
  });

  it('still plots the same capital when it is a location', () => {
    expect(places(parse('The minister flew to Tehran on Monday.'))).toEqual(['place:tehran']);
  });
});

describe('resolution', () => {
  it('prefers the longest name', () => {
    expect(places(parse('Drones hit Baghdad International Airport.'))).toEqual(['strike:baghdad-international-airport']);
    expect(parse('Fighting spread across Isfahan province.')[0]!.properties.geo_precision).toBe('region');
  });

  it('does not take demonyms for places', () => {
    expect(parse('Iranian and Iraqi officials met Syrian envoys.')).toEqual([]);
  });

  it('uses an apposition and the article context for ambiguous names', () => {
    expect(parse('Clashes broke out in Tripoli, Lebanon, on Friday.')[0]!.properties.country).toBe('LB');
    expect(parse('Militias clashed in Tripoli on Friday as Libya’s rival governments traded blame.')[0]!.properties.country).toBe('LY');
    const d = parse('Protesters gathered in Damascus after Syrian forces withdrew.')[0]!;
    expect(d.properties.country).toBe('SY');
  });

  it('finds cities no one curated through the broad GeoNames layer, with a locative cue', () => {
    const fs = parse('Two drones struck a warehouse in Zahle, Lebanon on Sunday.');
    const strike = fs.find((f) => f.properties.kind === 'strike')!;
    expect(strike.properties.place_name).toMatch(/Zahl/);
    expect(strike.properties.country).toBe('LB');
    expect(strike.properties.confidence).toBeLessThan(0.95);
  });

  it('finds a name written with decomposed accents, and quotes it whole', () => {
    const text = 'Drones struck Esfaha\u0301n on Friday.'.normalize('NFD');
    const fs = parse(text);
    expect(places(fs)).toEqual(['strike:isfahan']);
    expect(fs[0]!.properties.mention).toBe('Esfaha\u0301n');
  });

  it('finds a division however the article names it, and keeps the bare name for the city', () => {
    const region = (text: string) => parse(text, '2024-05-14').map((f) => [f.properties.place_id, f.properties.geo_precision]);
    expect(region('Drones were shot down over the Belgorod region on Monday.')).toEqual([['state:RU-BEL', 'region']]);
    expect(region('Shelling hit the Kursk region overnight.')).toEqual([['state:RU-KRS', 'region']]);
    expect(region('Russian forces have occupied Crimea since 2014.')).toEqual([['state:UA-43', 'region']]);
    expect(region('Fighting spread across Khartoum state.')).toEqual([['state:SD-KH', 'region']]);
    expect(region('Protests broke out in Kursk on Monday.')).toEqual([['geonames:538560', 'city']]);
  });

  it('ignores names of people that are also towns', () => {
    expect(parse('Spokesman Maher al-Taher said the talks failed.')).toEqual([]);
  });
});

describe('events', () => {
  it('dates the clause of the event, not the first date of the sentence', () => {
    const fs = parse('The army said on Tuesday that it had shelled positions near Nabatieh late on Monday.', '2024-04-18');
    const strike = fs.find((f) => f.properties.kind === 'strike')!;
    expect(strike.properties.date).toBe('2024-04-15');
  });

  it('finds the initiator and the target', () => {
    const fs = parse('An Israeli missile attack on an Iranian consulate in Damascus killed seven people.');
    const strike = fs.find((f) => f.properties.kind === 'strike')!;
    expect([strike.properties.actor, strike.properties.target]).toEqual(['Israel', 'Iran']);
    expect(strike.properties.actors[0]).toBe('Israel');
  });

  it('records where a strike was launched from', () => {
    const fs = parse('Missiles fired from Yemen struck Eilat on Monday.');
    const strike = fs.find((f) => f.properties.kind === 'strike')!;
    expect(strike.properties.place_id).toBe('eilat');
    expect(strike.properties.origin).not.toBeNull();
    expect(strike.properties.origin![0]).toBeGreaterThan(42);
  });

  it('takes the launch point from a possessive or a modifier after "from", and strikes the place after it', () => {
    const fs = parse('Drones were fired from Russia\u2019s Kursk region and from occupied Crimea at Odesa.', '2024-05-14');
    expect(places(fs)).toEqual(['place:russia', 'place:state:RU-KRS', 'place:state:UA-43', 'strike:geonames:698740']);
    const strike = fs.find((f) => f.properties.kind === 'strike')!;
    // The arc starts at the Kursk region's own point.
    const kursk = fs.find((f) => f.properties.place_id === 'state:RU-KRS')!;
    expect(strike.properties.origin).toEqual(kursk.geometry.coordinates);
  });

  it('reads a town written with its article, and a town after a sentence-opening preposition', () => {
    expect(places(parse('The militia shelled a camp outside El Fasher.', '2024-05-14'))).toEqual(['strike:geonames:379555']);
    expect(places(parse('In Khartoum, the army said it had retaken the building.', '2024-05-14'))).toEqual(['place:geonames:379252']);
    // A month or a weekday after a preposition is a date, though towns bear those names.
    for (const text of ['In March 2013, Iran fired missiles.', 'In August, the talks resumed.', 'On Sunday, the army withdrew.']) expect(parse(text), text).toEqual([]);
    // A capitalised run is still a person, article or not.
    expect(parse('The group\u2019s leader Maher al-Taher spoke in Beirut.').map((f) => f.properties.place_id)).toEqual(['beirut']);
  });

  it('names the actors of conflicts beyond the Middle East', () => {
    const actorOf = (text: string) => parse(text, '2024-05-14').filter((f) => f.properties.kind === 'strike').map((f) => f.properties.actor);
    expect(actorOf('Ukrainian drones hit a refinery in Ryazan on Sunday.')).toEqual(['Ukraine']);
    expect(actorOf('The Rapid Support Forces shelled Omdurman on Friday.')).toEqual(['Rapid Support Forces']);
    expect(actorOf('Al-Shabaab militants attacked a base in Mogadishu.')).toEqual(['al-Shabaab']);
  });

  it('makes a base of "an airbase in <town>" with the known installation', () => {
    const fs = parse('Satellite images show new hangars at a US operated airbase in Erbil.');
    const base = fs.find((f) => f.properties.kind === 'base')!;
    expect(base.properties.place_id).toBe('erbil-air-base');
    expect(base.properties.actor).toBe('United States');
  });

  it('does not make an event of a habit, a plan or a denial', () => {
    for (const text of [
      'Israel rarely comments on strikes in Syria.',
      'The group planned attacks on Karachi.',
      'The Pentagon said it had not struck targets inside Iran.',
      'Israel is expected to strike Isfahan on Friday.',
      'The navy is poised to attack the port of Hodeidah.',
    ]) {
      expect(parse(text).filter((f) => f.properties.kind === 'strike'), text).toEqual([]);
    }
    // An expectation or a plan that was carried out is still an event.
    for (const text of ['As expected, Israel struck Isfahan on Friday.', 'As planned, Israel struck Isfahan on Friday.']) {
      const met = parse(text).filter((f) => f.properties.kind === 'strike');
      expect(met.map((f) => [f.properties.place_id, f.properties.date]), text).toEqual([['isfahan', '2024-04-19']]);
    }
  });

  it('reads a weekday forwards in a clause about the future, whichever word says so', () => {
    // Published on Sunday 2024-04-21: the coming Monday is the 22nd, the past one the 15th.
    for (const text of ['Iran said it would hold talks in Doha on Monday.', 'Iran will hold talks in Doha on Monday.', 'Talks are scheduled in Doha on Monday.']) {
      expect(parse(text).map((f) => f.properties.date), text).toEqual(['2024-04-22']);
    }
    expect(parse('Iran held talks in Doha on Monday.').map((f) => f.properties.date)).toEqual(['2024-04-15']);
  });
});
