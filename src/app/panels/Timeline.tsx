import { useEffect, useRef, useState } from 'react';
import type { Histogram, TimeBin } from '../../core/engine/filter/timeline.ts';

const W = 1000;
const H = 90;
const AXIS = 16;

interface Props {
  /** Events filtered by everything except the dates (so the brush shows the context), binned over the corpus' span. */
  histogram: Histogram;
  /** `describeUndated`'s sentence, the same the date panel shows (the histogram has no undated bin). */
  undatedNote?: string | null;
  from: string | null;
  to: string | null;
  onRange: (from: string | null, to: string | null) => void;
}

function inRange(bin: TimeBin, from: string | null, to: string | null): boolean {
  return (from === null || bin.end >= from) && (to === null || bin.start <= to);
}

/**
 * Histogram of dated events. Drag across it to set From/To (a brush), click a bar for that
 * bin alone, Play steps a one-bin window through time. Bin size follows the corpus span.
 */
export function Timeline({ histogram, from, to, onRange, undatedNote = null }: Props) {
  const { bins, unit } = histogram;
  const total = bins.reduce((n, b) => n + b.count, 0);
  const svgRef = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const [playing, setPlaying] = useState<number | null>(null);
  const max = Math.max(1, ...bins.map((b) => b.count));
  const bw = bins.length > 0 ? W / bins.length : W;

  const binAt = (clientX: number): number => {
    const rect = svgRef.current!.getBoundingClientRect();
    const x = ((clientX - rect.left) / Math.max(1, rect.width)) * W;
    return Math.max(0, Math.min(bins.length - 1, Math.floor(x / bw)));
  };

  useEffect(() => {
    if (playing === null) return;
    const bin = bins[playing];
    if (!bin) {
      setPlaying(null);
      return;
    }
    onRange(bin.start, bin.end);
    const t = window.setTimeout(() => setPlaying(playing + 1 < bins.length ? playing + 1 : null), 700);
    return () => window.clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [playing]);

  if (bins.length === 0) {
    return (
      <section className="timeline" aria-label="Timeline">
        <p className="note">No dated events: the timeline is empty.</p>
      </section>
    );
  }

  const lo = drag ? Math.min(drag.a, drag.b) : null;
  const hi = drag ? Math.max(drag.a, drag.b) : null;
  // The selected bins, as the keyboard brush moves them: the whole span when no dates are set.
  const firstIn = bins.findIndex((b) => inRange(b, from, to));
  const ranged = from !== null || to !== null;
  const sel = firstIn < 0 ? null : { lo: firstIn, hi: bins.length - 1 - [...bins].reverse().findIndex((b) => inRange(b, from, to)) };
  const brushLo = lo ?? sel?.lo ?? 0;
  const brushHi = hi ?? sel?.hi ?? bins.length - 1;
  const setBins = (a: number, b: number) => onRange(bins[a]!.start, bins[b]!.end);
  const onBrushKey = (e: React.KeyboardEvent) => {
    const last = bins.length - 1;
    const width = brushHi - brushLo;
    const page = Math.max(1, Math.round(bins.length / 10));
    let next: [number, number] | null = null;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'PageUp' || e.key === 'PageDown') {
      const step = (e.key === 'ArrowLeft' || e.key === 'PageDown' ? -1 : 1) * (e.key.startsWith('Page') ? page : 1);
      if (e.shiftKey) next = [brushLo, Math.max(brushLo, Math.min(last, brushHi + step))]; // resize: move the end
      else {
        const a = Math.max(0, Math.min(last - width, brushLo + step)); // move: keep the width
        next = [a, a + width];
      }
    } else if (e.key === 'Home') next = [0, width];
    else if (e.key === 'End') next = [last - width, last];
    else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      setPlaying(null);
      onRange(null, null);
      return;
    } else return;
    e.preventDefault();
    setPlaying(null);
    setBins(next[0], next[1]);
  };
  const brushText = `${bins[brushLo]!.start} to ${bins[brushHi]!.end}${ranged ? '' : ', all dates'} (${brushHi - brushLo + 1} ${unit} bin${brushHi === brushLo ? '' : 's'})`;
  // Tick at each new year, or each new month when bins are days or weeks.
  const tickKey = (b: TimeBin) => (unit === 'day' || unit === 'week' ? b.start.slice(0, 7) : b.start.slice(0, 4));
  const years = bins.filter((b, i) => i === 0 || tickKey(b) !== tickKey(bins[i - 1]!));
  const labelEvery = Math.ceil(years.length / 12);

  return (
    <section className="timeline" aria-label="Timeline">
      <div className="timeline__bar">
        <button
          type="button"
          onClick={() => {
            if (playing !== null) return setPlaying(null);
            // Resume from the period in view, or start over from the first bin.
            const at = from === null ? 0 : bins.findIndex((b) => b.end >= from);
            setPlaying(at < 0 || at >= bins.length - 1 ? 0 : at);
          }}
        >
          {playing === null ? 'Play' : 'Pause'}
        </button>
        <span className="hint">
          {bins.length} {unit} bins{undatedNote !== null && <> · <span data-testid="timeline-undated">{undatedNote}</span></>} · drag to select a period
        </span>
        {(from !== null || to !== null) && (
          <button type="button" className="link" onClick={() => onRange(null, null)}>
            all dates
          </button>
        )}
      </div>
      <div className="timeline__plot">
      <svg
        ref={svgRef}
        className="timeline__svg"
        viewBox={`0 0 ${W} ${H}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`Histogram of ${total} dated events by ${unit}, ${bins[0]!.start} to ${bins[bins.length - 1]!.end}`}
        onPointerDown={(e) => {
          (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
          const i = binAt(e.clientX);
          setPlaying(null);
          setDrag({ a: i, b: i });
        }}
        onPointerMove={(e) => drag && setDrag({ a: drag.a, b: binAt(e.clientX) })}
        onPointerUp={() => {
          if (!drag) return;
          const a = bins[Math.min(drag.a, drag.b)]!;
          const b = bins[Math.max(drag.a, drag.b)]!;
          setDrag(null);
          onRange(a.start, b.end);
        }}
      >
        {bins.map((bin, i) => {
          const h = (bin.count / max) * (H - AXIS - 4);
          const selected = lo !== null && hi !== null ? i >= lo && i <= hi : inRange(bin, from, to);
          return (
            <rect key={bin.start} className={selected ? 'bin bin--in' : 'bin'} x={i * bw + 0.5} width={Math.max(1, bw - 1)} y={H - AXIS - h} height={h}>
              <title>{`${bin.start} – ${bin.end}: ${bin.count}`}</title>
            </rect>
          );
        })}
        <line x1={0} x2={W} y1={H - AXIS} y2={H - AXIS} className="axis" />
      </svg>
      {/* The brush from the keyboard: ←/→ move the period, Shift+←/→ move its end, Home/End, Delete clears. */}
      <div
        className={`timeline__brush${ranged ? ' timeline__brush--set' : ''}`}
        role="slider"
        tabIndex={0}
        aria-label="Selected period"
        aria-describedby="timeline-brush-help"
        aria-orientation="horizontal"
        aria-valuemin={0}
        aria-valuemax={bins.length - 1}
        aria-valuenow={brushLo}
        aria-valuetext={brushText}
        style={{ left: `${(brushLo / bins.length) * 100}%`, width: `${((brushHi - brushLo + 1) / bins.length) * 100}%` }}
        onKeyDown={onBrushKey}
      />
      <span id="timeline-brush-help" hidden>
        Left and right arrows move the period by one {unit}, with Shift they move its end; Page Up and Page Down move it further; Home and End go to the first and last {unit}; Delete selects all dates.
      </span>
      </div>
      <div className="timeline__labels" aria-hidden="true">
        {years
          .filter((_, i) => i % labelEvery === 0)
          .map((b) => (
            <span key={b.start} style={{ left: `${(bins.indexOf(b) / bins.length) * 100}%` }}>
              {tickKey(b)}
            </span>
          ))}
      </div>
    </section>
  );
}
