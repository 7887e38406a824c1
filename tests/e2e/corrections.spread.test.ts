import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDashboard, sessionPerFile } from './support/harness.ts';
import { addArticle, exportGeoJson } from './support/articles.ts';

/**
 * Aliases and corrections spread (issue 10): to the other mentions of the name in the article
 * and in the workspace when asked, to the stored articles (geoparsed again with the analyst's
 * gazetteer) and to later ones; every correction is listed with its own undo; "Not a place"
 * stays visible and undoable. Article texts written for this test.
 */
const session = sessionPerFile();

const TRIPOLI = 'Fighting was reported in Tripoli on Monday. Aid convoys reached Tripoli on Tuesday, officials said.';

const reader = (page: Page) => page.getByRole('complementary', { name: 'Article reader' });
const editor = (page: Page) => reader(page).getByRole('region', { name: 'Correct mention' });

async function placesOf(page: Page, title: string, mention: string): Promise<string[]> {
  return (await exportGeoJson(page)).features.filter((f) => f.properties.article_title === title && f.properties.mention === mention).sort((a, b) => a.properties.span[0] - b.properties.span[0]).map((f) => f.properties.place_id);
}

async function changeFirstTripoli(page: Page): Promise<void> {
  await reader(page).locator('.reader__text button.mention', { hasText: 'Tripoli' }).first().click();
  await editor(page).getByLabel('Place name').fill('Tripoli');
  await editor(page).getByRole('button', { name: 'Change place' }).click();
  await editor(page).getByRole('button', { name: /^Tripoli, LB \(city\)/ }).click();
  await expect.poll(() => placesOf(page, 'Tripoli report', 'Tripoli')).toEqual(['tripoli-lebanon', 'tripoli-libya']);
}

describe('corrections spread (built app, offline Chromium)', () => {
  it('applies to every mention in the article on request, undoes from the list, and an alias re-geoparses stored articles and holds for later ones', async () => {
    const { page, errors } = await openDashboard(session);
    await addArticle(page, 'Tripoli report', TRIPOLI);
    await expect.poll(() => placesOf(page, 'Tripoli report', 'Tripoli')).toEqual(['tripoli-libya', 'tripoli-libya']);

    // One mention corrected; then the same change for every "Tripoli" of the article.
    await changeFirstTripoli(page);
    await editor(page).getByRole('button', { name: 'Apply to every “Tripoli” in this article' }).click();
    await expect.poll(() => placesOf(page, 'Tripoli report', 'Tripoli')).toEqual(['tripoli-lebanon', 'tripoli-lebanon']);

    // The corrections list: one row, with its own Undo.
    await page.getByRole('button', { name: /^Corrections \(1\)/ }).click();
    const panel = page.getByRole('region', { name: 'Corrections' });
    const rows = panel.getByRole('list', { name: 'All corrections' }).getByRole('listitem');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('“Tripoli” → Tripoli (LB) (every mention in the article)');
    await rows.first().getByRole('button', { name: /^Undo/ }).click();
    await expect.poll(() => placesOf(page, 'Tripoli report', 'Tripoli')).toEqual(['tripoli-libya', 'tripoli-libya']);
    await panel.getByRole('button', { name: 'Close corrections' }).click();

    // An alias: the stored article is geoparsed again with it, so its other "Tripoli" follows,
    // with no article-wide correction.
    await changeFirstTripoli(page);
    await editor(page).getByRole('button', { name: 'Add “Tripoli” as an alias' }).click();
    await expect.poll(() => placesOf(page, 'Tripoli report', 'Tripoli'), { timeout: 30_000 }).toEqual(['tripoli-lebanon', 'tripoli-lebanon']);
    // ... and a later article.
    await addArticle(page, 'Later report', 'Shelling hit Tripoli overnight, residents said.');
    await expect.poll(() => placesOf(page, 'Later report', 'Tripoli'), { timeout: 30_000 }).toEqual(['tripoli-lebanon']);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('"Not a place" stays visible, struck, in the reader and the list; applied to the workspace it reaches the seeds; each undo works', async () => {
    const { page, errors } = await openDashboard(session);
    await addArticle(page, 'Karachi talks', 'Diplomats met in Karachi on Monday to discuss the ceasefire.');
    const karachis = async () => (await exportGeoJson(page)).features.filter((f) => f.properties.mention === 'Karachi').map((f) => f.properties.article_title).sort();
    await expect.poll(karachis).toEqual(['Israel strikes near Isfahan after Iranian barrage', 'Karachi talks']);

    await reader(page).locator('.reader__text button.mention', { hasText: 'Karachi' }).click();
    await editor(page).getByRole('button', { name: 'Not a place' }).click();
    // Off the map and the list, still in the text, struck, and its panel offers the undo.
    await expect.poll(karachis).toEqual(['Israel strikes near Isfahan after Iranian barrage']);
    const struck = reader(page).locator('.reader__text button.mention--struck', { hasText: 'Karachi' });
    await expect.poll(() => struck.count()).toBe(1);
    expect(await struck.locator('del').count()).toBe(1);
    await expect.poll(() => editor(page).textContent()).toContain('marked not a place');

    // Every "Karachi" in the workspace: the seed article's too.
    await editor(page).getByRole('button', { name: 'Apply to every “Karachi” in the workspace' }).click();
    await expect.poll(karachis).toEqual([]);
    await page.goto(`${session.server.url}/?article=a-isfahan`);
    await expect.poll(() => reader(page).locator('.reader__text button.mention--struck', { hasText: 'Karachi' }).count()).toBe(1);

    // The list shows it struck, with its undo; the undo brings both mentions back.
    await page.getByRole('button', { name: /^Corrections \(1\)/ }).click();
    const row = page.getByRole('region', { name: 'Corrections' }).getByRole('listitem').first();
    expect(await row.locator('del').textContent()).toContain('“Karachi” is not a place (every mention in the workspace)');
    await row.getByRole('button', { name: /^Undo/ }).click();
    await expect.poll(karachis).toHaveLength(2);
    expect(await reader(page).locator('.reader__text button.mention--struck').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
