/**
 * The page's first module, kept tiny: it starts downloading and parsing the corpus (the
 * longest step of a first render) while the app's own code is still on its way, then loads
 * the app. It must not import zod or anything that builds a schema (see zodJitless.ts).
 */
import { startCorpusLoad } from './state/corpus.ts';

void startCorpusLoad(window.location.search).catch(() => {
  // Reported by the app, which awaits the same promise.
});
void import('./main.tsx').then(() => performance.mark('newsmap:app-loaded'));
