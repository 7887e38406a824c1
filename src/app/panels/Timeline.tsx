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
