/**
 * Renderers for a Brief: JSON (the versioned `khabar.brief/1` document, see
 * docs/brief-schema.md), Markdown, and a standalone right-to-left HTML page.
 */
import { sectionLabelsIn } from '../i18n/sections.ts';
import type { Analysis, Article, Block, Brief, Section } from '../model.ts';

export interface RenderExtras {
  /** The article the brief came from (id, language, provenance are included). */
  article?: Article;
  /** Entities, mentions and events, when analysis ran. */
  analysis?: Analysis;
}

/** Canonical labels, used for composed sections and as headings when a label is missing. */
export const CANONICAL_LABELS: Readonly<Record<Section['kind'], string>> = sectionLabelsIn('ar');

/** The JSON document as an object (key order fixed: brief first, then article and analysis). */
export function briefDocument(brief: Brief, extras: RenderExtras = {}): Record<string, unknown> {
  const doc: Record<string, unknown> = {
    schema: brief.schema,
    origin: brief.origin,
    ...(brief.source !== undefined ? { source: brief.source } : {}),
    ...(brief.dateline ? { dateline: brief.dateline } : {}),
    lead: brief.lead,
    sections: brief.sections.map((s) => ({
      kind: s.kind,
      label: s.label,
      ...(s.labelSpan ? { labelSpan: s.labelSpan } : {}),
      ...(s.speaker !== undefined ? { speaker: s.speaker } : {}),
      paragraphs: s.paragraphs,
      items: s.items,
      span: s.span,
    })),
    body: brief.body,
    ...(brief.byline ? { byline: brief.byline } : {}),
    trailing: brief.trailing,
    messages: brief.messages,
  };
  const { article, analysis } = extras;
  if (article) {
    doc.article = {
      id: article.id,
      language: article.language,
      ...(article.title !== undefined ? { title: article.title } : {}),
      ...(article.published !== undefined ? { published: article.published } : {}),
      ...(article.url !== undefined ? { url: article.url } : {}),
      ...(article.outlet !== undefined ? { outlet: article.outlet } : {}),
      ...(article.byline !== undefined ? { byline: article.byline } : {}),
      provenance: article.provenance,
      warnings: article.warnings,
    };
  }
  if (analysis) {
    doc.entities = analysis.entities;
    doc.mentions = analysis.mentions;
    doc.events = analysis.events;
  }
  return doc;
}

export function renderJson(brief: Brief, extras: RenderExtras = {}): string {
  return JSON.stringify(briefDocument(brief, extras), null, 2);
}

function heading(s: Section): string {
  const label = s.label || CANONICAL_LABELS[s.kind];
  return s.speaker && !label.includes(s.speaker) ? `${label} (${s.speaker})` : label;
}

/**
 * The speaker of a composed statement, when the sentence itself does not name them
 * («وأضاف أن …», «وقالت في بيان …») and the section heading does not either.
 */
function speakerShown(s: Section, b: Block): string | undefined {
  if (!b.speaker || s.speaker === b.speaker) return undefined;
  const last = b.speaker.trim().split(/\s+/u).pop() ?? '';
  return last && b.text.includes(last) ? undefined : b.speaker;
}

/**
 * Keep Markdown from reading text as markup (headings, lists, emphasis, html). «|» is left
 * alone: it is markup only in a table, and no line here can open one (a table needs its own
 * delimiter row) — escaped, the terminal showed «عاجل \| زلزال».
 */
function mdEscape(s: string): string {
  return (
    s
      .replace(/[\\`*_[\]<>#]/g, (c) => `\\${c}`)
      // CommonMark escapes only punctuation: «- …» → «\- …», but «1. …» → «1\. …» («\1.» shows its backslash)
      .replace(/^([-+])(\s)/, '\\$1$2')
      .replace(/^(\d{1,9})([.)])(\s)/, '$1\\$2$3')
      .replace(/\s*\n\s*/g, ' ')
  );
}

/**
 * The brief as Markdown; `title` (the article's headline, e.g. an HTML page's) opens it as a
 * heading — a page's brief had no headline once the page's <h1> was no longer its lead.
 */
/** What the article tells beside its brief: its headline, and a byline its page gave (shown when the text has none). */
export interface ShownMeta {
  title?: string;
  byline?: string;
}

/** The headline and byline of an article, for `renderMarkdown` / `renderHtml`. */
export function renderOptions(article: { title?: string; byline?: string }): ShownMeta {
  return {
    ...(article.title ? { title: article.title } : {}),
    ...(article.byline ? { byline: article.byline } : {}),
  };
}

export function renderMarkdown(brief: Brief, options: ShownMeta = {}): string {
  const out: string[] = [];
  if (options.title?.trim()) out.push(`# ${mdEscape(options.title.trim())}`, '');
  if (brief.dateline) out.push(`**${mdEscape(brief.dateline.text)}**`, '');
  for (const p of brief.lead) out.push(mdEscape(p.text), '');
  for (const s of brief.sections) {
    out.push(`## ${mdEscape(heading(s))}`, '');
    for (const p of s.paragraphs) {
      const who = speakerShown(s, p);
      out.push(who ? `**${mdEscape(who)}:** ${mdEscape(p.text)}` : mdEscape(p.text), '');
    }
    if (s.items.length) {
      for (const it of s.items) out.push(`- ${mdEscape(it.text)}`);
      out.push('');
    }
  }
  for (const p of brief.body) out.push(mdEscape(p.text), '');
  const byline = brief.byline?.text ?? options.byline;
  if (byline) out.push(`*${mdEscape(byline)}*`, '');
  if (brief.trailing.length) {
    out.push('---', '');
    for (const t of brief.trailing) out.push(`- ${mdEscape(t.text)}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Escape text for HTML element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

const STYLE = `
:root { color-scheme: light dark; --fg: #1d1d1f; --muted: #5f6368; --rule: #d9d9de; --accent: #8a2b2b; --bg: #fdfcf9; }
@media (prefers-color-scheme: dark) { :root { --fg: #ececec; --muted: #a0a0a8; --rule: #3a3a40; --accent: #e0a0a0; --bg: #161618; } }
body { margin: 0; background: var(--bg); color: var(--fg);
  font-family: "Noto Naskh Arabic", "Amiri", "Scheherazade New", "Geeza Pro", "Traditional Arabic", "Arial", sans-serif;
  font-size: 1.15rem; line-height: 1.9; }
main { max-width: 42rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
.dateline { color: var(--accent); font-weight: 700; margin: 0 0 .5rem; }
.lead { font-size: 1.25rem; font-weight: 600; }
section { border-block-start: 1px solid var(--rule); padding-block-start: .75rem; margin-block-start: 1.25rem; }
h1 { font-size: 1.5rem; line-height: 1.5; margin: 0 0 .75rem; }
h2 { font-size: 1.1rem; color: var(--accent); margin: 0 0 .4rem; }
ul { padding-inline-start: 1.4rem; margin: .25rem 0; }
li { margin: .2rem 0; }
p { margin: .3rem 0 .6rem; }
.byline { color: var(--muted); text-align: end; font-style: italic; }
.trailing { color: var(--muted); font-size: .95rem; border-block-start: 1px dashed var(--rule); margin-block-start: 2rem; }
`;

/** For HTML, `title` is also the page's <title> (else the dateline, else «موجز الخبر»). */
export type HtmlOptions = ShownMeta;

export function renderHtml(brief: Brief, options: HtmlOptions = {}): string {
  const e = escapeHtml;
  const title = options.title ?? brief.dateline?.text ?? 'موجز الخبر';
  const parts: string[] = [];
  // The headline on the page, not only in the tab's <title>.
  if (options.title?.trim()) parts.push(`<h1>${e(options.title.trim())}</h1>`);
  if (brief.dateline) parts.push(`<p class="dateline">${e(brief.dateline.text)}</p>`);
  for (const p of brief.lead) parts.push(`<p class="lead">${e(p.text)}</p>`);
  for (const s of brief.sections) {
    const inner: string[] = [`<h2>${e(heading(s))}</h2>`];
    for (const p of s.paragraphs) {
      const who = speakerShown(s, p);
      inner.push(`<p>${who ? `<strong class="speaker">${e(who)}:</strong> ` : ''}${e(p.text)}</p>`);
    }
    if (s.items.length) inner.push(`<ul>${s.items.map((it) => `<li>${e(it.text)}</li>`).join('')}</ul>`);
    parts.push(`<section class="${e(s.kind)}" data-kind="${e(s.kind)}">${inner.join('\n')}</section>`);
  }
  for (const p of brief.body) parts.push(`<p>${e(p.text)}</p>`);
  const byline = brief.byline?.text ?? options.byline;
  if (byline) parts.push(`<p class="byline" dir="auto">${e(byline)}</p>`);
  if (brief.trailing.length) {
    parts.push(
      `<aside class="trailing"><ul>${brief.trailing.map((t) => `<li>${e(t.text)}</li>`).join('')}</ul></aside>`,
    );
  }
  return [
    '<!doctype html>',
    '<html lang="ar" dir="rtl">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="khabar ${e(brief.schema)}">`,
    `<title>${e(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<main><article data-origin="${e(brief.origin)}">`,
    ...parts,
    '</article></main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
