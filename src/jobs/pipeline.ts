/** The whole pipeline for one article: brief, then analysis. Pure; I/O lives in sources and stores. */
import { analyze } from '../analyze/index.ts';
import { parseBrief } from '../brief/parse.ts';
import type { Article, ProcessedArticle } from '../model.ts';

export function processArticle(article: Article): ProcessedArticle {
  const brief = parseBrief(article.text);
  return { article, brief, analysis: analyze(article, brief) };
}
