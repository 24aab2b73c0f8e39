/** Reads a stories JSONL (id, outlet, url, title, published, text, story) and runs the pipeline on each line. */
import { readFileSync } from 'node:fs';
import { articleFromText } from '../brief/article.ts';
import { processArticle } from '../jobs/pipeline.ts';
import type { ProcessedArticle } from '../model.ts';

export interface StoryRecord {
  id: string;
  outlet: string;
  url: string;
  title: string;
  published: string;
  text: string;
  story: string;
}

export function readStoryRecords(path: string): StoryRecord[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as StoryRecord);
}

/** The processed article of a record; its id is the record's id (so gold labels line up). */
export function processRecord(r: StoryRecord): ProcessedArticle {
  const base = articleFromText({
    text: r.text,
    source: r.url,
    format: 'jsonl',
    title: r.title,
    published: r.published,
    url: r.url,
    ingestedAt: '2025-01-01T00:00:00Z',
  });
  const doc = processArticle({ ...base, id: r.id, outlet: r.outlet });
  return doc;
}
