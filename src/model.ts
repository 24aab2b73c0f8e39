/**
 * khabar's data model: the types every stage exchanges. One source of truth; stages
 * import from here. Every derived thing keeps offsets into `Article.text` (a `Span`),
 * so an entity, an event or a search hit can point back to the exact words.
 */

/** `[start, end)` UTF-16 offsets into the article's original text. */
export type Span = readonly [start: number, end: number];

/** A content problem, reported on the document (unified/vfile style), never thrown. */
export interface Message {
  /** Stable rule id from the error catalogue, e.g. `ingest/encoding-converted`. */
  ruleId: string;
  severity: 'info' | 'warning' | 'error';
  /** What happened and what to do next. */
  reason: string;
  span?: Span;
}

export interface Provenance {
  /** Path, URL or `-` (stdin) the article came from. */
  source: string;
  format: 'text' | 'html' | 'feed' | 'jsonl' | 'api' | 'example';
  /** ISO time of ingest. */
  ingestedAt: string;
  /** Encoding the bytes were decoded from (`utf-8`, `utf-16le`, `windows-1256`, …). */
  encoding?: string;
  /** Paths the article was stored under before its file was moved there, oldest first (docs/ingest.md). */
  movedFrom?: string[];
  /**
   * A feed item's link (its tracking parameters dropped) the article was fetched from — or, for a
   * teaser, could not be: the place (`Store.place`) that connects the teaser to the page that
   * replaces it, whose canonical url (and so its id) may differ.
   */
  link?: string;
}

/** An earlier version of an article, kept when its file was edited or its record changed (docs/ingest.md, "Edited files"). */
export interface Superseded {
  /** The id of the article that replaced it (itself superseded in turn, perhaps). */
  supersededBy: string;
  /** ISO time it was replaced. */
  at: string;
}

export interface Article {
  /** Stable: hash of outlet+url, or of the match-normalized text when there is no url. */
  id: string;
  outlet?: string;
  url?: string;
  title?: string;
  dateline?: string;
  /** ISO 8601 (date, or date-time with offset when known). */
  published?: string;
  byline?: string;
  /** ISO 639-1 (`ar`, `fa`, `ur`, `en`, …) or `und`. */
  language: string;
  text: string;
  provenance: Provenance;
  warnings: Message[];
  /** Only on an earlier version read back (`Store.version`): what replaced it, and when. */
  superseded?: Superseded;
  /**
   * `teaser`: only what a feed item gave (its title and description), its link could not be
   * fetched (the article's warning says why); the page replaces it when a later ingest reads it.
   */
  partial?: 'teaser';
}

// ---------------------------------------------------------------- brief

export type SectionKind =
  | 'why_it_matters'
  | 'big_picture'
  | 'what_they_say'
  | 'key_points'
  | 'deeper_look'
  | 'latest'
  | 'details'
  | 'other';

/** A run of text with its span in the source. */
export interface Block {
  text: string;
  span: Span;
  /**
   * In a composed «ماذا يقولون»: who makes the statement, as the article names them (the
   * earlier full name when the sentence says «وأضاف» or «المصدر نفسه»).
   */
  speaker?: string;
}

export interface Section {
  kind: SectionKind;
  /** The label as written (e.g. «أهمية الخبر»); for composed briefs, the canonical label. */
  label: string;
  /** Span of the label and its closing mark; absent for composed briefs. */
  labelSpan?: Span;
  /** For `what_they_say` labels of the form «ما يقوله X». */
  speaker?: string;
  paragraphs: Block[];
  items: Block[];
  /** Whole section, label included. */
  span: Span;
}

export const BRIEF_SCHEMA = 'khabar.brief/1' as const;

export interface Brief {
  schema: typeof BRIEF_SCHEMA;
  /** `labelled`: parsed from the template; `unlabelled`: no template found; `composed`: drafted by compose. */
  origin: 'labelled' | 'unlabelled' | 'composed';
  /** Outlet as named in the dateline («إيران برس»). */
  source?: string;
  dateline?: Block;
  lead: Block[];
  sections: Section[];
  /** Body paragraphs of an unlabelled article. */
  body: Block[];
  byline?: Block;
  /** Related headlines, «اقرأ المزيد», page numbers: never a section's content. */
  trailing: Block[];
  messages: Message[];
}

// ---------------------------------------------------------------- entities

export type EntityType = 'PERS' | 'ORG' | 'LOC' | 'GPE' | 'POST' | 'MISC';

/** Sector codes in the POLECAT/CAMEO style. */
export type Sector =
  | 'GOV'
  | 'MIL'
  | 'OPP'
  | 'REB'
  | 'CVL'
  | 'MED'
  | 'BUS'
  | 'IGO'
  | 'NGO'
  | 'JUD'
  | 'LEG'
  | 'PTY'
  | 'REL'
  | 'EDU'
  | 'HLH'
  | 'SPY'
  | 'COP'
  | 'UAF';

export interface Post {
  ar: string;
  en?: string;
  /** ISO 3166-1 alpha-3. */
  country?: string;
  sector?: string;
  span?: Span;
  /**
   * Date (ISO) of the article that states the post: a post is the article's claim at its
   * date, so across articles the latest one is the person's current post.
   */
  asOf?: string;
  /**
   * Where the article says the post is not, or not yet, held: `former` («الوزير السابق»,
   * «الرئيس المخلوع»), `designate` (appointed or charged: «عُيّن … وزيرا للخارجية», «رئيس
   * الحكومة المكلف»), `elect` («انتُخب … رئيسا», «الرئيس المنتخب»), `candidate` («المرشح
   * لمنصب …»). Absent: the article says the person holds it at its date.
   */
  status?: PostStatus;
}

export type PostStatus = 'former' | 'designate' | 'elect' | 'candidate';

export interface Mention {
  span: Span;
  /** Surface text exactly as in the article. */
  text: string;
  type: EntityType;
  entityId?: string;
  /**
   * When one mention stands for several entities («الطرفان», «البلدين»): all of them, in
   * order of first mention. `entityId` then holds the first.
   */
  entityIds?: string[];
  /** How the mention names its entity. */
  role: 'name' | 'demonym' | 'metonym' | 'alias' | 'post' | 'coref' | 'pronoun';
  /** A loaded alias the outlet used (e.g. «الكيان الصهيوني» for Israel). */
  framing?: string;
  /** Where the mention came from: gazetteer, tagger, post grammar, coreference. */
  via: 'gazetteer' | 'tagger' | 'post' | 'coref';
  confidence: number;
}

export interface Entity {
  /** Stable across articles: `country:IRN`, `person:ali-larijani`, `org:un`, … */
  id: string;
  type: EntityType;
  names: { ar: string; en?: string; latin?: string; aliases: string[] };
  /** ISO 3166-1 alpha-3 the entity belongs to or acts for. */
  country?: string;
  sector?: string;
  post?: Post;
  externalIds?: Record<string, string>;
}

// ---------------------------------------------------------------- events

export const PLOVER_TYPES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

export interface Actor {
  entityId?: string;
  name?: string;
  /** ISO 3166-1 alpha-3. */
  country?: string;
  sector?: string;
}

export interface DateRef {
  /** ISO date, or `YYYY-MM` / `YYYY` for coarser precision. */
  value?: string;
  precision: 'day' | 'month' | 'year' | 'unknown';
  /** The words it was read from («اليوم الثلاثاء»). */
  expression?: string;
  span?: Span;
  /** The Hijri date as written, when the source gave one. */
  hijri?: string;
  /** For durations («استمرت 12 يومًا»): length in days. */
  durationDays?: number;
  /**
   * Where the date it rests on came from: `text` when its value was worked out from a date read
   * from the article's own text (its dateline or byline — the article came with none), as the
   * reader marks such a date «(من النص)»; `source` when given with the article. Absent on a date
   * written in full, and on a relative one left unresolved (no `value`).
   */
  from?: 'source' | 'text';
}

export interface EventRecord {
  id: string;
  type: PloverType;
  mode?: string;
  contexts: string[];
  source: Actor[];
  target: Actor[];
  reciprocal: boolean;
  date?: DateRef;
  location?: string;
  attribution?: { speaker?: Actor; verb?: string; span?: Span };
  modality: 'happened' | 'intended' | 'denied' | 'conditional';
  negated: boolean;
  /** A past event only recalled by the article. */
  background: boolean;
  confidence: number;
  trigger: Block;
  /** One span per restatement of the event (lead, sections, key points). */
  evidence: Span[];
}

export interface Analysis {
  mentions: Mention[];
  entities: Entity[];
  events: EventRecord[];
  /** Publication date used to resolve relative dates. */
  published?: DateRef;
  dates: DateRef[];
  messages: Message[];
}

/** An article after the whole pipeline. */
export interface ProcessedArticle {
  article: Article;
  brief: Brief;
  analysis: Analysis;
}

// ---------------------------------------------------------------- relations

export interface DyadPeriod {
  /** `YYYY-MM` (or another period key). */
  period: string;
  events: number;
  /** Mean cooperation–conflict weight of the period's events, in [-10, 10]. */
  score: number;
}

export interface Dyad {
  level: 'country' | 'actor';
  source: string;
  target: string;
  counts: Partial<Record<PloverType, number>>;
  total: number;
  score: number;
  periods: DyadPeriod[];
}
