import type { Locator, Page } from 'playwright-core';

/** The header's "More files" menu item `name` (KML, project and user-gazetteer files), the menu opened first. */
export async function filesMenuItem(page: Page, name: string): Promise<Locator> {
  const button = page.getByRole('button', { name: 'More files' });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  return page.getByRole('menu', { name: 'More files' }).getByRole('menuitem', { name });
}
