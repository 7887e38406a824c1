import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDashboard, sessionPerFile } from './support/harness.ts';
import { exportGeoJson } from './support/articles.ts';

/**
 * "Change place" (issue 10): found under its alternate names (Karak, Jordan as "Karak",
 * "Al-Karak" and "Kerak"), one row per place, and namesakes told apart by region, population
 * and coordinates (the Cañadas of Mexico).
 */
const session = sessionPerFile();

const editor = (page: Page) => page.getByRole('complementary', { name: 'Article reader' }).getByRole('region', { name: 'Correct mention' });

async function search(page: Page, name: string): Promise<string[]> {
  await editor(page).getByLabel('Place name').fill(name);
  await editor(page).getByRole('button', { name: 'Change place' }).click();
  const list = editor(page).locator(`ul.candidates[data-query="${name}"]`);
  await list.waitFor();
  return list.getByRole('button').allTextContents();
}

describe('"Change place" search (built app, offline Chromium)', () => {
  it('finds Karak, Jordan by its alternate names, one row per place, namesakes told apart', async () => {
    const { page, errors } = await openDashboard(session, '?article=a-isfahan');
    await page.getByRole('complementary', { name: 'Article reader' }).locator('.reader__text button.mention', { hasText: 'Karachi' }).click();
    for (const name of ['Karak', 'Al-Karak', 'Kerak']) {
      const rows = await search(page, name);
      expect(rows.some((r) => /^Karak City, JO \(city\).* · Karak Governorate · pop\. [\d,]+ · 31\.16\d, 35\.76\d$/.test(r)), `${name}: ${rows.join(' | ')}`).toBe(true);
    }
    // The alternate name that matched is named when it is not the place's own.
    expect((await search(page, 'Kerak')).find((r) => r.startsWith('Karak City'))).toContain('as “Kerak”');

    const canada = await search(page, 'Cañada');
    expect(new Set(canada).size).toBe(canada.length);
    const mx = canada.filter((r) => r.startsWith('Cañada, MX (city)'));
    expect(mx.length, canada.join(' | ')).toBeGreaterThan(1);
    expect(mx.every((r) => / · [A-Z][^·]+ · (pop\. [\d,]+ · )?-?\d+\.\d{3}, -?\d+\.\d{3}$/.test(r))).toBe(true);

    // Choosing the row moves the mention there.
    await search(page, 'Kerak');
    await editor(page).getByRole('button', { name: /^Karak City, JO/ }).click();
    await expect.poll(async () => (await exportGeoJson(page)).features.find((f) => f.properties.mention === 'Karachi')?.properties.place_name).toBe('Karak City');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
