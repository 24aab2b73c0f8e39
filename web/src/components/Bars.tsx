/** A small SVG bar chart of counts per period (right to left: oldest on the right). */
import { t } from '../i18n.ts';
import { num } from '../labels.ts';

export function Bars({ data, label }: { data: Array<{ period: string; events: number }>; label: string }) {
  if (!data.length) return <p class="muted">{t('noEventsYet')}</p>;
  const w = 24;
  const h = 80;
  const max = Math.max(...data.map((d) => d.events));
  const width = data.length * w;
  return (
    <figure class="bars">
      <svg viewBox={`0 0 ${width} ${h + 20}`} width={Math.min(width, 720)} role="img" aria-label={label}>
        {data.map((d, i) => {
          const bh = max ? Math.max(2, (d.events / max) * h) : 0;
          const x = width - (i + 1) * w;
          return (
            <g key={d.period}>
              <title>{`${d.period === 'unknown' ? t('undated') : d.period}: ${num(d.events)}`}</title>
              <rect x={x + 3} y={h - bh} width={w - 6} height={bh} class="bar" />
              <text x={x + w / 2} y={h + 14} text-anchor="middle" class="tick">
                {d.period === 'unknown' ? '?' : d.period.slice(5) || d.period}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
}
