/**
 * Issue 10, "KML": the KML export keeps each kind's style and each event's TimeStamp (so
 * Google Earth's time slider works) and is named after the filter like the other exports.
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { eventCount, openDashboard, sessionPerFile } from './support/harness.ts';
import { buildFixture } from './support/fixture.ts';
import { filesMenuItem } from './support/menu.ts';

const session = sessionPerFile();

describe('KML export (issue 10)', () => {
  it('styles each kind, stamps each dated event and names the file after the filter', async () => {
    const fixture = buildFixture();
    const { page, errors } = await openDashboard(session, '?from=2013-01-01&to=2024-04-30&actors=Israel,Iran,United+States,Pakistan');
    await expect.poll(() => eventCount(page)).toBeGreaterThan(0);
    const shown = await eventCount(page);
    const [download] = await Promise.all([page.waitForEvent('download'), (await filesMenuItem(page, 'Export KML')).click()]);
    expect(download.suggestedFilename()).toBe('newsmap_2013-01-01_2024-04-30_Israel+Iran+United-States+Pakistan.kml');
    const text = await readFile((await download.path())!, 'utf8');

    // Parsed by the browser's own XML parser, as Google Earth would read it.
    const parsed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      const ns = 'http://www.opengis.net/kml/2.2';
      const styles = [...doc.getElementsByTagNameNS(ns, 'Style')].map((s) => ({ id: s.getAttribute('id'), icon: s.getElementsByTagNameNS(ns, 'href')[0]?.textContent ?? null, line: s.getElementsByTagNameNS(ns, 'LineStyle').length > 0 }));
      const placemarks = [...doc.getElementsByTagNameNS(ns, 'Placemark')].map((p) => ({
        id: p.getAttribute('id'),
        style: p.getElementsByTagNameNS(ns, 'styleUrl')[0]?.textContent ?? null,
        when: p.getElementsByTagNameNS(ns, 'TimeStamp')[0]?.getElementsByTagNameNS(ns, 'when')[0]?.textContent ?? null,
      }));
      return { error: doc.getElementsByTagName('parsererror').length, styles, placemarks };
    }, text);
    expect(parsed.error).toBe(0);
    expect(parsed.placemarks).toHaveLength(shown);
    const styleIds = parsed.styles.map((s) => s.id);
    for (const pm of parsed.placemarks) {
      const f = fixture.corpus.features.find((x) => x.id === pm.id)!;
      const p = f.properties;
      const kindStyle = p.kind === 'pipeline' ? `pipeline-${p.status}` : p.kind;
      expect(pm.style, pm.id!).toBe(`#${kindStyle}`);
      expect(styleIds).toContain(kindStyle);
      expect(pm.when, pm.id!).toBe(p.date);
    }
    // Every kind of the fixture is in this export, each drawn its own way.
    expect(new Set(parsed.placemarks.map((p) => p.style))).toEqual(new Set(['#strike', '#base', '#pipeline-built']));
    expect(parsed.styles.find((s) => s.id === 'strike')!.icon).toMatch(/star/);
    expect(parsed.styles.find((s) => s.id === 'base')!.icon).toMatch(/square/);
    expect(parsed.styles.find((s) => s.id === 'pipeline-built')!.line).toBe(true);
    expect(parsed.placemarks.filter((p) => p.when !== null).length).toBeGreaterThan(3);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
