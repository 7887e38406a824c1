import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childOf, decodeEntities, parseXml, textOf, XmlError } from '../../src/eval/xml.ts';
import {
  CorpusError, alignSpan, corpusOddities, emptyAlignment, readFixture, readFixtureDir, readGeoVirusXml, readToponymXml, readXmlCorpus,
} from '../../src/eval/corpora.ts';

// Every text below is made up for these tests; none comes from a corpus.

describe('parseXml', () => {
  it('keeps CDATA verbatim and decodes entities in plain text and attributes', () => {
    const root = parseXml('<?xml version="1.0"?>\n<a k="x &amp; y"><b><![CDATA[1 < 2 & "q"]]></b><c>Tom &amp; Jo &#233;&#x263A; &lt;</c></a>');
    expect(root.attrs.k).toBe('x & y');
    expect(textOf(childOf(root, 'b')!)).toBe('1 < 2 & "q"');
    expect(textOf(childOf(root, 'c')!)).toBe('Tom & Jo é☺ <');
  });

  it('skips comments, even ones holding tags, and self-closing elements', () => {
    const root = parseXml('<a><!-- <b>hidden</b> --><b/><b>seen</b></a>');
    expect(root.children.filter((c) => typeof c !== 'string').length).toBe(2);
    expect(textOf(root)).toBe('seen');
  });

  it('keeps whitespace, so offsets into a text stay exact', () => {
    expect(textOf(parseXml('<t>  two\n lines </t>'))).toBe('  two\n lines ');
  });

  it('fails on a mismatched or unclosed tag, naming the line', () => {
    expect(() => parseXml('<a>\n<b></c></a>')).toThrow(XmlError);
    expect(() => parseXml('<a>\n<b></c></a>')).toThrow(/line 2/);
    expect(() => parseXml('<a><b>')).toThrow(/unclosed element <b>/);
  });

  it('leaves an unknown entity as written', () => {
    expect(decodeEntities('a &nbsp; b &amp; c')).toBe('a &nbsp; b & c');
  });
});

const TOPONYM_XML = `<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="77">
    <dltime>2011-05-04 08:00:00.1-05</dltime>
    <text><![CDATA[Mayor Brill of Fenwick Falls met officials from Ostrava & Lyon.]]></text>
    <toponyms>
      <toponym>
        <start>15</start><end>28</end><phrase>Fenwick Falls</phrase>
      </toponym>
      <toponym>
        <start>48</start><end>55</end><phrase>Ostrava</phrase>
        <gaztag geonameid="1"><name>Ostrava</name><fclass>P</fclass><fcode>PPLA</fcode><lat>49.83</lat><lon>18.28</lon>
          <country geonameid="2">Czechia</country></gaztag>
      </toponym>
      <toponym>
        <start>60</start><end>64</end><phrase>Lyon</phrase>
        <gaztag geonameid="3"><name>Lyon</name><fcode>PPLA</fcode><lat>45.75</lat><lon>4.85</lon></gaztag>
      </toponym>
    </toponyms>
  </article>
  <article docid="78">
    <text>Rain in Quorn &amp; Tilby.</text>
    <toponyms count="1">
      <toponym><start>8</start><end>13</end><phrase>Quorn</phrase>
        <gaztag geonameid="4"><name>Quorn</name><fcode>PPL</fcode><lat>52.74</lat><lon>-1.17</lon></gaztag></toponym>
    </toponyms>
  </article>
</articles>`;

describe('readToponymXml (TR-News, LGL)', () => {
  const { articles, alignment } = readToponymXml(TOPONYM_XML);

  it('reads articles, dates, spans, names, feature codes and coordinates', () => {
    expect(articles.map((a) => a.id)).toEqual(['77', '78']);
    expect(articles[0]!.published).toBe('2011-05-04');
    expect(articles[1]!.published).toBeNull();
    const [falls, ostrava] = articles[0]!.toponyms;
    expect(falls).toMatchObject({ start: 15, end: 28, phrase: 'Fenwick Falls', lat: null, lon: null, fcode: null });
    expect(ostrava).toMatchObject({ phrase: 'Ostrava', name: 'Ostrava', fcode: 'PPLA', lat: 49.83, lon: 18.28, countryName: 'Czechia' });
  });

  it('moves a span that drifted to the phrase nearby and counts it', () => {
    // The gold says 60–64; "Lyon" is at 58 (the raw "&" inside CDATA is one character).
    const text = articles[0]!.text;
    const lyon = articles[0]!.toponyms[2]!;
    expect(text.slice(lyon.start, lyon.end)).toBe('Lyon');
    expect(lyon.start).toBe(text.indexOf('Lyon'));
    expect(alignment.checked).toBe(4);
    expect(alignment).toMatchObject({ mismatched: 1, realigned: 1, unaligned: 0, articles: 1, shifts: { '-2': 1 } });
  });

  it('decodes entities outside CDATA before offsets are applied', () => {
    const a = articles[1]!;
    expect(a.text).toBe('Rain in Quorn & Tilby.');
    expect(a.toponyms[0]!.phrase).toBe('Quorn');
  });
});

const GEOVIRUS_XML = `<articles>
    <article>
        <source>https://example.org/made-up</source>
        <text>Cases rose in Velmora and Dastrel &amp; nearby Korvin.</text>
        <locations>
            <!--<location><name>Ghost</name><start>1</start><end>2</end></location>-->
            <location>
                <location>
                <name>Velmora</name><start>15</start><end>22</end><lat>10.5</lat><lon>20.25</lon>
                <page>https://en.wikipedia.org/wiki/Velmora</page>
            </location>
                <name>Korvin</name><start>44</start><end>50</end><lat>-3</lat><lon>40</lon>
                <page>https://en.wikipedia.org/wiki/Korvin_(country)</page>
            </location>
            <location>
                <name>Dastrel</name><start>27</start><end>34</end><lat>11</lat><lon>21</lon>
                <page>https://en.wikipedia.org/wiki/Dastrel,_Velmora</page>
            </location>
        </locations>
    </article>
</articles>`;

describe('readGeoVirusXml', () => {
  const { articles, alignment } = readGeoVirusXml(GEOVIRUS_XML);
  const a = articles[0]!;

  it('reads every location, nested or not, in text order, and skips commented ones', () => {
    expect(a.toponyms.map((t) => t.phrase)).toEqual(['Velmora', 'Dastrel', 'Korvin']);
    expect(a.toponyms[2]).toMatchObject({ name: 'Korvin', lat: -3, lon: 40, page: 'https://en.wikipedia.org/wiki/Korvin_(country)' });
    expect(a.published).toBeNull();
  });

  it('realigns offsets counted from 1 and reports the shift', () => {
    for (const t of a.toponyms) expect(a.text.slice(t.start, t.end)).toBe(t.name);
    expect(alignment).toMatchObject({ checked: 3, mismatched: 3, realigned: 3, unaligned: 0, articles: 1, shifts: { '-1': 3 } });
  });
});

describe('alignSpan', () => {
  it('keeps a span that matches, moves one that drifted, keeps one it cannot place', () => {
    const al = emptyAlignment();
    const text = 'From Arlow to Brenn and back to Arlow.';
    expect(alignSpan(text, 5, 10, 'Arlow', al)).toEqual({ start: 5, end: 10, ok: true });
    expect(alignSpan(text, 30, 35, 'Arlow', al)).toEqual({ start: 32, end: 37, ok: false });
    expect(alignSpan(text, 14, 19, 'Zell', al)).toEqual({ start: 14, end: 19, ok: false });
    expect(al).toMatchObject({ checked: 3, mismatched: 2, realigned: 1, unaligned: 1, shifts: { '2': 1 } });
  });
});

const fixture = {
  id: 'fx-1',
  published: '2024-03-02',
  text: 'Officials in Harwick said Tallin Rovers lost.',
  toponyms: [{ start: 13, end: 20, name: 'Harwick', lat: 51.9, lon: 1.28 }],
  nonlocational: [{ start: 26, end: 39, type: 'team' }],
};

describe('readFixture', () => {
  it('reads a fixture, taking the phrase from the text', () => {
    const a = readFixture(JSON.stringify(fixture), 'fx-1.json');
    expect(a.toponyms[0]).toMatchObject({ phrase: 'Harwick', name: 'Harwick', kind: null });
    expect(a.nonlocational).toEqual([{ start: 26, end: 39, type: 'team' }]);
  });

  it('fails in one line naming the file and field', () => {
    expect(() => readFixture('{', 'bad.json')).toThrow(/^bad\.json: not JSON/);
    const wrongType = { ...fixture, nonlocational: [{ start: 1, end: 2, type: 'band' }] };
    expect(() => readFixture(JSON.stringify(wrongType), 'f.json')).toThrow(/^f\.json: nonlocational\.0\.type/);
    const outside = { ...fixture, toponyms: [{ start: 40, end: 99, name: 'X', lat: 0, lon: 0 }] };
    expect(() => readFixture(JSON.stringify(outside), 'f.json')).toThrow(CorpusError);
    expect(() => readFixture(JSON.stringify(outside), 'f.json')).toThrow(/toponyms\[0\]: span 40-99 is not inside the text/);
  });

  it('an absent or empty directory is an empty corpus; files are read in name order', () => {
    expect(readFixtureDir('/nonexistent/dir/for/eval').articles).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'eval-fixtures-'));
    expect(readFixtureDir(dir).articles).toEqual([]);
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ ...fixture, id: 'b' }));
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ ...fixture, id: 'a' }));
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    expect(readFixtureDir(dir).articles.map((a) => a.id)).toEqual(['a', 'b']);
  });
});

describe('readXmlCorpus and oddities', () => {
  it('a missing corpus file is one line naming the path', () => {
    expect(() => readXmlCorpus('lgl', '/nonexistent/corpora')).toThrow(/^\/nonexistent\/corpora\/lgl\.xml: cannot read corpus \(ENOENT\)$/);
  });

  it('counts duplicate texts and duplicate or overlapping gold spans', () => {
    const { articles } = readToponymXml(TOPONYM_XML);
    const copy = { ...articles[1]!, id: 'copy', toponyms: [...articles[1]!.toponyms, articles[1]!.toponyms[0]!, { ...articles[1]!.toponyms[0]!, end: 20 }] };
    const odd = corpusOddities({ name: 'lgl', source: '', articles: [...articles, copy], alignment: emptyAlignment() });
    expect(odd).toEqual({ duplicateTexts: 1, duplicateGold: 1, overlappingGold: 1 });
  });
});
