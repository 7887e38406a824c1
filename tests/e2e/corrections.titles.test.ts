import { describe, expect, it } from 'vitest';
import { openDashboard, sessionPerFile } from './support/harness.ts';
import { exportGeoJson } from './support/articles.ts';

/** Titles follow corrections (issue 10): a strike corrected to the United States is no longer an "Israeli strike". */
const session = sessionPerFile();

describe('titles follow corrections (built app, offline Chromium)', () => {
  it('a strike whose initiator is corrected to the United States is titled "US strike", in the list, the popup and the export', async () => {
    const { page, errors } = await openDashboard(session, '?article=a-isfahan');
    const reader = page.getByRole('complementary', { name: 'Article reader' });
    await reader.locator('.reader__text button.mention', { hasText: 'Isfahan' }).click();
    const form = reader.getByRole('region', { name: 'Correct mention' }).getByRole('form', { name: 'Edit event' });
    await form.getByLabel('Actor').fill('United States');
    await form.getByRole('button', { name: 'Save edit' }).click();
    const strike = async () => (await exportGeoJson(page)).features.find((f) => f.properties.article_id === 'a-isfahan' && f.properties.mention === 'Isfahan')!.properties;
    await expect.poll(async () => (await strike()).actor).toBe('United States');
    expect((await strike()).title).toBe('US strike near Isfahan');
    expect(await page.getByRole('option', { name: /Israeli strike near Isfahan/ }).count()).toBe(0);
    expect(await page.getByRole('option', { name: /US strike near Isfahan/ }).count()).toBe(1);
    await page.getByRole('option', { name: /US strike near Isfahan/ }).click();
    await expect.poll(() => page.locator('.leaflet-popup .feature-popup h3').first().textContent(), { timeout: 30_000 }).toBe('US strike near Isfahan');

    // A place change renames the place in the title too.
    await reader.locator('.reader__text button.mention', { hasText: 'Isfahan' }).click();
    const editor = reader.getByRole('region', { name: 'Correct mention' });
    await editor.getByLabel('Place name').fill('Palmyra');
    await editor.getByRole('button', { name: 'Change place' }).click();
    await editor.getByRole('button', { name: /^Palmyra, SY \(city\)/ }).click();
    await expect.poll(async () => (await strike()).title).toBe('US strike near Palmyra');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
