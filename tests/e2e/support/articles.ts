import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { NewsmapCollection } from '../../../src/core/geoparser/geojson/schema.ts';

/** Pastes an article through the "Add article" form and waits until it is parsed and added. */
export async function addArticle(page: Page, title: string, text: string, published = '2024-03-29', source = 'https://example.org/t4'): Promise<void> {
  await page.getByRole('button', { name: 'Add article' }).click();
  const form = page.getByRole('form', { name: 'Add article' });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Published').fill(published);
  await form.getByLabel('Source URL').fill(source);
  await form.getByLabel('Article text').fill(text);
  await form.getByRole('button', { name: 'Parse and add' }).click();
  await form.waitFor({ state: 'detached', timeout: 60_000 });
}

/** The filtered set as "Export GeoJSON" downloads it. */
export async function exportGeoJson(page: Page): Promise<NewsmapCollection> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export GeoJSON' }).click()]);
  return JSON.parse(await readFile((await download.path())!, 'utf8')) as NewsmapCollection;
}

/** In the open reader: changes a mention's place through "Change place", then accepts the offered alias. */
export async function changePlaceAndAddAlias(page: Page, mention: string, query: string, choice: RegExp): Promise<void> {
  const reader = page.getByRole('complementary', { name: 'Article reader' });
  const editor = reader.getByRole('region', { name: 'Correct mention' });
  await reader.locator('.reader__text button.mention', { hasText: mention }).click();
  await editor.getByLabel('Place name').fill(query);
  await editor.getByRole('button', { name: 'Change place' }).click();
  await editor.getByRole('button', { name: choice }).click();
  await editor.getByRole('button', { name: `Add “${mention}” as an alias` }).click();
}
