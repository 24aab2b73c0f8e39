/**
 * A small SVG bar chart of counts per month, in the reading direction (oldest on the right in
 * Arabic, on the left in English): each bar with its count above it and its month below, the
 * year under the first month of each year, so «10» is never read as a count.
 */
import { gregorianText } from '../../../src/i18n/dates.ts';
import { lang, t } from '../i18n.ts';
import { num } from '../labels.ts';

/**
 * The words under each bar: its month, and its year under the first month of each year. A
 * period of a whole year («2016», events dated only by their year) is its year, said once.
 */
export function barTicks(periods: string[]): Array<{ month: string; year?: string }> {
  return periods.map((period, i) => {
    if (period === 'unknown') return { month: t('undated') };
    const year = period.slice(0, 4);
    if (/^\d{4}$/.test(period)) return { month: year };
    const prev = periods[i - 1];
    const newYear = !prev || prev.slice(0, 4) !== year || /^\d{4}$/.test(prev);
    return { month: monthName(period), ...(newYear ? { year } : {}) };
  });
}

export function Bars({ data, label }: { data: Array<{ period: string; events: number }>; label: string }) {
  if (!data.length) return <p class="muted">{t('noEventsYet')}</p>;
  const w = 56;
  const h = 80;
  const top = 16;
  const rtl = lang() === 'ar';
  const max = Math.max(...data.map((d) => d.events));
  const width = data.length * w;
  const ticks = barTicks(data.map((d) => d.period));
  return (
    <figure class="bars">
      {/* Drawn at its own size, scrolled sideways when wider than the page: fitted to a phone,
          22 months pushed the page to 770 px; scaled down, their words would be 4 px high. */}
      <div class="bars-scroll">
        <svg viewBox={`0 0 ${width} ${top + h + 34}`} width={width} role="img" aria-label={label}>
          {data.map((d, i) => {
            const bh = max ? Math.max(2, (d.events / max) * h) : 0;
            const x = rtl ? width - (i + 1) * w : i * w;
            const unknown = d.period === 'unknown';
            const { month, year } = ticks[i]!;
            return (
              <g key={d.period}>
                <title>{`${unknown ? t('undated') : gregorianText(d.period, lang())}: ${num(d.events)}`}</title>
                <rect x={x + 8} y={top + h - bh} width={w - 16} height={bh} class="bar" />
                <text x={x + w / 2} y={top + h - bh - 4} text-anchor="middle" class="tick">
                  {num(d.events)}
                </text>
                <text x={x + w / 2} y={top + h + 14} text-anchor="middle" class="tick">
                  {month}
                </text>
                {year ? (
                  <text x={x + w / 2} y={top + h + 28} text-anchor="middle" class="tick">
                    {year}
                  </text>
                ) : null}
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption>{label}</figcaption>
    </figure>
  );
}

/** «أكتوبر» / «October» of a `YYYY-MM` period (its year is shown apart). */
function monthName(period: string): string {
  return gregorianText(period, lang()).replace(/\s*\S+$/u, '') || period;
}
