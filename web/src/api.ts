/** The web app's API client: same-origin fetches, problem+json errors turned into messages. */
import type {
  Article,
  Block,
  Brief,
  DateRef,
  Dyad,
  Entity,
  EventRecord,
  Mention,
  Message,
} from '../../src/model.ts';
import type { SearchNote } from '../../src/i18n/search-notes.ts';
import type { ArticleSummary, EntityView, SearchResponse, StoredEvent } from '../../src/store/store.ts';
import type { EventKey, OutletComparison, Story } from '../../src/stories/index.ts';
import { lang } from './i18n.ts';

export type {
  ArticleSummary,
  Block,
  Brief,
  Dyad,
  Entity,
  EntityView,
  EventKey,
  EventRecord,
  Mention,
  OutletComparison,
  SearchResponse,
  Story,
  StoredEvent,
};

export interface ArticleView {
  article: Article;
  brief: Brief;
  mentions: Mention[];
  entities: Entity[];
  events: EventRecord[];
  dates: DateRef[];
  /**
   * The article's one publication date (the one search and facets use; absent when it has
   * none), and whether it was given with the article or read from its text (Hijri kept).
   */
  published?: DateRef & { from: 'source' | 'text' };
  messages: Message[];
}

export interface EntityPage extends EntityView {
  /** A page of its events, newest first: from `eventsOffset`, of `eventsTotal` in all. */
  events: StoredEvent[];
  eventsTotal: number;
  eventsOffset?: number;
  timeline: Array<{ period: string; events: number }>;
  partners: Array<{ id: string; label?: string; label_en?: string; events: number; score: number }>;
}

export interface Relations {
  level: 'country' | 'actor';
  total: number;
  nodes: Array<{ id: string; label?: string; label_en?: string }>;
  dyads: Dyad[];
  /** An actor value several entities share (`ambiguous-actor`). */
  notes?: SearchNote[];
}

export interface StoryList {
  /** Articles clustered. */
  articles: number;
  total: number;
  items: Story[];
}

export interface StoryView {
  story: Story;
  articles: Array<{ id: string; title?: string; outlet?: string; published?: string }>;
  comparison: OutletComparison;
}

export interface Health {
  status: string;
  version: string;
  ingest: boolean;
}

export interface Paged<T> {
  total: number;
  items: T[];
}

/** One problem of a 400 (problem+json `errors[]`): where (`query`, `body`, `path`), which parameter, what. */
export interface FieldError {
  in: string;
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: readonly FieldError[] = [],
    /** The language the API wrote `message` and the errors' messages in (Content-Language; English when it names none). */
    readonly lang: 'ar' | 'en' = 'en',
    /** The problem's `type` (`urn:khabar:problem:actor_not_found`), when the API gave one. */
    readonly type?: string,
  ) {
    super(message);
  }
}

/**
 * The interface language asked of the API for every request: its problems (errors) are then
 * written in it — before, the Arabic app showed the API's English under an Arabic label.
 */
function langHeaders(): Record<string, string> {
  return { 'Accept-Language': lang() };
}

export async function get<T>(
  path: string,
  params: Record<string, string | string[] | undefined> = {},
): Promise<T> {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '') continue;
    for (const x of Array.isArray(v) ? v : [v]) qs.append(k, x);
  }
  // English glosses (names, labels) come from the API with ?lang=en.
  if (lang() === 'en' && !qs.has('lang')) qs.set('lang', 'en');
  const url = qs.size ? `${path}?${qs}` : path;
  const res = await fetch(url, { headers: { Accept: 'application/json', ...langHeaders() } });
  if (!res.ok) throw await toError(res);
  return (await res.json()) as T;
}

export async function post<T>(path: string, body: string, opts: { type: string; token: string }): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    body,
    headers: {
      'Content-Type': opts.type,
      Authorization: `Bearer ${opts.token}`,
      Accept: 'application/json',
      ...langHeaders(),
    },
  });
  if (!res.ok) throw await toError(res);
  return (await res.json()) as T;
}

async function toError(res: Response): Promise<ApiError> {
  const said = res.headers.get('content-language') === 'ar' ? 'ar' : 'en';
  try {
    const p = (await res.json()) as { type?: string; title?: string; detail?: string; errors?: FieldError[] };
    return new ApiError(
      res.status,
      p.detail ?? p.title ?? `HTTP ${res.status}`,
      Array.isArray(p.errors) ? p.errors : [],
      said,
      typeof p.type === 'string' ? p.type : undefined,
    );
  } catch {
    return new ApiError(res.status, `HTTP ${res.status}`);
  }
}
