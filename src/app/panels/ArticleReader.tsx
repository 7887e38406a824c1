import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { NewsmapFeature } from '../../core/geoparser/geojson/schema.ts';
import type { Article } from '../state/corpus.ts';
import { useSelection } from '../state/selection.ts';
import { safeHref } from '../workflow/articleForm.ts';

export interface MentionSegment {
  start: number;
  end: number;
  feature: NewsmapFeature;
}

/**
 * The article's resolved mentions as non-overlapping [start, end) ranges. A span that does
 * not match the text (an older corpus, an edited article) is re-anchored on the nearest
 * occurrence of the mention, or dropped, rather than highlighting the wrong words.
 */
export function mentionSegments(text: string, features: readonly NewsmapFeature[]): MentionSegment[] {
  const segments: MentionSegment[] = [];
  for (const f of features) {
    const [s, e] = f.properties.span;
    const mention = f.properties.mention;
    if (e > s && e <= text.length && text.slice(s, e) === mention) {
      segments.push({ start: s, end: e, feature: f });
      continue;
    }
    if (mention === '') continue;
    const after = text.indexOf(mention, Math.max(0, s - 200));
    const at = after >= 0 ? after : text.indexOf(mention);
    if (at >= 0) segments.push({ start: at, end: at + mention.length, feature: f });
  }
  segments.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: MentionSegment[] = [];
  for (const seg of segments) {
    const last = kept[kept.length - 1];
    // Events first when two features claim the same words: the event is the richer record.
    if (last && seg.start < last.end) {
      if (last.start === seg.start && last.feature.properties.kind === 'place' && seg.feature.properties.kind !== 'place') kept[kept.length - 1] = seg;
      continue;
    }
    kept.push(seg);
  }
  return kept;
}

/**
 * The whole article as text, every resolved mention a button: click flies the map there, opens
 * its popup and the correction controls. Mentions hidden by the current filters are shown
 * dimmed; mentions an analyst marked "Not a place" stay, struck through, so they can be undone.
 *
 * The reader opens scrolled to the selected mention. The correction controls open in a dock
 * below the text, never above it: opening them never moves the words under the cursor.
 */
export function ArticleReader({
  article,
  features,
  visibleIds,
  actions,
  editor,
  removed = [],
  onMention,
  onTextSelect,
}: {
  article: Article;
  features: NewsmapFeature[];
  visibleIds: ReadonlySet<string>;
  /** Controls for the article as a whole (delete an added article, its corrections). */
  actions?: React.ReactNode;
  /** The correction controls for the selected mention. */
  editor?: React.ReactNode;
  /** Mentions "Not a place" took off the map: shown struck through. */
  removed?: readonly NewsmapFeature[];
  /** Called with a mention's feature id when it is clicked (even if it is already selected). */
  onMention?: (id: string) => void;
  /** Called with the [start, end) offsets of text the user selects (to add a missed place). */
  onTextSelect?: (span: [number, number]) => void;
}) {
  const { selectedId, select, hover, openReader } = useSelection();
  const segments = useMemo(() => mentionSegments(article.text, [...features, ...removed]), [article, features, removed]);
  const struck = useMemo(() => new Set(removed.map((f) => f.id)), [removed]);
  const closeRef = useRef<HTMLButtonElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const reportSelection = () => {
    const container = textRef.current;
    const sel = window.getSelection();
    if (!onTextSelect || !container || !sel || sel.isCollapsed || sel.rangeCount === 0) return;
    const span = selectionSpan(container, sel.getRangeAt(0), article.text);
    if (span) onTextSelect(span);
  };
  // Focus moves into the reader without scrolling it; the text scrolls to the selected mention.
  const clicked = useRef<string | null>(null);
  useLayoutEffect(() => {
    closeRef.current?.focus({ preventScroll: true });
    scrollToMention(textRef.current, selectedId, 'center');
    // Once per article: later selections scroll only as far as needed (below).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [article.id]);
  useEffect(() => {
    // A mention clicked in the text is where the analyst is looking: leave the text where it is.
    if (clicked.current === selectedId) return;
    scrollToMention(textRef.current, selectedId, 'nearest');
  }, [selectedId]);
  // The dock opening shrinks the text from below: keep the selected mention in sight.
  useLayoutEffect(() => {
    if (editor) scrollToMention(textRef.current, selectedId, 'nearest');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [Boolean(editor)]);

  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const seg of segments) {
    if (seg.start > at) parts.push(article.text.slice(at, seg.start));
    const f = seg.feature;
    const isStruck = struck.has(f.id);
    const hidden = !isStruck && !visibleIds.has(f.id);
    parts.push(
      <button
        key={`${seg.start}-${f.id}`}
        type="button"
        className={`mention mention--${f.properties.kind}${hidden ? ' mention--hidden' : ''}${isStruck ? ' mention--struck' : ''}${f.id === selectedId ? ' mention--selected' : ''}`}
        data-feature-id={f.id}
        title={isStruck ? `Marked not a place (click to undo)` : `${f.properties.kind}: ${f.properties.place_name} (${f.properties.geo_precision})${hidden ? ' — hidden by the filters' : ''}`}
        onClick={() => {
          clicked.current = f.id;
          if (!isStruck) select(f.id, { fly: true });
          onMention?.(f.id);
        }}
        onMouseEnter={() => !isStruck && hover(f.id)}
        onMouseLeave={() => hover(null)}
      >
        {isStruck ? <del>{article.text.slice(seg.start, seg.end)}</del> : article.text.slice(seg.start, seg.end)}
      </button>,
    );
    at = seg.end;
  }
  if (at < article.text.length) parts.push(article.text.slice(at));

  return (
    <aside className="reader" aria-label="Article reader">
      <header>
        <div>
          <h2>{article.title}</h2>
          <p className="hint">
            Published {article.published || 'unknown'}
            {article.source && safeHref(article.source) ? (
              <>
                {' · '}
                <a href={safeHref(article.source)!} target="_blank" rel="noopener noreferrer">
                  source
                </a>
              </>
            ) : article.source ? (
              ` · ${article.source}`
            ) : (
              ''
            )}{' '}
            · {segments.length - struck.size} mention{segments.length - struck.size === 1 ? '' : 's'} highlighted
          </p>
        </div>
        <button ref={closeRef} type="button" className="close" aria-label="Close article" onClick={() => openReader(null)}>
          ×
        </button>
      </header>
      {actions && <div className="reader__actions">{actions}</div>}
      <div className="reader__text" ref={textRef} onMouseUp={reportSelection} onKeyUp={reportSelection}>
        {parts}
      </div>
      {editor && <div className="reader__dock">{editor}</div>}
    </aside>
  );
}

/** Scrolls the reader's text (only it, never the page) so a mention is in sight. */
function scrollToMention(box: HTMLElement | null, id: string | null, block: 'center' | 'nearest'): void {
  if (!box || !id) return;
  const el = [...box.querySelectorAll<HTMLElement>('button.mention')].find((b) => b.dataset.featureId === id);
  if (!el) return;
  const b = box.getBoundingClientRect();
  const m = el.getBoundingClientRect();
  if (block === 'nearest') {
    if (m.top < b.top) box.scrollTop -= b.top - m.top + 8;
    else if (m.bottom > b.bottom) box.scrollTop += m.bottom - b.bottom + 8;
    return;
  }
  box.scrollTop += m.top - b.top - (b.height - m.height) / 2;
}

/**
 * The article offsets of a DOM selection inside the reader text, trimmed of surrounding
 * whitespace. The reader's text content is exactly the article text, so counting characters
 * before the range start gives the offset. Null outside the container or for blank selections.
 */
export function selectionSpan(container: Node, range: Range, text: string): [number, number] | null {
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const pre = document.createRange();
  pre.selectNodeContents(container);
  pre.setEnd(range.startContainer, range.startOffset);
  let start = pre.toString().length;
  let end = start + range.toString().length;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start && end <= text.length ? [start, end] : null;
}
