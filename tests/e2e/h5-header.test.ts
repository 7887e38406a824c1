/**
 * Issue 10, "Header": the rarely used file actions (KML, project and user-gazetteer files) sit in
 * one menu button with aria-expanded, operable from the keyboard; the feature count appears once.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDashboard, sessionPerFile } from './support/harness.ts';
import { buildFixture } from './support/fixture.ts';

const session = sessionPerFile();

const TOTAL = buildFixture().corpus.features.length;
const RARE = ['Export KML', 'Export project', 'Import project', 'Export user gazetteer'];
const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('the header (issue 10)', () => {
  it('says the feature count once and keeps the rarely used file actions in a keyboard-operable menu', async () => {
    const { page, errors } = await openDashboard(session);
    // The count, once: "9 of 9 features from 4 articles", nowhere else.
    const text = await page.locator('body').innerText();
    expect(text.match(/\b\d[\d,]* (?:of [\d,]+ )?features\b/g)).toEqual([`${TOTAL} of ${TOTAL} features`]);

    const header = page.locator('header.topbar');
    for (const name of RARE) expect(await header.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    expect(await header.getByRole('button', { name: 'Export GeoJSON' }).count()).toBe(1);
    const button = header.getByRole('button', { name: 'More files' });
    expect(await button.getAttribute('aria-haspopup')).toBe('menu');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    const menu = page.getByRole('menu', { name: 'More files' });
    expect(await menu.isVisible()).toBe(false);

    // Keyboard: Enter opens it on its first item; arrows, Home and End move; Esc closes it and returns.
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(RARE);
    await expect.poll(() => focused(page)).toBe('Export KML');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focused(page)).toBe('Export project');
    await page.keyboard.press('End');
    await expect.poll(() => focused(page)).toBe('Export user gazetteer');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focused(page)).toBe('Export KML');
    await page.keyboard.press('Escape');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.isVisible()).toBe(false);
    expect(await focused(page)).toBe('More files ▾');

    // ↓ on the button opens it too; Enter on an item runs it (a KML download) and closes the menu.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focused(page)).toBe('Export KML');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/\.kml$/);
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');

    // A click elsewhere closes it.
    await button.click();
    await expect.poll(() => menu.isVisible()).toBe(true);
    await page.locator('h1').click();
    await expect.poll(() => menu.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
