import { useEffect, useRef, useState } from 'react';
import type { FeatureRows } from '../../core/engine/filter/featureRows.ts';
import { formatDate } from '../map/format.ts';
import { useSelection } from '../state/selection.ts';

/** Fixed row height (px, matches .event-list li in app.css) so the list can be windowed. */
export const ROW_HEIGHT = 46;
/** Rows rendered beyond the visible ones, so fast scrolling does not show blanks. */
const OVERSCAN = 8;

/**
 * The filtered events as a listbox, in step with the map: hovering highlights the marker,
 * click or Enter flies there and opens the popup, arrow keys move through the list. Windowed:
 * only the rows in view exist in the DOM, so 100k events scroll and filter smoothly.
 * `rows` come in list order (the feature table's `byDate` order).
 */
export function EventList({ rows, loading = false }: { rows: FeatureRows; loading?: boolean }) {
  const { selectedId, select, hover } = useSelection();
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
  const [shownRows, setShownRows] = useState(rows);
  if (shownRows !== rows) {
    setShownRows(rows);
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
  }, [rows]);

  useEffect(() => {
    if (!selectedId) return;
    const i = rows.indexOfId(selectedId);
    if (i >= 0) setActive(i);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId]);

  // Keep the active row in view (keyboard navigation, selection from the map).
  useEffect(() => {
    const el = listRef.current;
    if (!el) return;
    const top = active * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  }, [active]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (rows.length === 0) return;
    const page = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
    let next = active;
    if (e.key === 'ArrowDown') next = Math.min(rows.length - 1, active + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, active - 1);
    else if (e.key === 'PageDown') next = Math.min(rows.length - 1, active + page);
    else if (e.key === 'PageUp') next = Math.max(0, active - page);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = rows.length - 1;
    else if (e.key === 'Enter' || e.key === ' ') {
      const f = rows.at(active);
      if (f) select(f.id, { fly: true });
      e.preventDefault();
      return;
    } else return;
    e.preventDefault();
    setActive(next);
    hover(rows.at(next)?.id ?? null);
  };

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  const activeRow = rows.at(Math.min(active, rows.length - 1));

  return (
    <section className="event-list" aria-label="Event list">
      <h2>
        Events <span className="count">{rows.length.toLocaleString('en')}</span>
      </h2>
      {rows.length === 0 ? (
        <p className="note">{loading ? 'Loading the corpus…' : 'No event matches the filters.'}</p>
      ) : (
        <ul
          ref={listRef}
          role="listbox"
          aria-label="Events"
          tabIndex={0}
          aria-activedescendant={activeRow && active >= first && active < last ? `event-${activeRow.id}` : undefined}
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
            const f = rows.at(i)!;
            return (
              <li
                key={f.id}
                id={`event-${f.id}`}
                role="option"
                aria-selected={f.id === selectedId}
                aria-setsize={rows.length}
                aria-posinset={i + 1}
                className={i === active ? 'active' : undefined}
                style={{ top: i * ROW_HEIGHT }}
                onMouseEnter={() => hover(f.id)}
                onMouseLeave={() => hover(null)}
                onClick={() => {
                  setActive(i);
                  select(f.id, { fly: true });
                }}
              >
                <span className={`kind-badge kind-badge--${f.properties.kind}`}>{f.properties.kind}</span>
                <span className="event-list__title" title={f.properties.title}>
                  {f.properties.title}
                </span>
                <span className="event-list__meta">
                  {formatDate(f.properties)} · {f.properties.place_name}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
