import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchSynonyms } from './state/searchSynonyms.ts';
import { DEFAULT_FILTER, describeUndated, type FilterState } from '../core/engine/filter/filterState.ts';
import { buildFeatureTable, featureById } from '../core/engine/filter/featureTable.ts';
import { queryTable } from '../core/engine/filter/queryTable.ts';
import { featureRows } from '../core/engine/filter/featureRows.ts';
import { MapView } from './map/MapView.tsx';
import { buildActorPalette } from './map/symbols.ts';
import { ActorFilter } from './panels/ActorFilter.tsx';
import { DateRange } from './panels/DateRange.tsx';
import { EventList } from './panels/EventList.tsx';
import { ExportButtons } from './panels/ExportButtons.tsx';
import { KindFilter } from './panels/KindFilter.tsx';
import { PrecisionFilter } from './panels/PrecisionFilter.tsx';
import { EventTypeFilter, eventTypeRows } from './panels/EventTypeFilter.tsx';
import { CODED_EVENT_TYPES } from '../core/geoparser/events/eventVocabulary.ts';
import { Notes } from './panels/Notes.tsx';
import { SearchBox } from './panels/SearchBox.tsx';
import { Timeline } from './panels/Timeline.tsx';
import type { Corpus } from './state/corpus.ts';
import { SelectionContext, type Selection } from './state/selection.ts';
import { useCorpus } from './state/useCorpus.ts';
import { warmSearchWhenIdle } from './state/searchWarmup.ts';
import { onIdle } from './state/idle.ts';
import { setQueryParam, useUrlFilter } from './state/useUrlFilter.ts';
import { WorkspaceController } from './storage/controller.ts';
import { idbBackend } from './storage/idbBackend.ts';
import { MemoryBackend } from './storage/memoryBackend.ts';
import { GeoparseClient } from '../worker/client.ts';
import { AddArticlePanel } from './workflow/AddArticlePanel.tsx';
import { CorrectionsButton, CorrectionsPanel, unattachedSentence } from './workflow/CorrectionsPanel.tsx';
import { ReaderPane } from './workflow/ReaderPane.tsx';
import { useAnchorMigration } from './workflow/anchorMigration.ts';
import type { Correction, Unattached } from '../core/engine/corrections/corrections.ts';
import { mergeCorpus } from './workflow/mergeCorpus.ts';
import { Toasts } from './workflow/Toast.tsx';
import { NO_TOASTS, dismissToast, pushToast } from './workflow/toastStack.ts';
import { WorkflowContext, useWorkspaceSnapshot, type WorkflowServices } from './workflow/workspaceContext.ts';
import { WorkspaceFiles } from './workflow/WorkspaceFiles.tsx';

function makeController(): WorkspaceController {
  if (typeof indexedDB === 'undefined') {
    const c = new WorkspaceController(new MemoryBackend());
    c.say('This browser offers no IndexedDB: added articles and corrections last only until the page closes.');
    return c;
  }
  const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('newsmap-workspace');
  return new WorkspaceController(idbBackend(), channel);
}

export function App() {
  const status = useCorpus();
  const [controller] = useState(makeController);
  const [geoparser] = useState(() => new GeoparseClient());
  const snapshot = useWorkspaceSnapshot(controller);
  useEffect(() => {
    void controller.load();
  }, [controller]);
  const [empty] = useState(emptyCorpus);
  if (status.state === 'error') {
    return (
      <p className="splash splash--error" role="alert">
        Could not load the corpus: {status.message}
      </p>
    );
  }
  // The dashboard shows at once, empty, while the corpus downloads: the map, its basemap and
  // the cluster worker get ready meanwhile instead of after it.
  const loading = status.state === 'loading' || !snapshot.ready;
  return <Dashboard seeds={loading ? empty : status.corpus} loading={loading} controller={controller} geoparser={geoparser} />;
}

const NO_UNATTACHED: Unattached[] = [];
const NO_MIGRATED: Correction[] = [];

function emptyCorpus(): Corpus {
  return { features: [], table: buildFeatureTable([]), articles: new Map(), notes: [] };
}

function Dashboard({ seeds, loading, controller, geoparser }: { seeds: Corpus; loading: boolean; controller: WorkspaceController; geoparser: GeoparseClient }) {
  const snapshot = useWorkspaceSnapshot(controller);
  const merged = useMemo(() => mergeCorpus(seeds.features, seeds.articles, snapshot.workspace), [seeds, snapshot.workspace]);
  const corpus = useMemo(() => ({ ...seeds, features: merged.features, articles: merged.articles }), [seeds, merged]);
  const [toasts, setToasts] = useState(NO_TOASTS);
  const toast = useCallback((message: string, undo?: () => void) => setToasts((s) => pushToast(s, message, undo)), []);
  const dismissOne = useCallback((seq: number) => setToasts((s) => dismissToast(s, seq)), []);
  const services = useMemo<WorkflowServices>(() => ({ controller, geoparser, toast }), [controller, geoparser, toast]);
  const [adding, setAdding] = useState(false);
  // Columns built once per corpus, rows in list order; every filter change is then one pass
  // over typed arrays, and the list never re-sorts.
  // The seeds' table was built while they downloaded; only the analyst's changes rebuild it.
  const table = useMemo(() => (corpus.features === seeds.features ? seeds.table : buildFeatureTable(corpus.features)), [corpus, seeds]);
  const all = table.features;
  // One throwaway query with an actor filter while idle: V8 optimises the filter pass only
  // after running it, and the first click after load took 3–4× longer than the next ones.
  // Scheduled before the search warm-up, which takes many idle periods.
  useEffect(() => onIdle(() => void queryTable(table, { ...DEFAULT_FILTER, actors: table.actors.slice(1) })), [table]);
  useEffect(() => warmSearchWhenIdle(table), [table]);
  const actorsByFrequency = table.actors as string[];
  const palette = useMemo(() => buildActorPalette(actorsByFrequency), [actorsByFrequency]);

  // Until the corpus is in, the URL's actors cannot be checked against it: keep them as they are.
  const { filter, setFilter, notes, dismissNotes } = useUrlFilter(loading ? null : actorsByFrequency);
  // Place synonyms for the search, loaded in idle time; a search works without them meanwhile.
  const synonyms = useSearchSynonyms(snapshot.workspace.userGazetteer);
  const searchSynonyms = filter.q.trim() === '' ? null : synonyms;
  const view = useMemo(() => queryTable(table, filter, searchSynonyms), [table, filter, searchSynonyms]);
  const rows = useMemo(() => featureRows(all, view.indices), [all, view]);
  // Facet counts: each facet counted under every other filter, so a count says what ticking it gives.
  const actorCounts = useMemo(() => table.actors.map((actor, k) => ({ actor, count: view.actorCounts[k]! })), [table, view]);
  const kindCounts = view.kindCounts;
  const eventTypes = useMemo(() => eventTypeRows(CODED_EVENT_TYPES, table.eventTypes, view.eventTypeCounts, filter.eventTypes), [table, view, filter.eventTypes]);
  // One sentence for the date panel and the timeline, from the same counts.
  const undatedNote = useMemo(() => describeUndated(view, filter), [view, filter]);

  const [selection, setSelection] = useState<Selection>(() => {
    // An article the corpus does not have (once loaded) simply opens no reader.
    const article = new URLSearchParams(window.location.search).get('article');
    return { selectedId: null, hoveredId: null, flySeq: 0, readerArticleId: article };
  });
  const select = useCallback((id: string | null, options?: { fly?: boolean }) => {
    setSelection((s) => ({ ...s, selectedId: id, flySeq: options?.fly && id ? s.flySeq + 1 : s.flySeq }));
  }, []);
  const hover = useCallback((id: string | null) => setSelection((s) => (s.hoveredId === id ? s : { ...s, hoveredId: id })), []);
  const openReader = useCallback((articleId: string | null) => {
    setQueryParam('article', articleId);
    setSelection((s) => ({ ...s, readerArticleId: articleId }));
  }, []);
  const selectionValue = useMemo(() => ({ ...selection, select, hover, openReader }), [selection, select, hover, openReader]);

  const update = useCallback((patch: Partial<FilterState>) => setFilter((prev) => ({ ...prev, ...patch })), [setFilter]);
  const setRange = useCallback((from: string | null, to: string | null) => update({ from, to }), [update]);
  const setQuery = useCallback((q: string) => update({ q }), [update]);

  const readerArticle = selection.readerArticleId ? (corpus.articles.get(selection.readerArticleId) ?? null) : null;
  // Only the reader needs this set; 100k ids per filter change are not free.
  const visibleIds = useMemo(
    () => (readerArticle ? new Set(rows.toArray().filter((f) => f.properties.article_id === readerArticle.id).map((f) => f.id)) : new Set<string>()),
    [rows, readerArticle],
  );
  const readerFeatures = useMemo(
    () => (readerArticle ? all.filter((f) => f.properties.article_id === readerArticle.id) : []),
    [all, readerArticle],
  );
  const articleCount = table.articleCount;

  // The corrections that touch the open article: its own, and workspace-wide ones reaching it.
  const readerCorrections = useMemo(() => {
    if (!readerArticle) return [];
    const ids = new Set(readerFeatures.map((f) => f.id));
    for (const r of merged.removed.get(readerArticle.id) ?? []) ids.add(r.feature.id);
    return snapshot.workspace.corrections.filter((c) => (c.scope !== 'workspace' && c.article_id === readerArticle.id) || merged.attached.get(c.id)?.some((id) => ids.has(id)));
  }, [readerArticle, readerFeatures, merged, snapshot.workspace.corrections]);
  const [correctionsOpen, setCorrectionsOpen] = useState(false);
  // Until the corpus is in, its articles' corrections have nothing to attach to yet.
  const unattached = loading ? NO_UNATTACHED : merged.unattached;
  useAnchorMigration(controller, loading ? NO_MIGRATED : merged.migrated);
  const allNotes = [...corpus.notes, ...notes, ...snapshot.messages, ...(unattached.length ? [`${unattachedSentence(unattached.length)}: see Corrections.`] : [])];
  const dismiss = notes.length > 0 || snapshot.messages.length > 0 ? () => { dismissNotes(); controller.dismissMessages(); } : undefined;

  return (
    <WorkflowContext.Provider value={services}>
    <SelectionContext.Provider value={selectionValue}>
      <div className={`app${readerArticle ? ' app--reader' : ''}`} aria-busy={loading}>
        <header className="topbar">
          <h1>newsmap</h1>
          <p className="hint" role="status">
            {loading ? 'Loading the corpus…' : `${rows.length.toLocaleString('en')} of ${all.length.toLocaleString('en')} features from ${articleCount} article${articleCount === 1 ? '' : 's'}`}
          </p>
          <ExportButtons rows={rows} filter={filter} />
          <WorkspaceFiles rows={rows} filter={filter} known={(id) => featureById(table, id)} />
          <CorrectionsButton count={snapshot.workspace.corrections.length} unattached={unattached.length} open={correctionsOpen} onToggle={() => setCorrectionsOpen((o) => !o)} />
          <button type="button" aria-expanded={adding} onClick={() => setAdding((a) => !a)}>
            Add article
          </button>
        </header>
        <Notes notes={allNotes} onDismiss={dismiss} />
        {adding && <AddArticlePanel onClose={() => setAdding(false)} />}
        <Toasts items={toasts.items} onDismiss={dismissOne} />
        <aside className="sidebar" aria-label="Filters and events">
          <form className="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
            <SearchBox value={filter.q} onChange={setQuery} />
            <DateRange from={filter.from} to={filter.to} includeUndated={filter.undated} undatedNote={undatedNote} onChange={setRange} onIncludeUndated={(undated) => update({ undated })} />
            <KindFilter kinds={filter.kinds} counts={kindCounts} onChange={(kinds) => update({ kinds })} />
            <PrecisionFilter precisions={filter.precisions} counts={view.precisionCounts} onChange={(precisions) => update({ precisions })} />
            <EventTypeFilter types={eventTypes} selected={filter.eventTypes} onChange={(eventTypes) => update({ eventTypes })} />
            <ActorFilter actors={actorCounts} selected={filter.actors} onChange={(actors) => update({ actors })} role={filter.actorRole} onRole={(actorRole) => update({ actorRole })} />
          </form>
          <EventList table={table} indices={view.indices} loading={loading} />
        </aside>
        <main className="main">
          <MapView table={table} mask={view.mask} palette={palette} actors={actorsByFrequency} />
          <Timeline histogram={view.histogram} from={filter.from} to={filter.to} onRange={setRange} undatedNote={undatedNote} />
        </main>
        {readerArticle && (
          <ReaderPane
            key={readerArticle.id}
            article={readerArticle}
            features={readerFeatures}
            visibleIds={visibleIds}
            removed={merged.removed.get(readerArticle.id)}
            corrections={readerCorrections}
            attached={merged.attached}
            stored={merged.addedIds.has(readerArticle.id)}
          />
        )}
        {correctionsOpen && (
          <CorrectionsPanel corrections={snapshot.workspace.corrections} unattached={unattached} articles={corpus.articles} features={all} onClose={() => setCorrectionsOpen(false)} />
        )}
      </div>
    </SelectionContext.Provider>
    </WorkflowContext.Provider>
  );
}
