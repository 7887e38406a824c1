import { useEffect, useMemo, useRef, useState } from 'react';
import type { FeatureTable } from '../../core/engine/filter/featureTable.ts';
import { listRows, type ListRow } from '../../core/engine/filter/listRows.ts';
import { formatDate } from '../map/format.ts';
import { useSelection } from '../state/selection.ts';

/** Fixed row height (px, matches .event-list li in app.css) so the list can be windowed. */
export const ROW_HEIGHT = 46;
/** Rows rendered beyond the visible ones, so fast scrolling does not show blanks. */
const OVERSCAN = 8;

const NO_GROUPS: ReadonlySet<string> = new Set();

/** The feature a row stands for: a group stands for its first mention (hover, map highlight). */
function featureOf(row: ListRow) {
  return row.type === 'group' ? row.first : row.feature;
}

function rowId(row: ListRow): string {
  return row.type === 'group' ? `place-${row.key}` : `event-${row.feature.id}`;
}

/**
 * The filtered features as a listbox, in step with the map: events first (strikes, bases,
 * pipelines, by date), then places, one row per place ("Iraq · 4 mentions") that opens to one
 * row per mention with its sentence (click, Enter or →; ← closes). Hovering highlights the
 * marker, click or Enter on an event or a mention flies there and opens the popup, arrow keys
 * move through the list. Windowed: only the rows in view exist in the DOM.
 */
export function EventList({ table, indices, loading = false }: { table: FeatureTable; indices: Uint32Array; loading?: boolean }) {
  const { selectedId, select, hover } = useSelection();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(NO_GROUPS);
  const rows = useMemo(() => listRows(table, indices, expanded), [table, indices, expanded]);
  const [active, setActive] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const el = listRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setViewport(el.clientHeight || 600));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // A new filter: back to the top, as a fresh result list would. The state is reset during
  // render (React re-runs this component at once) rather than in an effect, which would
  // render the whole list a second time after committing it.
  const [shownIndices, setShownIndices] = useState(indices);
  if (shownIndices !== indices) {
    setShownIndices(indices);
    setActive(0);
    setScrollTop(0);
  }
  // Where the list was last scrolled to, kept from scroll events: reading `scrollTop` after a
  // filter change would force a synchronous layout of the new rows (~5 ms at every click).
  const scrolledTo = useRef(0);
  useEffect(() => {
    if (listRef.current && scrolledTo.current !== 0) {
      listRef.current.scrollTop = 0;
      scrolledTo.current = 0;
    }
  }, [indices]);

  // A selection (from the map, say) is shown once: a place mention's group opens, then its
  // row becomes the active one. Closing that group afterwards is the analyst's choice.
  const placedSelection = useRef<string | null>(null);
  useEffect(() => {
    if (!selectedId) {
      placedSelection.current = null;
      return;
    }
    if (placedSelection.current === selectedId) return;
    const group = rows.groupOfId(selectedId);
    if (group !== null && !expanded.has(group)) {
      setExpanded(new Set([...expanded, group]));
      return;
    }
    placedSelection.current = selectedId;
    const i = rows.indexOfId(selectedId);
    if (i >= 0) setActive(i);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId, rows]);

  // Keep the active row in view (keyboard navigation, selection from the map).
  useEffect(() => {
    const el = listRef.current;
    if (!el) return;
    const top = active * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  }, [active]);

  const setGroup = (key: string, open: boolean) => {
    if (expanded.has(key) === open) return;
    const next = new Set(expanded);
    if (open) next.add(key);
    else next.delete(key);
    setExpanded(next);
  };

  /** Click or Enter: a group opens or closes, anything else is selected and flown to. */
  const activate = (row: ListRow) => {
    if (row.type === 'group') setGroup(row.key, !row.expanded);
    else select(row.feature.id, { fly: true });
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (rows.length === 0) return;
    const page = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
    const current = rows.at(active);
    let next = active;
    if (e.key === 'ArrowDown') next = Math.min(rows.length - 1, active + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, active - 1);
    else if (e.key === 'PageDown') next = Math.min(rows.length - 1, active + page);
    else if (e.key === 'PageUp') next = Math.max(0, active - page);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = rows.length - 1;
    else if (e.key === 'ArrowRight' && current?.type === 'group') {
      setGroup(current.key, true);
      e.preventDefault();
      return;
    } else if (e.key === 'ArrowLeft' && (current?.type === 'group' || current?.type === 'mention')) {
      // From a mention: back to its place's row, closed.
      if (current.type === 'mention') next = active - current.position;
      setGroup(current.key, false);
    } else if (e.key === 'Enter' || e.key === ' ') {
      if (current) activate(current);
      e.preventDefault();
      return;
    } else return;
    e.preventDefault();
    setActive(next);
    const row = rows.at(next);
    hover(row ? featureOf(row).id : null);
  };

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  const activeRow = rows.at(Math.min(active, rows.length - 1));

  return (
    <section className="event-list" aria-label="Event list">
      <h2>
        Events{' '}
        {rows.length > 0 && (
          <span className="count">
            {rows.events.toLocaleString('en')} {rows.events === 1 ? 'event' : 'events'}, then {rows.places.toLocaleString('en')} {rows.places === 1 ? 'place' : 'places'}
          </span>
        )}
      </h2>
      {rows.length === 0 ? (
        <p className="note">{loading ? 'Loading the corpus…' : 'No event matches the filters.'}</p>
      ) : (
        <ul
          ref={listRef}
          role="listbox"
          aria-label="Events"
          tabIndex={0}
          aria-activedescendant={activeRow && active >= first && active < last ? rowId(activeRow) : undefined}
          onKeyDown={onKeyDown}
          onBlur={() => hover(null)}
          onScroll={(e) => {
            scrolledTo.current = e.currentTarget.scrollTop;
            setScrollTop(scrolledTo.current);
          }}
        >
          <div className="event-list__spacer" style={{ height: rows.length * ROW_HEIGHT }} aria-hidden="true" />
          {Array.from({ length: last - first }, (_, k) => {
            const i = first + k;
            const row = rows.at(i)!;
            const f = featureOf(row);
            const p = f.properties;
            const classes = [i === active ? 'active' : '', row.type === 'group' ? 'event-list__group' : '', row.type === 'mention' ? 'event-list__mention' : ''].filter(Boolean).join(' ');
            const common = {
              id: rowId(row),
              role: 'option' as const,
              'aria-setsize': rows.length,
              'aria-posinset': i + 1,
              className: classes || undefined,
              style: { top: i * ROW_HEIGHT },
              onMouseEnter: () => hover(f.id),
              onMouseLeave: () => hover(null),
              onClick: () => {
                setActive(i);
                activate(row);
              },
            };
            if (row.type === 'group') {
              return (
                <li key={rowId(row)} {...common} aria-selected={false} aria-expanded={row.expanded}>
                  <span className="kind-badge kind-badge--place">place</span>
                  <span className="event-list__title">
                    <span className="event-list__caret" aria-hidden="true">{row.expanded ? '▾' : '▸'}</span> {row.name} · {row.count} mentions
                  </span>
                  <span className="event-list__meta">{row.expanded ? 'each mention below, with its sentence' : 'click to list each mention'}</span>
                </li>
              );
            }
            if (row.type === 'mention') {
              return (
                <li key={rowId(row)} {...common} aria-selected={f.id === selectedId} aria-label={`${p.place_name}, mention ${row.position} of ${row.count}: ${p.quote}`}>
                  <span className="event-list__title" title={p.quote}>
                    {p.quote}
                  </span>
                  <span className="event-list__meta">
                    {formatDate(p)} · {p.article_title}
                  </span>
                </li>
              );
            }
            return (
              <li key={rowId(row)} {...common} aria-selected={f.id === selectedId}>
                <span className={`kind-badge kind-badge--${p.kind}`}>{p.kind}</span>
                <span className="event-list__title" title={p.title}>
                  {p.title}
                </span>
                <span className="event-list__meta">
                  {formatDate(p)} · {p.place_name}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
