import { describe, it, expect } from 'vitest';
import { tooltipElement } from '../../src/app/map/featureTooltip.ts';
import { buildFixture, XSS } from '../e2e/support/fixture.ts';

describe('map tooltips', () => {
  it('carry titles and place names as text, never as markup', () => {
    const f = structuredClone(buildFixture().corpus.features[0]!);
    f.properties.title = `Strike ${XSS}`;
    f.properties.place_name = XSS;
    const el = tooltipElement(f);
    expect(el.querySelector('img')).toBeNull();
    expect(el.textContent).toContain(`Strike ${XSS}`);
    expect(el.textContent).toContain(XSS);
  });
});
