/** Small helpers shared by the SQL store and its search. */
import type { Param } from './db.ts';
import type { ArticleSummary, Page } from './store.ts';

export type { Param };

const MAX_LIMIT = 1000;

export function pageOf(p: Page | undefined, dflt = 20): { limit: number; offset: number } {
  const limit = Math.min(MAX_LIMIT, Math.max(0, Math.floor(p?.limit ?? dflt)));
  const offset = Math.max(0, Math.floor(p?.offset ?? 0));
  return { limit, offset };
}

/** `to:` bounds are inclusive: `2025-10` means up to the end of October. */
export function toBound(to: string): string {
  if (/^\d{4}$/u.test(to)) return `${to}-12-31`;
  if (/^\d{4}-\d{2}$/u.test(to)) return `${to}-31`;
  return to.slice(0, 10);
}

export interface SummaryRow {
  id: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
  language: string;
  lead: string | null;
}

export function summaryOf(r: SummaryRow): ArticleSummary {
  return {
    id: r.id,
    language: r.language,
    ...(r.title != null ? { title: r.title } : {}),
    ...(r.outlet != null ? { outlet: r.outlet } : {}),
    ...(r.url != null ? { url: r.url } : {}),
    ...(r.published != null ? { published: r.published } : {}),
    ...(r.lead != null ? { lead: r.lead } : {}),
  };
}

export const SUMMARY_COLS = 'a.id, a.title, a.outlet, a.url, a.published, a.language, a.lead';
