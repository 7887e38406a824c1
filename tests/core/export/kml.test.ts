import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeXml, exportKML, kmlStyleId, kmlWhen } from '../../../src/core/engine/export/kml.ts';
import { exportFileName } from '../../../src/core/engine/export/filename.ts';
import { DEFAULT_FILTER } from '../../../src/core/engine/filter/filterState.ts';
import { corpusArb } from '../filter/arbitraries.ts';

describe('exportKML (issue 10)', () => {
  it('gives every placemark its kind\'s style and, when dated, a TimeStamp', () => {
    fc.assert(fc.property(corpusArb, (corpus) => {
      const kml = exportKML(corpus);
      const placemarks = kml.match(/<Placemark[\s\S]*?<\/Placemark>/g) ?? [];
      expect(placemarks).toHaveLength(corpus.length);
      corpus.forEach((f, i) => {
        const pm = placemarks[i]!;
        const id = kmlStyleId(f.properties);
        expect(pm).toContain(`<styleUrl>#${id}</styleUrl>`);
        expect(kml).toContain(`<Style id="${id}">`);
        if (f.properties.date === null) expect(pm).not.toContain('<TimeStamp>');
        else expect(pm).toContain(`<TimeStamp><when>${kmlWhen(f.properties)}</when></TimeStamp>`);
      });
    }));
  });

  it('cuts the TimeStamp to the date\'s precision and styles pipelines by status', () => {
    expect(kmlWhen({ date: '2024-04-19', date_precision: 'day' })).toBe('2024-04-19');
    expect(kmlWhen({ date: '2024-04-01', date_precision: 'month' })).toBe('2024-04');
    expect(kmlWhen({ date: '2024-01-01', date_precision: 'year' })).toBe('2024');
    expect(kmlWhen({ date: null, date_precision: null })).toBeNull();
    expect(kmlStyleId({ kind: 'pipeline', status: 'built' } as never)).toBe('pipeline-built');
    expect(kmlStyleId({ kind: 'pipeline', status: 'planned' } as never)).toBe('pipeline-planned');
    expect(kmlStyleId({ kind: 'strike' } as never)).toBe('strike');
  });

  it('escapes text and drops characters XML cannot hold', () => {
    expect(escapeXml('<img src=x onerror="a(1)"> & \u0001\'')).toBe('&lt;img src=x onerror=&quot;a(1)&quot;&gt; &amp; &apos;');
  });

  it('is named after the filter, like the other exports', () => {
    expect(exportFileName({ ...DEFAULT_FILTER, from: '2024-01-01', to: '2024-04-30', actors: ['Israel'] }, 'kml')).toBe('newsmap_2024-01-01_2024-04-30_Israel.kml');
    expect(exportFileName(DEFAULT_FILTER, 'kml')).toBe('newsmap_all.kml');
  });
});
