/** The brief module's public surface. */
export { type ArticleFromTextOptions, articleFromText, textId } from './article.ts';
export { DEFAULT_OUTLETS } from './dateline.ts';
export { type ParseOptions, parseBrief } from './parse.ts';
export {
  CANONICAL_LABELS,
  type HtmlOptions,
  type RenderExtras,
  briefDocument,
  escapeHtml,
  renderHtml,
  renderJson,
  renderMarkdown,
} from './render.ts';
export { type Located, type PartName, locate } from './locate.ts';
export { withoutTemplate } from './template.ts';
