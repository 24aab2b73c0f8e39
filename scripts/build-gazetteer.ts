/**
 * Builds data/gazetteer/gazetteer.jsonl — the entities stage's gazetteer — from
 *
 * - data/gazetteer/src/*.tsv: countries, regions, organizations, outlets, stance-carrying
 *   aliases and well-known office holders, written for khabar (facts, in our own words);
 * - ../shared/data/gazetteer/cities-ar.tsv (ODbL / DbCL, countries-states-cities-database):
 *   cities with at least CITY_MIN_POPULATION inhabitants whose Arabic name is not also a
 *   common Arabic word: a hand-written list (`commonWords`), words ANERcorp's train split
 *   tags O more often than LOC, and one-word names that ../shared/data/ant/ant.jsonl uses
 *   ≥ 5 times but after a place word («في», «مدينة», …) less than a quarter of the time, and
 *   no phrase standing for a name (`isPhrase`: «المسكات عنب طيب الشذا» for Muscat), and no
 *   translation of a name outside the Arabic-speaking world (`isTranslatedName`: «الوضوء» for
 *   Wudu, «حيلة» for Ruse, «قائد المئة» for Centurion).
 *
 * One JSON object per line: an entity (id, type, names, country, sector, kind) and its
 * surface forms, each with the role it plays (name, demonym, alias, …). Expansion of
 * demonyms (nisba) into all their forms happens here, so the runtime only indexes.
 *
 * Run: node --import tsx scripts/build-gazetteer.ts [--shared ../shared]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { matchForm } from '../src/text/normalize.ts';
import { isPhrase, isTranslatedName } from './gazetteer-filters.ts';
import { slug, transliterate } from '../src/text/transliterate.ts';

/** Cities below this population are left out: small towns' names collide with common words. */
export const CITY_MIN_POPULATION = 100_000;

/**
 * Tunisian towns named «منزل X» or «سيدي X» («منزل بورقيبة», «منزل تميم», «سيدي بوسعيد») are
 * kept whatever their size: the two words together are no common phrase, and without the
 * town «منزل» reads as a house and «سيدي بوعلي» as a person. «منزل كامل» («a whole house»)
 * is left out.
 */
const SMALL_TOWN_FIRST = ['منزل', 'سيدي'].map((w) => `${matchForm(w)} `);
const SMALL_TOWN_COUNTRIES = new Set(['TN']);
const SMALL_TOWN_COMMON = new Set(['منزل كامل'].map((w) => matchForm(w)));
function smallTown(country: string, key: string): boolean {
  return (
    SMALL_TOWN_COUNTRIES.has(country) &&
    SMALL_TOWN_FIRST.some((w) => key.startsWith(w)) &&
    !SMALL_TOWN_COMMON.has(key)
  );
}

const root = new URL('..', import.meta.url).pathname;
const srcDir = join(root, 'data/gazetteer/src');
const outFile = join(root, 'data/gazetteer/gazetteer.jsonl');
const sharedArg = process.argv.indexOf('--shared');
const shared = sharedArg > 0 ? process.argv[sharedArg + 1]! : join(root, '../shared');

type Role = 'name' | 'demonym' | 'alias' | 'metonym';
interface Form {
  ar: string;
  role: Role;
  framing?: true;
}
interface GazEntry {
  id: string;
  type: 'LOC' | 'ORG' | 'PERS';
  kind: 'country' | 'capital' | 'city' | 'region' | 'org' | 'person';
  names: { ar: string; en?: string; latin?: string; aliases: string[] };
  country?: string;
  sector?: string;
  post?: { ar: string; en: string };
  externalIds?: Record<string, string>;
  forms: Form[];
}

function rows(file: string): string[][] {
  return readFileSync(join(srcDir, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t').map((c) => c.trim()));
}

function list(cell: string | undefined): string[] {
  return (cell ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Drop the article from an Arabic word if it has one. */
function bare(w: string): string {
  return w.startsWith('ال') ? w.slice(2) : w;
}

/**
 * All forms of a nisba adjective from its masculine singular (one or more words, each
 * inflected alike): إيراني → إيرانية، إيرانيون، إيرانيين، إيرانيات، إيرانيان، إيرانيتان…
 * and each with ال.
 */
export function nisbaForms(stem: string): string[] {
  const words = stem.split(/\s+/);
  const suffixes = ['', 'ة', 'ون', 'ين', 'ات', 'ان', 'تان', 'تين'];
  const out: string[] = [];
  for (const suf of suffixes) {
    const inflected = words.map((w) => w + suf);
    out.push(inflected.join(' '));
    out.push(inflected.map((w) => `ال${w}`).join(' '));
  }
  return out;
}

const DEMONYM_WITH_COUNTRY_EXCEPTIONS = new Set<string>();

function countries(): { entries: GazEntry[]; iso2to3: Map<string, string> } {
  const entries: GazEntry[] = [];
  const iso2to3 = new Map<string, string>();
  const wikidata: Record<string, string> = {
    IRN: 'Q794',
    PAK: 'Q843',
    SAU: 'Q851',
    ISR: 'Q801',
    USA: 'Q30',
    GBR: 'Q145',
    FRA: 'Q142',
    DEU: 'Q183',
    RUS: 'Q159',
    CHN: 'Q148',
    EGY: 'Q79',
    IRQ: 'Q796',
    SYR: 'Q858',
    TUR: 'Q43',
    LBN: 'Q822',
    JOR: 'Q810',
    QAT: 'Q846',
    ARE: 'Q878',
    YEM: 'Q805',
    AFG: 'Q889',
    IND: 'Q668',
    JPN: 'Q17',
  };
  for (const [iso3, iso2, en, arCell, nisbaCell, capCell, capEn, groupCell] of rows('countries.tsv')) {
    if (!iso3 || !iso2 || !en || !arCell) continue;
    iso2to3.set(iso2, iso3);
    const names = list(arCell);
    const forms: Form[] = names.map((ar) => ({ ar, role: 'name' }));
    for (const stem of list(nisbaCell)) {
      for (const f of nisbaForms(stem))
        if (!DEMONYM_WITH_COUNTRY_EXCEPTIONS.has(f)) forms.push({ ar: f, role: 'demonym' });
    }
    for (const g of list(groupCell)) forms.push({ ar: g, role: 'demonym' }, { ar: bare(g), role: 'demonym' });
    const qid = wikidata[iso3];
    entries.push({
      id: `country:${iso3}`,
      type: 'LOC',
      kind: 'country',
      names: { ar: names[0]!, en, latin: en, aliases: names.slice(1) },
      country: iso3,
      ...(qid ? { externalIds: { wikidata: qid, iso3166: iso3 } } : { externalIds: { iso3166: iso3 } }),
      forms,
    });
    const caps = list(capCell);
    if (caps.length > 0 && capEn) {
      entries.push({
        id: `city:${iso3.toLowerCase()}-${slug(capEn)}`,
        type: 'LOC',
        kind: 'capital',
        names: { ar: caps[0]!, en: capEn, latin: capEn, aliases: caps.slice(1) },
        country: iso3,
        forms: caps.map((ar) => ({ ar, role: 'name' })),
      });
    }
  }
  // The indefinite accusative of a one-word nisba («قتلوا أميركيا وهنديا»): a demonym too,
  // unless that form already names something (ليبيا، تركيا، إيطاليا are their own countries).
  const used = new Set<string>();
  for (const e of entries) for (const f of e.forms) used.add(matchForm(f.ar));
  for (const [iso3, , , , nisbaCell] of rows('countries.tsv')) {
    const e = entries.find((x) => x.id === `country:${iso3}`);
    if (!e) continue;
    for (const stem of list(nisbaCell)) {
      if (stem.includes(' ')) continue;
      const acc = `${stem}ا`;
      if (used.has(matchForm(acc))) continue;
      used.add(matchForm(acc));
      e.forms.push({ ar: acc, role: 'demonym' });
    }
  }
  return { entries, iso2to3 };
}

function named(): GazEntry[] {
  const out: GazEntry[] = [];
  for (const [id, type, sector, country, en, arCell, qid] of rows('entities.tsv')) {
    if (!id || !type || !en || !arCell) continue;
    const names = list(arCell);
    const kind = id.startsWith('region:') ? 'region' : id.startsWith('city:') ? 'city' : 'org';
    out.push({
      id,
      type: type as GazEntry['type'],
      kind,
      names: { ar: names[0]!, en, latin: en, aliases: names.slice(1) },
      ...(country ? { country } : {}),
      ...(sector ? { sector } : {}),
      ...(qid ? { externalIds: { wikidata: qid } } : {}),
      forms: names.map((ar) => ({ ar, role: 'name' })),
    });
  }
  return out;
}

function people(): GazEntry[] {
  const out: GazEntry[] = [];
  for (const [id, en, arCell, country, sector, postAr, postEn] of rows('people.tsv')) {
    if (!id || !en || !arCell) continue;
    const names = list(arCell);
    out.push({
      id,
      type: 'PERS',
      kind: 'person',
      names: { ar: names[0]!, en, latin: en, aliases: names.slice(1) },
      ...(country ? { country } : {}),
      ...(sector ? { sector } : {}),
      ...(postAr && postEn ? { post: { ar: postAr, en: postEn } } : {}),
      forms: names.map((ar) => ({ ar, role: 'name' })),
    });
  }
  return out;
}

function applyAliases(entries: GazEntry[]): void {
  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const [id, role, arCell] of rows('aliases.tsv')) {
    const e = id ? byId.get(id) : undefined;
    if (!e) throw new Error(`aliases.tsv: unknown entity ${id}`);
    for (const ar of list(arCell)) e.forms.push({ ar, role: role as Role, framing: true });
  }
}

/**
 * Common Arabic words that are also city names somewhere (a town called «الخبر» "the
 * news", «رجل» "man"): never tag them as places. Written by hand; the ANERcorp check
 * below catches more when ../shared is present.
 */
const commonWords = new Set(
  [
    'اسم',
    'اللغة',
    'الباب',
    'الترف',
    'الخبر',
    'الحلة',
    'الخمس',
    'النمر',
    'جنت',
    'ذكر',
    'رجل',
    'تشكيل',
    'تغيير',
    'دعوة',
    'سري',
    'سان',
    'ساري',
    'إطار',
    'أنت',
    'أني',
    'بني',
    'بو',
    'باب',
    'خاف',
    'جهز',
    'حنان',
    'زيار',
    'مشهد',
    'أراك',
    'قم',
    'العين',
    'باي',
    'داي',
    'جاي',
    'بام',
    'بوي',
    'بيان',
    'جنان',
    'سنان',
    'زيدان',
    'حسينة',
    'مدينة',
    'الواد',
    'الهدا',
    'القفر',
    'الكوت',
    'السيب',
    'أهداب',
    'أنجو',
    'جولان',
    'جورج',
    'سيني',
    'تورا',
    'جوي',
    'دي آن',
    'رونان',
    'صور',
    'عمان',
    'الجديدة',
    'السلام',
    'النهضة',
    'المستقبل',
    'الوحدة',
    'الشروق',
    'الأمل',
    'النصر',
    'الرشيد',
    'الفلاح',
    'الحرية',
    'الصالحية',
    'المنصورة',
    'كريم',
    'سعيد',
    'محمد',
    'علي',
    'حسن',
    'سليمان',
    'زينب',
    'مريم',
    // Brent (a London borough) is «خام برنت», Brent crude, in the news: a word of the oil market.
    'برنت',
  ].map((w) => matchForm(w)),
);

/** Words tagged O more often than LOC in ANERcorp train: common words, not places. */
function anercorpCommon(): Set<string> | undefined {
  const file = join(shared, 'data/anercorp/train.txt');
  if (!existsSync(file)) return undefined;
  const o = new Map<string, number>();
  const loc = new Map<string, number>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const sp = line.lastIndexOf(' ');
    if (sp <= 0) continue;
    const w = matchForm(line.slice(0, sp));
    const tag = line.slice(sp + 1);
    const m = tag.endsWith('LOC') ? loc : tag === 'O' ? o : undefined;
    if (m) m.set(w, (m.get(w) ?? 0) + 1);
  }
  const out = new Set<string>();
  for (const [w, n] of o) if (n >= 2 && n > (loc.get(w) ?? 0)) out.add(w);
  return out;
}

const LOCATIVE = new Set(
  [
    'في',
    'من',
    'إلى',
    'الى',
    'مدينة',
    'بمدينة',
    'ولاية',
    'بولاية',
    'محافظة',
    'منطقة',
    'قرب',
    'شمال',
    'جنوب',
    'شرق',
    'غرب',
    'وسط',
    'عاصمة',
    'بلدة',
    'ضواحي',
    'حي',
  ].map((w) => matchForm(w)),
);

/**
 * How ../shared/data/ant/ant.jsonl (Apache-2.0, 10k Tunisian news articles) uses each
 * candidate one-word city name: how often it occurs, and how often right after a place
 * word («في», «مدينة», «إلى»…). A city name is mostly used as a place; a common word
 * («عميد» dean) is not.
 */
function antUsage(candidates: Set<string>): Map<string, { n: number; loc: number }> | undefined {
  const file = join(shared, 'data/ant/ant.jsonl');
  if (!existsSync(file)) return undefined;
  const out = new Map<string, { n: number; loc: number }>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const text = matchForm((JSON.parse(line) as { text?: string }).text ?? '');
    const words = text.split(/[^\p{L}\p{M}]+/u);
    for (let k = 0; k < words.length; k++) {
      const w = words[k]!;
      if (!candidates.has(w)) continue;
      const u = out.get(w) ?? { n: 0, loc: 0 };
      u.n++;
      if (k > 0 && LOCATIVE.has(words[k - 1]!)) u.loc++;
      out.set(w, u);
    }
  }
  return out;
}

/** Cities that ANT (sports pages, Tunisian usage) would drop but news about the region needs. */
const KEEP_CITIES = new Set(
  ['الحديدة', 'مصراتة', 'السويس', 'الأقصر', 'بجاية', 'بسكرة', 'الديوانية'].map((w) => matchForm(w)),
);

/** A one-word name used at least this often in ANT must be a place there at least this share of the time. */
const ANT_MIN_USES = 5;
const ANT_MIN_PLACE_SHARE = 0.25;

function cities(
  iso2to3: Map<string, string>,
  taken: Set<string>,
  known: Map<string, GazEntry>,
): { entries: GazEntry[]; note: string } {
  const file = join(shared, 'data/gazetteer/cities-ar.tsv');
  if (!existsSync(file)) return { entries: [], note: `${file} absent: no cities added` };
  const common = anercorpCommon();
  const lines = readFileSync(file, 'utf8').split('\n');
  const header = lines[0]?.split('\t') ?? [];
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`cities-ar.tsv: no column ${name} (have ${header.join(', ')})`);
    return i;
  };
  const [cC, cEn, cAr, cPop] = [col('country'), col('name_en'), col('name_ar'), col('population')];
  const best = new Map<string, { pop: number; row: string[] }>();
  let dropped = 0;
  for (const line of lines.slice(1)) {
    const f = line.split('\t');
    const pop = Number(f[cPop]);
    const ar = f[cAr]?.trim();
    if (!ar || !/\p{Script=Arabic}/u.test(ar)) continue;
    const key = matchForm(ar);
    if (!(pop >= CITY_MIN_POPULATION) && !smallTown(f[cC] ?? '', key)) continue;
    const letters = bare(key).replace(/\s/g, '');
    if (
      letters.length < 3 ||
      commonWords.has(key) ||
      commonWords.has(bare(key)) ||
      taken.has(key) ||
      isPhrase(key, f[cEn] ?? '') ||
      isTranslatedName(ar, f[cEn] ?? '', iso2to3.get(f[cC] ?? '') ?? '')
    ) {
      dropped++;
      continue;
    }
    if (common && !key.includes(' ') && (common.has(key) || common.has(bare(key)))) {
      dropped++;
      continue;
    }
    const prev = best.get(key);
    if (!prev || prev.pop < pop) best.set(key, { pop, row: f });
  }
  // «ولاية القيروان» listed as a town of Guinea: an admin-unit word before the name of
  // another country's town is a mistranslation in the source, not a place of its own.
  const ADMIN = ['ولاية', 'محافظة', 'مقاطعة', 'إقليم'].map((w) => `${matchForm(w)} `);
  for (const [key, { row }] of [...best]) {
    const prefix = ADMIN.find((a) => key.startsWith(a));
    if (!prefix) continue;
    const rest = best.get(key.slice(prefix.length));
    if ((rest && rest.row[cC] !== row[cC]) || taken.has(key.slice(prefix.length))) {
      best.delete(key);
      dropped++;
    }
  }
  const usage = antUsage(new Set([...best.keys()].filter((k) => !k.includes(' '))));
  if (usage) {
    for (const [key, u] of usage) {
      if (u.n >= ANT_MIN_USES && u.loc / u.n < ANT_MIN_PLACE_SHARE && !KEEP_CITIES.has(key)) {
        best.delete(key);
        dropped++;
      }
    }
  }
  const entries: GazEntry[] = [];
  const ids = new Set<string>();
  for (const { row } of best.values()) {
    const iso3 = iso2to3.get(row[cC] ?? '');
    if (!iso3) continue;
    const en = row[cEn] ?? '';
    let id = `city:${iso3.toLowerCase()}-${slug(en) || slug(row[cAr]!)}`;
    const same = known.get(id);
    if (same) {
      // Another Arabic spelling of a capital we already have.
      same.forms.push({ ar: row[cAr]!, role: 'name' });
      same.names.aliases.push(row[cAr]!);
      continue;
    }
    for (let n = 2; ids.has(id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
    ids.add(id);
    // Tunisian spellings: «عبد الرحمان» for «عبد الرحمن» («منزل عبد الرحمان»), «بوعلي» for
    // «بو علي» («سيدي بوعلي»).
    const ar = row[cAr]!;
    const variant = ar.endsWith('الرحمن')
      ? `${ar.slice(0, -1)}ان`
      : / بو \S/.test(ar)
        ? ar.replace(/ بو (?=\S)/g, ' بو')
        : undefined;
    entries.push({
      id,
      type: 'LOC',
      kind: 'city',
      names: { ar, en, latin: en, aliases: variant ? [variant] : [] },
      country: iso3,
      forms: [{ ar, role: 'name' }, ...(variant ? [{ ar: variant, role: 'name' as const }] : [])],
    });
  }
  return {
    entries,
    note: `${entries.length} cities ≥ ${CITY_MIN_POPULATION} inhabitants or Tunisian «منزل/سيدي …» (${dropped} dropped as common words, too short, or already named)${common ? '' : '; ANERcorp check skipped'}${usage ? '' : '; ANT check skipped'}`,
  };
}

function main(): void {
  const { entries: cs, iso2to3 } = countries();
  const rest = [...named(), ...people()];
  const all = [...cs, ...rest];
  applyAliases(all);
  const taken = new Set<string>();
  for (const e of all) for (const f of e.forms) taken.add(matchForm(f.ar));
  const { entries: cityEntries, note } = cities(iso2to3, taken, new Map(all.map((e) => [e.id, e])));
  const ids = new Set<string>();
  const lines: string[] = [];
  for (const e of [...all, ...cityEntries]) {
    if (ids.has(e.id)) throw new Error(`duplicate id ${e.id}`);
    ids.add(e.id);
    if (!e.names.latin) e.names.latin = transliterate(e.names.ar);
    lines.push(JSON.stringify(e));
  }
  writeFileSync(outFile, `${lines.join('\n')}\n`);
  console.log(`${outFile}: ${lines.length} entities (${cs.length} countries and capitals; ${note})`);
}

main();
