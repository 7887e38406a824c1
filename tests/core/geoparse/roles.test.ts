import { describe, it, expect } from 'vitest';
import { parseArticle } from '../../../src/core/geoparser/parseArticle.ts';
import { realIndex } from '../../helpers/index.ts';

/** Role rules on sentences written for these tests: what is plotted, and what must not be. */
const mentions = (text: string) => parseArticle({ id: 't', title: 'test', published: '2024-05-06', text }, realIndex()).collection.features.map((f) => f.properties.mention);

describe('roles: a place inside a longer name', () => {
  it('plots a place whose own office is named after it, not a team or a paper named after it', () => {
    expect(mentions('The Torrington Fire Department responded to the call.')).toEqual(['Torrington']);
    expect(mentions('The Ohio Senate passed the bill on Monday.')).toEqual(['Ohio']);
    expect(mentions('The Chicago Fire moved a training session indoors.')).toEqual([]);
    expect(mentions('The Boston Globe reported the figures.')).toEqual([]);
  });

  it('does not plot a place inside a club or utility named after it ("Gaziantep FK", "Tokyo Electric Power")', () => {
    expect(mentions('Later, Gaziantep FK raised money for survivors.')).toEqual([]);
    expect(mentions('Later, Tokyo Electric Power began releasing treated water.')).toEqual([]);
    expect(mentions('Power was restored in Tokyo on Monday.')).toEqual(['Tokyo']);
  });

  it('reads a hyphenated compound after a place as one longer name ("Paris Saint-Germain"), and "X de Y" as "X of Y"', () => {
    expect(mentions('Supporters of Paris Saint-Germain gathered before kick-off.')).toEqual([]);
    expect(mentions('Saint-Germain-en-Laye is west of Paris.')).toContain('Paris');
    expect(mentions('The Tour de France reaches the Alps next week.')).not.toContain('Tour');
    expect(mentions('Riders left Grenoble on Sunday for the mountains.')).toEqual(['Grenoble']);
  });

  it('does not plot an outlet named after a place, nor whoever is told something ("al-Mayadeen news channel", "told al-Mayadeen")', () => {
    expect(mentions('The Arabic-language al-Mayadeen news channel broadcast the speech.')).toEqual([]);
    expect(mentions('A commander told al-Mayadeen that the front had grown.')).toEqual([]);
    expect(mentions('Officials gave a Baghdad news conference on Monday.')).toEqual(['Baghdad']);
    expect(mentions('He told reporters in Mosul that the road was open.')).toEqual(['Mosul']);
  });

  it('does not plot an English word that names an office', () => {
    expect(mentions('The City Council voted on Tuesday.')).toEqual([]);
  });

  it('plots where a person is from', () => {
    expect(mentions('Steven Sachs of Alexandria was driving the car.')).toEqual(['Alexandria']);
    expect(mentions('The survivors include Parviz Moayyad of Houston.')).toEqual(['Houston']);
    expect(mentions('Rep. Jerry Dunn, D-Pleasanton, introduced the bill.')).toEqual(['Pleasanton']);
  });

  it('reads a day before a name as a date and two places joined by a hyphen as two places', () => {
    expect(mentions('On Sunday Alexandria Police went to the house.')).toEqual(['Alexandria']);
    expect(mentions('The river will crest in Fargo-Moorhead on Friday.')).toEqual(['Fargo', 'Moorhead']);
  });
});

describe('roles: capitals and countries standing for governments', () => {
  it('reads names coordinated with a metonym, or addressed in a list, as governments', () => {
    expect(mentions('Berlin has assured Paris and Warsaw that it will raise spending.')).toEqual([]);
    expect(mentions('The remark drew a cool response from The Hague.')).toEqual([]);
    expect(mentions('Officials said they would judge Tehran by its actions.')).toEqual([]);
    expect(mentions('Cairo and Doha, which have mediated for months, presented a plan.')).toEqual([]);
  });

  it('reads a capital after ", and" as the subject of a new clause, but keeps a list of places', () => {
    expect(mentions('Screening began at crossings into Uganda, and Kigali said travellers would be checked.')).toEqual(['Uganda']);
    expect(mentions('Outbreaks in Angola, Malawi, and Uganda killed thousands.')).toEqual(['Angola', 'Malawi', 'Uganda']);
  });

  it('reads a capital that is the subject of an active verb as its government (verb forms from wink-lexicon)', () => {
    expect(mentions('The deal under which Kyiv gave up its old bombers was signed in Budapest.')).toEqual(['Budapest']);
    expect(mentions('Every time Washington and Moscow discuss a truce, the shelling resumes.')).toEqual([]);
    expect(mentions('The pact from which Ankara withdrew still matters in Izmir.')).toEqual(['Izmir']);
  });

  it('keeps a capital a place before a passive, a copula or a verb of where it lies or what befalls it', () => {
    expect(mentions('Kyiv was hit by drones overnight.')).toEqual(['Kyiv']);
    expect(mentions('Kyiv lies on a river.')).toEqual(['Kyiv']);
    expect(mentions('Kyiv experienced blackouts after the attack.')).toEqual(['Kyiv']);
    expect(mentions('Kyiv sits on both banks of the river.')).toEqual(['Kyiv']);
  });

  it('reads the two sides of a quarrel or a mediation as governments, not a border between places', () => {
    expect(mentions('A bitter quarrel between Nairobi and Kampala overshadowed the summit.')).toEqual([]);
    expect(mentions('Qatar has mediated between Israel and Hamas for months.')).not.toContain('Israel');
    expect(mentions('The road between Nairobi and Kampala was closed.')).toEqual(['Nairobi', 'Kampala']);
  });

  it('does not read a broadcaster named after a city as an addressee', () => {
    expect(mentions('He told CBC Toronto that the cat had survived.')).toEqual(['Toronto']);
  });
});

describe('roles: teams and people', () => {
  it('reads a team by its whole name and the verb after it, or the score before it', () => {
    expect(mentions('Perth Glory beat Adelaide United 2-1 in Adelaide on Saturday.')).toEqual(['Adelaide']);
    const derby = mentions('Manchester City drew 1-1 with Aston Villa in Birmingham.');
    expect(derby).toContain('Birmingham');
    expect(derby).not.toContain('Manchester');
    expect(derby).not.toContain('Aston');
    expect(mentions('The Melbourne Storm lost the rugby league grand final in Sydney.')).toEqual(['Sydney']);
  });

  it('reads a name that is the subject of a verb in a sentence about a game as a team, but not a list after "from"', () => {
    expect(mentions('Leeds climbed out of the relegation zone with a 2-0 win, while Brighton were held at home.')).toEqual([]);
    expect(mentions('Marseille and Lyon have spent heavily on new players.')).toEqual([]);
    expect(mentions('Several players from England, South Africa and Australia left during the fighting.')).toEqual(['England', 'South Africa', 'Australia']);
    expect(mentions('Leeds had taken the lead through their striker, but were held at home by Sunderland.')).toEqual([]);
    expect(mentions('Bankers say competition from Riyadh, which now requires local offices, is fierce.')).toEqual([]);
    expect(mentions('Fargo built its highest dike of the season.')).toEqual(['Fargo']);
  });

  it('reads a first name that is a place, before a surname or another place name, as a person', () => {
    expect(mentions("The sale includes a watercolour by Georgia O'Keeffe.")).toEqual([]);
    expect(mentions('Crowds marked the birthday of George Washington in Alexandria.')).toEqual(['Alexandria']);
    expect(mentions('Officers of the Austin Police Department responded to the call.')).toEqual(['Austin']);
  });

  it('reads a place name before "players" or "striker" as a team, not a place', () => {
    expect(mentions('Several Chelsea players have been called up by Brazil.')).toEqual([]);
    expect(mentions('The players trained in Chelsea on Thursday.')).toEqual(['Chelsea']);
  });

  it('reads a surname that folds onto an English word as a name ("Woolf" is not "wolf")', () => {
    expect(mentions('Another session looked at Virginia Woolf and her novels.')).toEqual([]);
  });
});

describe('recognition: state abbreviations that stand alone', () => {
  it('reads "NSW" and "Qld" as their states anywhere, but not "WA" or "ACT" alone', () => {
    expect(mentions('Horses fell ill in regional NSW this week.')).toEqual(['NSW']);
    expect(mentions('Cases rose in Qld. and in Victoria.')).toContain('Qld');
    expect(mentions('The WA team and the ACT branch met on Monday.')).toEqual([]);
  });
});
