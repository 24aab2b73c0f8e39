/** Plain-text renderings of stories and of an outlet comparison (for the CLI). */
import type { Story } from './cluster.ts';
import type { OutletComparison } from './compare.ts';

export function renderStoryList(stories: Story[]): string {
  if (stories.length === 0) return 'no stories (the archive has no articles)';
  const lines: string[] = [];
  for (const s of stories) {
    const when = s.first
      ? s.first === s.last
        ? s.first.slice(0, 10)
        : `${s.first.slice(0, 10)}…${(s.last ?? '').slice(0, 10)}`
      : '';
    lines.push(`${s.id}  ${s.articles.length} article(s), ${s.outlets.length} outlet(s)  ${when}`);
    lines.push(`  ${s.title}`);
    lines.push(`  outlets: ${s.outlets.join(', ')}`);
    if (s.entities.length > 0) lines.push(`  entities: ${s.entities.slice(0, 8).join(', ')}`);
  }
  return lines.join('\n');
}

export function renderComparison(c: OutletComparison): string {
  const lines = [`${c.story}  ${c.title}`, ''];
  if (c.contrasts.length > 0) {
    lines.push('Terms for the same actor:');
    for (const x of c.contrasts) {
      lines.push(`  ${x.name} (${x.entityId})`);
      for (const [o, t] of Object.entries(x.byOutlet))
        lines.push(`    ${o}: ${t.map((w) => `«${w}»`).join('، ')}`);
    }
    lines.push('');
  }
  for (const v of c.outlets) {
    lines.push(`== ${v.outlet} (${v.articles.join(', ')})`);
    const framed = v.terms.flatMap((t) =>
      t.terms.filter((x) => x.framing).map((x) => `«${x.text}» for ${t.name}`),
    );
    if (framed.length > 0) lines.push(`  loaded terms: ${framed.join('; ')}`);
    lines.push(`  events: ${v.events.map((e) => e.key).join('; ') || '—'}`);
    if (v.omits.length > 0) lines.push(`  leaves out: ${v.omits.map((e) => e.key).join('; ')}`);
    if (v.missingEntities.length > 0) lines.push(`  never names: ${v.missingEntities.join(', ')}`);
    for (const q of v.quotes) lines.push(`  quote${q.speaker ? ` (${q.speaker})` : ''}: ${q.text}`);
    if (v.unquoted.length > 0) lines.push(`  does not quote: ${v.unquoted.join(', ')}`);
  }
  return lines.join('\n');
}
