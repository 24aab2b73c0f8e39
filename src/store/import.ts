/**
 * `khabar import`: rebuilds an archive from a JSONL export of articles (one processed
 * document a line, as `khabar export --what articles` writes). A line that is not such a
 * document goes to the quarantine with its line number and reason; the rest goes on.
 */
import type { ProcessedArticle } from '../model.ts';
import type { PutResult, Store } from './store.ts';

export interface ImportSummary {
  lines: number;
  inserted: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  nearDuplicates: number;
  quarantined: number;
}

function problem(v: unknown): string | undefined {
  if (!v || typeof v !== 'object') return 'not a JSON object';
  const d = v as Partial<ProcessedArticle>;
  if (!d.article || typeof d.article !== 'object')
    return 'no "article": this is not a line of `khabar export --what articles`';
  if (typeof d.article.id !== 'string' || !d.article.id) return 'article.id is missing';
  if (typeof d.article.text !== 'string') return 'article.text is missing';
  if (!d.brief || typeof d.brief !== 'object')
    return 'no "brief": export with `--what articles --format jsonl`';
  if (!d.analysis || typeof d.analysis !== 'object')
    return 'no "analysis": export with `--what articles --format jsonl`';
  return undefined;
}

export async function importJsonl(
  store: Store,
  lines: AsyncIterable<string>,
  opts: { source: string; onProgress?: (s: ImportSummary) => void },
): Promise<ImportSummary> {
  const s: ImportSummary = {
    lines: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    duplicates: 0,
    nearDuplicates: 0,
    quarantined: 0,
  };
  const tally: Record<PutResult['status'], keyof ImportSummary> = {
    inserted: 'inserted',
    updated: 'updated',
    unchanged: 'unchanged',
    duplicate: 'duplicates',
    'near-duplicate': 'nearDuplicates',
  };
  for await (const line of lines) {
    s.lines++;
    if (!line.trim()) continue;
    let doc: unknown;
    let why: string | undefined;
    try {
      doc = JSON.parse(line);
      why = problem(doc);
    } catch (err) {
      why = `not JSON (${(err as Error).message})`;
    }
    if (why) {
      s.quarantined++;
      await store.quarantine({
        source: `${opts.source}:${s.lines}`,
        ruleId: 'import/bad-line',
        reason: `line ${s.lines}: ${why}`,
        at: new Date().toISOString(),
        raw: line.length > 4096 ? line.slice(0, 4096) : line,
      });
      continue;
    }
    const d = doc as ProcessedArticle & { nearDuplicateOf?: string };
    const r = await store.put(d);
    s[tally[r.status]]++;
    if (s.lines % 500 === 0) opts.onProgress?.(s);
  }
  return s;
}
