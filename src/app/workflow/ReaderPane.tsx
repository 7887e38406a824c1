import { useEffect, useMemo, useRef, useState } from 'react';
import type { Correction, Removed } from '../../core/engine/corrections/corrections.ts';
import type { NewsmapFeature } from '../../core/geoparser/geojson/schema.ts';
import { ArticleReader } from '../panels/ArticleReader.tsx';
import type { Article } from '../state/corpus.ts';
import { useSelection } from '../state/selection.ts';
import { AddPlaceEditor } from './AddPlaceEditor.tsx';
import { CorrectionList } from './CorrectionsPanel.tsx';
import { DeleteArticle } from './DeleteArticle.tsx';
import { MentionEditor, NotAPlacePanel } from './MentionEditor.tsx';

/**
 * The reader with its correction controls. Render it keyed by the article id: the mention
 * being corrected and the words selected belong to one article.
 *
 * The mention being corrected is the last one clicked in the text (clicking the mention that
 * is already selected, e.g. after "Open article" in its popup, opens the controls too), or the
 * last of this article's features selected elsewhere (map, list) after the reader opened. It
 * outlives the map popup (which a moved point closes) and ends with the reader or "Done".
 */
const NONE_REMOVED: readonly Removed[] = [];

export function ReaderPane({ article, features, visibleIds, removed = NONE_REMOVED, corrections, attached, stored }: {
  article: Article;
  features: NewsmapFeature[];
  visibleIds: ReadonlySet<string>;
  /** Mentions of this article "Not a place" removed. */
  removed?: readonly Removed[] | undefined;
  /** The corrections that touch this article (its own and the workspace-wide ones reaching it). */
  corrections: readonly Correction[];
  /** Which features each correction reached. */
  attached: ReadonlyMap<string, readonly string[]>;
  /** An article the analyst added (deletable, geoparsed again when the gazetteer changes). */
  stored: boolean;
}) {
  const { selectedId } = useSelection();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [addSpan, setAddSpan] = useState<[number, number] | null>(null);
  const [listOpen, setListOpen] = useState(false);
  // A selection made elsewhere after the reader opened follows into the controls.
  const lastSelection = useRef(selectedId);
  useEffect(() => {
    if (selectedId === lastSelection.current) return;
    lastSelection.current = selectedId;
    if (selectedId && features.some((f) => f.id === selectedId)) {
      setEditingId(selectedId);
      setAddSpan(null);
    }
  }, [selectedId, features]);
  const onMention = (id: string) => {
    setEditingId(id);
    setAddSpan(null);
  };
  const removedFeatures = useMemo(() => removed.map((r) => r.feature), [removed]);
  const editing = editingId ? (features.find((f) => f.id === editingId) ?? null) : null;
  const struck = editingId && !editing ? removed.find((r) => r.feature.id === editingId) : undefined;
  const ofFeature = (id: string) => corrections.filter((c) => attached.get(c.id)?.includes(id));

  let editor: React.ReactNode = null;
  if (addSpan) editor = <AddPlaceEditor key={addSpan.join('-')} articleId={article.id} text={article.text} span={addSpan} stored={stored} onDone={() => setAddSpan(null)} />;
  else if (editing) editor = <MentionEditor key={editing.id} feature={editing} text={article.text} corrections={ofFeature(editing.id)} stored={stored} onDone={() => setEditingId(null)} />;
  else if (struck) editor = <NotAPlacePanel key={struck.feature.id} feature={struck.feature} correction={struck.correction} onDone={() => setEditingId(null)} />;
  const list = listOpen && corrections.length > 0 ? <CorrectionList label="Corrections in this article" corrections={corrections} text={article.text} /> : null;

  return (
    <ArticleReader
      article={article}
      features={features}
      visibleIds={visibleIds}
      removed={removedFeatures}
      actions={
        stored || corrections.length > 0 ? (
          <>
            {stored && <DeleteArticle articleId={article.id} title={article.title} />}
            {corrections.length > 0 && (
              <button type="button" aria-expanded={listOpen} onClick={() => setListOpen((o) => !o)}>
                Corrections in this article ({corrections.length})
              </button>
            )}
          </>
        ) : undefined
      }
      editor={editor || list ? (
        <>
          {editor}
          {list}
        </>
      ) : undefined}
      onMention={onMention}
      onTextSelect={setAddSpan}
    />
  );
}
