import type { GazetteerFile } from '../../core/geoparser/gazetteer/schema.ts';
import type { NewsmapFeature } from '../../core/geoparser/geojson/schema.ts';
import type { WorkflowServices } from './workspaceContext.ts';

/**
 * Sets the analyst's gazetteer layer, then geoparses every stored article that has its text
 * again with it, in the worker, so an alias holds for the articles already added as well as
 * for later ones ("Canada" is Canada in all of them, every mention). The corrections are kept:
 * they are anchored to words and offsets, not to the old features, and re-attach by themselves.
 * Returns the number of articles re-geoparsed, or null if the layer could not be saved.
 */
export async function setUserGazetteerAndReparse(services: Pick<WorkflowServices, 'controller' | 'geoparser' | 'toast'>, layer: GazetteerFile): Promise<number | null> {
  const { controller, geoparser, toast } = services;
  if (!(await controller.setUserGazetteer(layer))) return null;
  const articles = controller.snapshot.workspace.articles.filter((a) => a.text.trim() !== '');
  if (!articles.length) return 0;
  const updates = new Map<string, NewsmapFeature[]>();
  try {
    for (const a of articles) {
      const outcome = await geoparser.parseText({ id: a.id, title: a.title, published: a.published, source: a.source, text: a.text }, undefined, layer);
      updates.set(a.id, outcome.collection.features);
    }
  } catch (e) {
    controller.say(`The stored articles could not be geoparsed again with the new gazetteer (${(e instanceof Error ? e.message : String(e)).split('\n')[0]}); they keep their places.`);
    return null;
  }
  // Another change may have come in meanwhile: only articles still stored, with the text parsed.
  const current = new Map(controller.snapshot.workspace.articles.map((a) => [a.id, a.text]));
  for (const a of articles) if (current.get(a.id) !== a.text) updates.delete(a.id);
  if (!(await controller.updateArticleFeatures(updates))) return null;
  toast(`Geoparsed ${updates.size} stored article${updates.size === 1 ? '' : 's'} again with your gazetteer; every correction kept.`);
  return updates.size;
}
