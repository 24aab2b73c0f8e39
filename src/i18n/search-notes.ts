/**
 * Search notes — what a query could not be read as written, and how it was read — as a stable
 * code with its values, and their text in both interface languages. The query parser, the
 * compiler and the store make notes (`SearchNote`); the CLI (`--lang`), the API (`?lang=` /
 * Accept-Language: `notes[].message`) and the web app write them with `searchNoteText`. The
 * English text is the one `SearchResponse.warnings` has always carried.
 */
import type { Lang } from './glossary.ts';

export interface SearchNoteParams {
  'unclosed-quote': { quote: string };
  'filter-no-value': { filter: string };
  /** `near`: filter names the mistyped one is close to, comma-separated, or ''. */
  'not-a-filter': { name: string; raw: string; filters: string; near: string };
  'unbalanced-paren': Record<string, never>;
  'unclosed-paren': Record<string, never>;
  'or-nothing-after': Record<string, never>;
  'not-nothing-after': Record<string, never>;
  'not-before-filter': { filter: string };
  'or-beside-filter': { filter: string };
  'from-after-to': { from: string; to: string };
  'no-word': { text: string };
  'short-prefix': { text: string };
  'not-in-or': Record<string, never>;
  'unknown-actor': { value: string };
  /**
   * An actor value naming several entities: `ids` comma-separated, `names` their Arabic names
   * `|`-separated (in the same order), `more` '1' when there were more than those listed.
   */
  'ambiguous-actor': { value: string; ids: string; names: string; more: string };
  'unknown-outlet': { value: string };
}

export type SearchNoteCode = keyof SearchNoteParams;

/** One note: its code (stable, for programs) and the values its text names. */
export type SearchNote = {
  [C in SearchNoteCode]: { code: C; params: SearchNoteParams[C] };
}[SearchNoteCode];

/** A note of `code` with `params`. */
export function searchNote<C extends SearchNoteCode>(code: C, params: SearchNoteParams[C]): SearchNote {
  return { code, params } as SearchNote;
}

/**
 * The notes without repeats, in first-seen order: «(((» made three «unclosed "("» notes, listed
 * three times over the results; one note says it.
 */
export function uniqueNotes(notes: readonly SearchNote[]): SearchNote[] {
  const seen = new Set<string>();
  return notes.filter((n) => {
    const key = JSON.stringify([n.code, n.params]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** «علي لاريجاني (person:ali-larijani)، …» — each entity of an ambiguous actor value, then «…» when more. */
function namedIds(p: SearchNoteParams['ambiguous-actor'], sep: string): string {
  const names = p.names.split('|');
  const listed = p.ids.split(',').map((id, i) => (names[i] ? `${names[i]} (${id})` : id));
  return `${listed.join(sep)}${p.more ? `${sep}…` : ''}`;
}

const nearEn = (near: string) =>
  near
    ? `; did you mean ${near
        .split(',')
        .map((f) => `«${f}:»`)
        .join(' or ')}?`
    : '';
const nearAr = (near: string) =>
  near
    ? `؛ هل تقصد ${near
        .split(',')
        .map((f) => `«${f}:»`)
        .join(' أو ')}؟`
    : '';

type Texts = { [C in SearchNoteCode]: (p: SearchNoteParams[C]) => string };

const EN: Texts = {
  'unclosed-quote': (p) => `unclosed quote ${p.quote}: read to the end of the query`,
  'filter-no-value': (p) => `${p.filter}: has no value`,
  'not-a-filter': (p) =>
    `${p.name}: is not a filter (${p.filters})${nearEn(p.near)}; «${p.raw}» is searched as words`,
  'unbalanced-paren': () => 'unbalanced ")": ignored',
  'unclosed-paren': () => 'unclosed "(": closed at the end of the query',
  'or-nothing-after': () => '"OR" has nothing after it: ignored',
  'not-nothing-after': () => '"NOT" has nothing after it: ignored',
  'not-before-filter': (p) =>
    `"NOT" before ${p.filter} is ignored: a filter cannot be excluded, it narrows the results to its value`,
  'or-beside-filter': (p) =>
    `"OR" beside ${p.filter} is read as AND: filters apply to the whole query (several values of one filter, country:IRN,EGY, mean any of them)`,
  'from-after-to': (p) => `from:${p.from} is after to:${p.to}: no date is in between; swap them`,
  'no-word': (p) => `«${p.text}» has no word to search for (punctuation, symbols or a link): ignored`,
  'short-prefix': (p) =>
    `«${p.text}*»: a prefix needs at least two letters; searched as the word «${p.text}»`,
  'not-in-or': () => 'a NOT inside OR needs a word beside it, as in (a -b) OR c: ignored',
  'unknown-actor': (p) =>
    `actor:${p.value} names no actor of the archive: give a name as the articles write it (a family name alone will do for a person) or an entity id such as person:ali-larijani`,
  'ambiguous-actor': (p) =>
    `actor:${p.value} names more than one actor of the archive — ${namedIds(p, ', ')}: the results are those of any of them; give an id (actor:${p.ids.split(',')[0]}) for one`,
  'unknown-outlet': (p) =>
    `outlet:${p.value} is no outlet of the archive: outlets are matched exactly as stored (\`khabar status\` lists them)`,
};

// The query's own words (OR, NOT, filter names and values) stay as written.
const AR: Texts = {
  'unclosed-quote': (p) => `علامة التنصيص ${p.quote} لم تُغلق: قُرئ ما بعدها إلى آخر الاستعلام`,
  'filter-no-value': (p) => `${p.filter}: بلا قيمة، فأُهمل`,
  'not-a-filter': (p) =>
    `${p.name}: ليس من المرشّحات (${p.filters})${nearAr(p.near)}؛ فبُحث عن «${p.raw}» كلماتٍ`,
  'unbalanced-paren': () => 'قوس «)» بلا قوس يفتحه: أُهمل',
  'unclosed-paren': () => 'قوس «(» لم يُغلق: أُغلق عند آخر الاستعلام',
  'or-nothing-after': () => '«OR» ليس بعدها شيء: أُهملت',
  'not-nothing-after': () => '«NOT» ليس بعدها شيء: أُهملت',
  'not-before-filter': (p) => `أُهملت «NOT» قبل ${p.filter}: لا يُستبعد مرشّح، بل يحصر النتائج في قيمته`,
  'or-beside-filter': (p) =>
    `قُرئت «OR» بجانب ${p.filter} على أنها AND: المرشّحات تسري على الاستعلام كله (وقيم مرشّح واحد معًا، مثل country:IRN,EGY، تعني أيًّا منها)`,
  'from-after-to': (p) => `from:${p.from} بعد to:${p.to}: لا تاريخ بينهما؛ بدّل بينهما`,
  'no-word': (p) => `«${p.text}» ليس فيه كلمة يُبحث عنها (علامات أو رموز أو رابط): أُهمل`,
  'short-prefix': (p) => `«${p.text}*»: البادئة تحتاج حرفين على الأقل؛ فبُحث عن الكلمة «${p.text}»`,
  'not-in-or': () => 'أُهملت NOT داخل OR بلا كلمة بجانبها؛ اكتبها كما في (a -b) OR c',
  'unknown-actor': (p) =>
    `actor:${p.value} لا يسمّي فاعلًا في الأرشيف: اكتب الاسم كما تكتبه الأخبار (يكفي اسم العائلة للشخص) أو معرّف كيان مثل person:ali-larijani`,
  'ambiguous-actor': (p) =>
    `actor:${p.value} يسمّي أكثر من فاعل في الأرشيف — ${namedIds(p, '، ')}: النتائج لأيٍّ منهم؛ اكتب معرّف واحد منهم (actor:${p.ids.split(',')[0]}) لحصرها فيه`,
  'unknown-outlet': (p) =>
    `outlet:${p.value} ليس من مصادر الأرشيف: يُطابَق المصدر كما خُزّن تمامًا (يسردها \`khabar status\`)`,
};

/** The note's text in `lang`. */
export function searchNoteText(note: SearchNote, lang: Lang): string {
  const texts = lang === 'ar' ? AR : EN;
  return (texts[note.code] as (p: SearchNote['params']) => string)(note.params);
}

/** Every code, for tests and the API's schema. */
export const SEARCH_NOTE_CODES = Object.keys(EN) as SearchNoteCode[];

/** Notes as the API and `khabar search --json` give them: code, values and the text in `lang`. */
export function localizedNotes(
  notes: readonly SearchNote[] | undefined,
  lang: Lang,
): Array<SearchNote & { message: string }> | undefined {
  return notes?.map((n) => ({ ...n, message: searchNoteText(n, lang) }));
}
