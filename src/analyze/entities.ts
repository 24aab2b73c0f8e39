/**
 * findEntities: text → mentions and entities.
 *
 * One pass over tokens tries, at each word, a post («وزير الداخلية الباكستاني»), a
 * government body («الحكومة الباكستانية»), an honorific-led name, a gazetteer match
 * (countries, demonyms, aliases, capitals, cities, regions, organizations, outlets,
 * well-known people) and a name led by a known given name, longest first. A post
 * followed (or preceded) by a name in apposition gives that person the post. Then
 * coreference adds surnames, posts named again, and «الطرفان» / «البلدين».
 * Deterministic; linear in the text.
 */
import type { Brief, Entity, Mention, Message, Post } from '../model.ts';
import { groups, pairs, shortOrgs, surnames } from './coref.ts';
import {
  articleGazetteer,
  type FormHit,
  type GazEntry,
  type GazMatch,
  type Gazetteer,
  gazetteer,
  matchAt,
} from './gazetteer/index.ts';
import {
  ARTICLE_GIVEN,
  COMPOUND_HEADS,
  COMPOUND_TAILS,
  GIVEN_NAMES,
  NAME_STOP,
  POLITICAL_VERBS,
  STATE_CONTEXT,
  lightKey,
} from './gazetteer/lexicon.ts';
import { slug, transliterate } from '../text/transliterate.ts';
import {
  articleFamilyAt,
  familyEnd,
  givenAt,
  type NameRun,
  nameAt,
  opensName,
  placeGivenName,
  secondSurname,
} from './gazetteer/names.ts';
import { type Tok, keyOf, readings, surfaceOffset, tokenize } from './gazetteer/tokens.ts';
import { EntityTable } from './link.ts';
import {
  COMPANY_HEADS,
  INSTITUTION_HEADS,
  ORG_WORDS,
  type OrgSpan,
  cliticArticle,
  nameAdjective,
  opensOrg,
  orgSpanAt,
  orgWordReading,
} from './orgs.ts';
import { nameCue, tagSentences } from './gazetteer/tagging.ts';
import { latinNameAt, latinOrgAt } from './latin.ts';
import { orgEnglish } from './org-names.ts';
import { foreignEvidence, foreignSurname } from './gazetteer/evidence.ts';
import {
  type BodyMatch,
  type PostMatch,
  appointedPostAt,
  appointingBefore,
  bodyAt,
  bodyFirstWords,
  ministriesAt,
  opensActing,
  candidatePostAt,
  isCandidateWord,
  counterpartAt,
  isFormerWord,
  isPostHead,
  type LongPost,
  longHeadAt,
  longPostAt,
  postAt,
  type PossessivePost,
  opensPossessive,
  possessivePostAt,
  rankPostAt,
  prepBodyWord,
  stripAl,
  withThe,
} from './posts.ts';

export interface EntityResult {
  mentions: Mention[];
  entities: Entity[];
  messages: Message[];
}

export interface EntityOptions {
  brief?: Brief;
  /**
   * The trained tagger finds people and organizations no list knows. `auto` (default):
   * on sentences with a cue for a name (a post, an honorific, a given name, a speech
   * verb, an organization word); `all`: every sentence; `off`: gazetteer and grammar only.
   */
  tagger?: 'auto' | 'all' | 'off';
}

const SENTENCE_END = new Set(['.', '؟', '?', '!', '؛', ':']);

/** `text.slice(from, to).includes('\n')` without the slice. */
function newlineIn(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

function sentences(text: string, toks: Tok[]): Int32Array {
  const out = new Int32Array(toks.length);
  let s = 0;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    const prev = toks[k - 1];
    if (prev && (SENTENCE_END.has(prev.key) || newlineIn(text, prev.end, t.start))) s++;
    out[k] = s;
  }
  return out;
}

interface PostRecord {
  pm: PostMatch;
  mention: Mention;
  holder?: Entity;
}

class Run {
  readonly mentions: Mention[] = [];
  readonly firstTok: number[] = [];
  readonly table = new EntityTable();
  readonly posts: PostRecord[] = [];
  /** Person mentions with the token they end on, for a post that follows in apposition. */
  readonly personEnds = new Map<number, Entity>();
  /** First token of the person mention ending at a token (parallel to `personEnds`). */
  readonly personFirst = new Map<number, number>();
  lastGaz: { m: GazMatch; metonym: boolean } | undefined;
  tags: readonly string[] | undefined;
  /** Sentence index of each token. */
  sentence: Int32Array | undefined;
  /** Government bodies named without a country («وزارة التربية»), for `resolveBodies`. */
  readonly looseBodies: BodyMatch[] = [];
  /** One-word tagger names waiting for coreference to claim them. */
  readonly pendingSingles: number[] = [];
  /** Towns read after a place word (`placeAfterWord`): their entities and match keys. */
  readonly towns: { ent: Entity; keys: string[]; delegation: boolean }[] = [];

  constructor(
    readonly text: string,
    readonly toks: Tok[],
    readonly gaz: Gazetteer,
  ) {}

  add(m: Mention, tok: number): Mention {
    this.mentions.push(m);
    this.firstTok.push(tok);
    return m;
  }

  mention(start: number, end: number, tok: number, rest: Omit<Mention, 'span' | 'text'>): Mention {
    return this.add({ span: [start, end], text: this.text.slice(start, end), ...rest }, tok);
  }

  /** A capital or city stands for its state when it acts or is related to another state. */
  stateContext(m: GazMatch): boolean {
    const prev = this.toks[m.first - 1];
    const next = this.toks[m.last + 1];
    // «الطريق بين منزل بوزلفة وبني خلاد», «بين قابس و…»: between a town (no capital) and
    // another place is a road or a stretch of land, not two states.
    if (prev?.key === BETWEEN && m.hits[0]!.entry.kind === 'city') return false;
    if (
      prev?.arabic &&
      m.strip === 0 &&
      readings(prev.key).some((r) => STATE_CONTEXT.has(r.key) || POLITICAL_VERBS.has(r.key))
    )
      return true;
    if (next?.arabic && POLITICAL_VERBS.has(next.key)) return true;
    // «بين طهران وإسلام آباد»: joined by و to a state just named.
    const lg = this.lastGaz;
    if (m.strip > 0 && this.toks[m.first]!.key.startsWith('و') && lg && lg.m.last === m.first - 1) {
      return lg.metonym || lg.m.hits[0]!.entry.kind === 'country';
    }
    return false;
  }

  /**
   * «اجتماعًا وزاريًا»: «وزاريا» is «وزاري» + alef, not «و» + Zaria. A one-word city read
   * only by taking the conjunction و/ف off the word needs a place beside it: a place or a
   * place word just before («في كانو وزاريا», «مدينة …»), else it is left unread.
   */
  looseCity(m: GazMatch): boolean {
    const e = m.hits[0]!.entry;
    if ((e.kind === 'city' || e.kind === 'capital') && m.first === m.last) {
      // «كمينا» (an ambush), «كبيرًا» (big): a one-word city read by taking «ك» (like) off
      // the word is nearly always a word of the sentence.
      if (m.strip > 0 && this.toks[m.first]!.key.slice(0, m.strip).includes('ك')) return true;
      if (this.nisbaAdjective(m)) return true;
    }
    if (e.kind !== 'city' || m.first !== m.last || m.strip !== 1) return false;
    const t = this.toks[m.first]!;
    if (!/^[وف]/.test(t.key)) return false;
    const lg = this.lastGaz;
    if (lg && lg.m.last === m.first - 1) return false;
    const prev = this.toks[m.first - 1];
    return !(prev?.arabic && readings(prev.key).some((r) => PLACE_WORDS.has(r.key)));
  }

  /**
   * «المصالح الديوانية» (the customs services), «الطريق السريعة»: a city written like a
   * nisba adjective (ال…ية) right after a definite noun that is no place word agrees
   * with that noun as its adjective; it is not the city (Diwaniyah) — «محافظة الديوانية»
   * and «مدينة الديوانية» still are.
   */
  nisbaAdjective(m: GazMatch): boolean {
    const t = this.toks[m.first]!;
    if (m.strip !== 0 || !t.key.startsWith('ال') || !/يه$/.test(t.key)) return false;
    const prev = this.toks[m.first - 1];
    if (!prev?.arabic || prev.punct) return false;
    const defs = readings(prev.key).filter((r) => r.key.startsWith('ال'));
    if (defs.length === 0 || defs.some((r) => PLACE_WORDS.has(stripAl(r.key)))) return false;
    return matchAt(this.gaz, this.toks, m.first - 1) === undefined;
  }

  /** Countries named in the article by a form that names nothing else (computed when first needed). */
  private namedCountries: Set<string> | undefined;

  countriesNamed(): Set<string> {
    if (!this.namedCountries) {
      const out = new Set<string>();
      for (let i = 0; i < this.toks.length; i++) {
        const g = matchAt(this.gaz, this.toks, i);
        const cs = new Set(g?.hits.map((h) => h.entry.country ?? ''));
        if (g && cs.size === 1 && !cs.has('')) out.add([...cs][0]!);
      }
      this.namedCountries = out;
    }
    return this.namedCountries;
  }

  /**
   * A form that names a country and another country's capital («عمان»: Oman, or Amman,
   * capital of Jordan) reads as the capital when the text says so: written with its
   * shadda («عمّان»), next to its country («العاصمة الأردنية عمان»), or in an article
   * that names that country and not the other (unless it is joined by و to a country just
   * named, as in a list of states).
   */
  capitalReading(m: GazMatch): FormHit | undefined {
    const first = m.hits[0]!;
    if (first.entry.kind !== 'country' || !first.entry.country) return undefined;
    const cap = m.hits.find(
      (h) => h.entry.kind === 'capital' && h.entry.country && h.entry.country !== first.entry.country,
    );
    if (!cap) return undefined;
    if (this.text.slice(m.start, m.end).includes('\u0651')) return cap;
    const countryAt = (k: number, iso3?: string) => {
      const g = matchAt(this.gaz, this.toks, k);
      return g?.hits.some((h) => h.entry.kind === 'country' && (!iso3 || h.entry.country === iso3)) ?? false;
    };
    // In a list of states («وقطر وعمان والأردن») it is the state.
    const lg = this.lastGaz;
    const joinedBefore =
      m.strip > 0 &&
      this.toks[m.first]!.key.startsWith('و') &&
      lg !== undefined &&
      lg.m.last === m.first - 1 &&
      lg.m.hits[0]!.entry.kind === 'country';
    const next = this.toks[m.last + 1];
    const joinedAfter = next?.key.startsWith('و') === true && countryAt(m.last + 1);
    if (joinedBefore || joinedAfter) return undefined;
    for (let k = Math.max(0, m.first - 3); k <= m.last + 1 && k < this.toks.length; k++) {
      if ((k < m.first || k > m.last) && countryAt(k, cap.entry.country)) return cap;
    }
    const named = this.countriesNamed();
    if (named.has(cap.entry.country!) && !named.has(first.entry.country)) return cap;
    return undefined;
  }

  /** The capital written with its country's name («تونس العاصمة» for Tunisia), if any. */
  namesakeCapital(iso3: string, countryAr: string): GazEntry | undefined {
    const key = `${iso3}:${countryAr}`;
    if (!NAMESAKE.has(key)) {
      let found: GazEntry | undefined;
      for (const e of this.gaz.byId.values())
        if (e.kind === 'capital' && e.country === iso3 && e.names.ar.startsWith(`${countryAr} `)) found = e;
      NAMESAKE.set(key, found);
    }
    return NAMESAKE.get(key);
  }

  /**
   * «بالعاصمة تونس», «بكل من تونس والقيروان والمهدية»: a country's name that is also its
   * capital's («تونس», «الجزائر», «الكويت») is the city after «العاصمة» / «مدينة», or in a
   * list of that country's own towns and regions.
   */
  cityReading(m: GazMatch): FormHit | undefined {
    const h = m.hits[0]!;
    const iso3 = h.entry.country;
    if (h.entry.kind !== 'country' || h.role !== 'name' || !iso3) return undefined;
    const cap = this.namesakeCapital(iso3, h.entry.names.ar);
    if (!cap) return undefined;
    const prev = this.toks[m.first - 1];
    if (m.strip === 0 && prev?.arabic && prev.info.readings.some((r) => CITY_WORDS.has(stripAl(r.key))))
      return { entry: cap, role: 'name', framing: false };
    const local = (g: GazMatch | undefined) => {
      const e = g?.hits[0]?.entry;
      return !!e && e.country === iso3 && (e.kind === 'city' || e.kind === 'region');
    };
    const lg = this.lastGaz;
    const joinedBefore =
      m.strip > 0 && /^[وف]/.test(this.toks[m.first]!.key) && lg && lg.m.last === m.first - 1 && local(lg.m);
    const next = this.toks[m.last + 1];
    const joinedAfter =
      next?.arabic && next.key.startsWith('و') && local(matchAt(this.gaz, this.toks, m.last + 1));
    const commaAfter =
      (next?.key === '،' || next?.key === ',') && local(matchAt(this.gaz, this.toks, m.last + 2));
    return joinedBefore || joinedAfter || commaAfter
      ? { entry: cap, role: 'name', framing: false }
      : undefined;
  }

  gazMention(m: GazMatch): void {
    const cap = this.capitalReading(m);
    if (cap) m = { ...m, hits: [cap, ...m.hits.filter((h) => h !== cap)] };
    const city = cap ? undefined : this.cityReading(m);
    if (city) {
      const e = city.entry;
      this.lastGaz = { m: { ...m, hits: [city, ...m.hits] }, metonym: false };
      this.table.fromGazetteer(e);
      this.mention(m.start, m.end, m.first, {
        type: e.type,
        entityId: e.id,
        role: 'name',
        via: 'gazetteer',
        confidence: 0.7,
      });
      return;
    }
    // «طرابلس تدين …»: a town's name that is also another state's capital, acting as a state, is
    // the capital (the article's countries chose the town: `preferred` in gazetteer/index.ts)
    if (m.hits[0]!.entry.kind === 'city' && m.hits.length > 1) {
      const capital = m.hits.find((h) => h.entry.kind === 'capital');
      if (capital && this.stateContext(m))
        m = { ...m, hits: [capital, ...m.hits.filter((h) => h !== capital)] };
    }
    const hit = m.hits[0]!;
    const e = hit.entry;
    if (e.kind === 'person') {
      this.person({
        first: m.first,
        last: m.last,
        start: m.start,
        end: m.end,
        nameStart: m.first,
        coreStart: m.first,
        knownId: e.id,
        confidence: 0.95,
      });
      return;
    }
    if ((e.kind === 'capital' || e.kind === 'city') && e.country) {
      const metonym = this.stateContext(m);
      this.lastGaz = { m, metonym };
      if (metonym) {
        const c = this.gaz.country(e.country);
        if (c) {
          this.table.fromGazetteer(c);
          this.mention(m.start, m.end, m.first, {
            type: c.type,
            entityId: c.id,
            role: 'metonym',
            via: 'gazetteer',
            confidence: 0.8,
          });
          return;
        }
      }
    } else this.lastGaz = { m, metonym: false };
    this.table.fromGazetteer(e);
    const surface = this.text.slice(m.start, m.end);
    this.mention(m.start, m.end, m.first, {
      type: e.type,
      entityId: e.id,
      role: hit.role,
      ...(hit.framing ? { framing: surface } : {}),
      via: 'gazetteer',
      confidence: hit.role === 'demonym' && hit.framing ? 0.6 : e.kind === 'city' ? 0.7 : 0.9,
    });
    // A demonym closing an organization's name is also a mention of its country
    // («المجلس الأعلى للأمن القومي الإيراني»).
    if (e.type === 'ORG' && m.last > m.first) this.trailingDemonym(m.last);
  }

  trailingDemonym(k: number): void {
    const d = matchAt(this.gaz, this.toks, k);
    const h = d?.hits[0];
    if (d && h && d.last === k && h.role === 'demonym' && h.entry.kind === 'country') {
      this.table.fromGazetteer(h.entry);
      this.mention(d.start, d.end, k, {
        type: h.entry.type,
        entityId: h.entry.id,
        role: 'demonym',
        via: 'gazetteer',
        confidence: 0.9,
      });
    }
  }

  body(b: BodyMatch): Entity | undefined {
    if (!b.id) {
      this.looseBodies.push(b);
      return undefined;
    }
    const ent = this.table.body({
      id: b.id,
      ar: b.ar,
      en: b.en,
      sector: b.sector,
      ...(b.country ? { country: b.country } : {}),
    });
    this.mention(b.start, b.end, b.first, {
      type: 'ORG',
      entityId: ent.id,
      role: 'name',
      via: 'post',
      confidence: 0.85,
    });
    for (const g of b.inner) this.gazMention(g);
    return ent;
  }

  person(n: NameRun): Entity {
    // (`n.start` may fall inside the first word: «ومنير حمدي» → «منير حمدي».)
    const core = this.text.slice(Math.max(this.toks[n.coreStart]!.start, n.start), n.end);
    const written = this.text.slice(Math.max(this.toks[n.nameStart]!.start, n.start), n.end);
    const known = n.knownId ? this.gaz.byId.get(n.knownId) : undefined;
    const ent = this.table.person({
      ar: known ? known.names.ar : core,
      written,
      ...(known ? { known } : {}),
    });
    this.mention(n.start, n.end, n.first, {
      type: 'PERS',
      entityId: ent.id,
      role: 'name',
      via: known ? 'gazetteer' : 'post',
      confidence: n.confidence,
    });
    this.personEnds.set(n.last, ent);
    this.personFirst.set(n.last, n.first);
    return ent;
  }

  /** The post's mention, recorded among the article's posts (its holder still to find). */
  postRecord(pm: PostMatch, confidence: number): PostRecord {
    const mention = this.mention(pm.start, pm.end, pm.first, {
      type: 'POST',
      role: 'post',
      via: 'post',
      confidence,
    });
    const rec: PostRecord = { pm, mention };
    this.posts.push(rec);
    return rec;
  }

  /**
   * «أعلنت شركة … وقال رئيسها التنفيذي …»: the office is of the organization named last before
   * it whose first word agrees with the pronoun («ها»: «شركة», «مؤسسة»; «ه»: «بنك», «الصندوق»; a
   * name with no such word, «أرامكو», agrees with both), within the last three sentences.
   */
  ownerOf(pm: PossessivePost): void {
    const ent = this.orgBefore(pm, (e) => agrees(e.names.ar, pm.owner));
    if (ent) this.ofOrg(pm.post, pm.post.en, ent);
  }

  /** The organization named last before the post whose entity `fits`, within the last three sentences. */
  orgBefore(pm: PostMatch, fits: (e: Entity) => boolean): Entity | undefined {
    const from = this.sentence?.[pm.first] ?? 0;
    for (let k = this.mentions.length - 1; k >= 0; k--) {
      const m = this.mentions[k]!;
      if (m.type !== 'ORG' || !m.entityId || m.span[0] >= pm.start) continue;
      if (this.sentence && from - this.sentence[this.firstTok[k]!]! > 2) return undefined;
      const ent = this.table.byId.get(m.entityId);
      if (ent && fits(ent)) return ent;
    }
    return undefined;
  }

  /** The post is `head` "of" the organization, whose sector and country it takes. */
  ofOrg(post: Post, head: string | undefined, ent: Entity): void {
    post.en = `${head} of ${withThe(ent.names.en ?? ent.names.ar)}`;
    if (ent.sector) post.sector = ent.sector;
    if (ent.country) post.country = ent.country;
  }

  /**
   * «عقد مجلس النواب العراقي جلسة … وقال رئيس المجلس السابق …», «المتحدث باسم المركز» after
   * «مركز الملك سلمان …»: a post whose complement is only a body's common noun («المجلس»,
   * «المركز»; a qualifier may follow) is of the organization named last before it with that
   * noun first, within the last three sentences. «رئيس» of a legislature is its Speaker.
   */
  namedBack(pm: PostMatch): void {
    const en = pm.post.en ?? '';
    if (!en || pm.inner.length > 0 || pm.body || / of /.test(en)) return;
    let k = pm.last;
    while (k > pm.first + 1 && isFormerWord(this.toks[k]!)) k--;
    const w = this.toks[k];
    if (k <= pm.first || !w?.arabic || !w.key.startsWith('ال') || !BACK_NOUNS.has(stripAl(w.key))) return;
    const noun = stripAl(w.key);
    const ent = this.orgBefore(pm, (e) => keyOf(e.names.ar.split(/\s+/)[0] ?? '') === noun);
    if (!ent) return;
    const former = pm.post.status === 'former' && en.startsWith('Former ');
    let head = former ? en.slice('Former '.length) : en;
    if (head === 'President' && ent.sector === 'LEG') head = 'Speaker';
    this.ofOrg(pm.post, `${former ? 'Former ' : ''}${head}`, ent);
  }

  post(pm: PostMatch): number {
    if ('owner' in pm) this.ownerOf(pm as PossessivePost);
    else this.namedBack(pm);
    for (const g of pm.inner) this.gazMention(g);
    if (pm.body) this.body(pm.body);
    const rec = this.postRecord(pm, 0.85);
    // «نائب رئيس الوزراء وزير الخارجية الباكستاني إسحاق دار»: two posts in a row, one person —
    // not two posts of two countries («استقبل الملك المغربي الرئيس الفنلندي …»: two people), nor
    // a bare post, a reference back, before another («استقبل الرئيس رئيس الحكومة يوسف الشاهد»:
    // the president receives the head of government).
    // («اجتمع ولي العهد بوزير الدفاع …»: a post behind «ب/ل» is the object, another person.)
    const after = pm.bare ? undefined : postAt(this.gaz, this.toks, pm.last + 1, this.text);
    const chained = after && !behindPreposition(this.toks[after.first]!, after.head) ? after : undefined;
    const twoStates =
      chained !== undefined &&
      pm.post.country !== undefined &&
      chained.post.country !== undefined &&
      pm.post.country !== chained.post.country;
    if (chained && !twoStates) {
      const next = this.post(chained);
      const second = this.posts.find((r) => r.pm === chained);
      if (second?.holder && second.holder.type === 'PERS') {
        if (!rec.pm.post.country && chained.post.country) rec.pm.post.country = chained.post.country;
        this.hold(rec, second.holder, 'post');
        if (second.holder.post !== rec.pm.post && second.holder.post === chained.post)
          second.holder.post = {
            ...rec.pm.post,
            en: `${rec.pm.post.en}; ${chained.post.en}`,
            ar: `${rec.pm.post.ar} ${chained.post.ar}`,
          };
      }
      return next;
    }
    // Apposition after: «…، علي لاريجاني،» or «… عباس عراقجي».
    let k = pm.last + 1;
    const comma = this.toks[k]?.key === '،' || this.toks[k]?.key === ',';
    if (comma) k++;
    let n = nameAt(this.gaz, this.toks, k, {
      apposition: comma || !pm.bare,
      tags: this.tags,
      isHead: isPostHead,
    });
    // «وزير الخارجية الألماني السابق فرانك فالتر شتاينماير»: where the tagger reads the name
    // further than the grammar («فالتر» looks like «ف» + a definite word), its chunk wins.
    if (n && n.knownId === undefined && this.tags?.[n.coreStart] === 'B-PERS') {
      const last = chunkLast(this.toks, this.tags, n.coreStart);
      if (last > n.last) n = { ...n, last, end: this.toks[last]!.end };
      // «المبعوث الأمريكي ستيف ويتكوف»: a one-word name the tagger begins, then a word in «و» no
      // table knows (with or without its «و») that the tagger left out — the surname, not «و» + a word
      else if (n.last === n.coreStart && foreignSurname(this.toks[n.last + 1])) {
        n = { ...n, last: n.last + 1, end: this.toks[n.last + 1]!.end };
      }
    }
    if (n && n.knownId === undefined) n = closeLink(this.toks, n);
    // After a bare «السفير», a name needs a comma, the list, or the tagger to vouch for it.
    const vouched = (x: NameRun) =>
      comma ||
      x.knownId !== undefined ||
      this.tags?.[x.coreStart] === 'B-PERS' ||
      (pm.vouch === true && GIVEN_NAMES.has(lightKey(this.toks[x.coreStart]!.text)));
    // «رئيس الحكومة لرجال الأعمال»: after a post, «ل» + word is «to …», not a name — unless
    // a list or the tagger knows the word as one.
    const toWhom = (x: NameRun) => {
      const t = this.toks[x.coreStart]!;
      return (
        !comma &&
        x.knownId === undefined &&
        t.key.startsWith('ل') &&
        !GIVEN_NAMES.has(lightKey(t.text)) &&
        this.tags?.[x.coreStart] !== 'B-PERS'
      );
    };
    // «…، متوعدةً بـ"رد مناسب"»: a word with tanween is an adverb or a participle, no name.
    const tanween = (x: NameRun) =>
      x.knownId === undefined &&
      this.toks.slice(x.coreStart, x.last + 1).some((t) => /[\u064b-\u064d]/.test(t.text));
    if (n && tanween(n)) n = undefined;
    if (n && (!(pm.bare || pm.vouch) || vouched(n)) && !toWhom(n)) {
      const ent = this.person(n);
      this.hold(rec, ent, 'post');
      return n.last + 1;
    }
    // «رئيس الهيئة …، شفيق صرصار إنه …»: a name no rule above read, set apart by the comma.
    const apart = comma && !pm.bare ? this.vouchedName(pm.last + 1) : undefined;
    if (apart && !toWhom(apart) && !tanween(apart)) {
      const ent = this.person(apart);
      this.hold(rec, ent, 'post');
      return apart.last + 1;
    }
    // «قال وزير الدفاع الوطني، فرحات الزغلامي إن …»: two or three name words no list knows.
    const set = comma && !pm.bare && !apart ? this.commaName(pm.last + 2) : undefined;
    if (set) {
      const ent = this.person(set);
      this.hold(rec, ent, 'post');
      return set.last + 1;
    }
    // «زار المستشار الألماني يوهان شتيرنبيرغ تونس»: a foreign name the tagger read as O.
    const foreign = !comma ? this.foreignNameAfter(pm) : undefined;
    if (foreign) {
      const ent = this.person(foreign);
      this.hold(rec, ent, 'post');
      return foreign.last + 1;
    }
    // «سامي الخالدي الذي يشغل منصب وزير …», «ويشغل X منصب …»: the post of the office named.
    const office = this.officeHolder(pm);
    if (office) {
      if (office.former && !pm.post.status) {
        pm.post.status = 'former';
        if (pm.post.en) pm.post.en = `Former ${pm.post.en}`;
      }
      this.hold(rec, office.ent, 'post');
      return pm.last + 1;
    }
    // Apposition before: «علي لاريجاني، أمين المجلس …».
    const before = this.toks[pm.first - 1];
    // «…، ورئيس حكومة الوفاق …»: a post after «و» opens the next item of a list.
    const joined = pm.start > this.toks[pm.first]!.start && /^[وف]/.test(this.toks[pm.first]!.key);
    if (before && (before.key === '،' || before.key === ',') && !joined) {
      const ent = this.personEnds.get(pm.first - 2);
      if (ent) this.hold(rec, ent, 'post');
    } else {
      const ent = this.personBefore(pm);
      if (ent) this.hold(rec, ent, 'post');
    }
    return pm.last + 1;
  }

  /**
   * «تعيين كريم بن سالم، رئيسا للوزراء», «عُيّن فؤاد الهاشمي وزيرا للخارجية»: right after a
   * person brought in by a word that appoints or elects (`appointingBefore`), the post in the
   * accusative is the one the person is given. Returns the next token (`i` when none).
   */
  appointed(i: number): number {
    const comma = this.toks[i - 1]?.key === '،' || this.toks[i - 1]?.key === ',';
    const at = comma ? i - 2 : i - 1;
    const ent = this.personEnds.get(at);
    if (!ent) return i;
    const status = appointingBefore(this.toks, this.personFirst.get(at)!);
    const pm = status ? appointedPostAt(this.gaz, this.toks, i, this.text, status) : undefined;
    if (!pm) return i;
    for (const g of pm.inner) this.gazMention(g);
    this.hold(this.postRecord(pm, 0.8), ent, 'post');
    return pm.last + 1;
  }

  /**
   * «زار المستشار الألماني يوهان شتيرنبيرغ تونس», «… الهولندي يان فيسير نظيره»: right after
   * a post closed by its country's demonym, two or three plain words the tagger read as O,
   * the last of them a word the tagger's table of frequent words does not know (or a listed
   * given name / surname part), are the holder's name. Only where the tagger ran and nobody
   * holds the post from before. Plain: no article, no place or organization of the lists, no
   * post head or honorific, no word that ends names (NAME_STOP: prepositions, particles, the
   * common verbs), no political or meeting verb, not «إن»/«أن»; and the first word is no
   * unknown word in ي/ت/ن (an imperfect verb: «… يستعرضون قواتهم»).
   */
  foreignNameAfter(pm: PostMatch): NameRun | undefined {
    if (!this.tags || pm.bare) return undefined;
    const demonym = pm.inner.some((g) => g.last === pm.last && g.hits.some((h) => h.role === 'demonym'));
    if (!demonym) return undefined;
    const before = this.toks[pm.first - 1];
    if (
      this.personEnds.has(pm.first - 1) ||
      ((before?.key === '،' || before?.key === ',') && this.personEnds.has(pm.first - 2))
    )
      return undefined;
    const ev = foreignEvidence();
    const plain = (k: number): boolean => {
      const t = this.toks[k];
      if (!t?.arabic || t.punct || this.tags?.[k] !== 'O') return false;
      // Tanween marks an indefinite common noun («أطرافًا خارجية»), not a name.
      if (/[\u064b-\u064d]/.test(t.text)) return false;
      if (NAME_STOP.has(lightKey(t.text)) || THAT.has(t.key) || POLITICAL_VERBS.has(t.key)) return false;
      if (MEETING_VERBS.has(t.key) || t.info.readings.some((r) => r.strip > 0 && MEETING_VERBS.has(r.key)))
        return false;
      if (isPostHead(t) || longHeadAt(t) || opensName(this.toks, k)) return false;
      if (t.key.startsWith('ال') || t.info.readings.some((r) => r.strip > 0 && r.key.startsWith('ال')))
        return false;
      // A known word behind «ب», «ل», «ك» or «و» («بفرض», «بما») is that word with its clitic.
      // (Not «ف»: «فيسير» is no «ف» + «يسير».)
      const rest = t.text.replace(/^(و?[بلك]|و)/, '');
      const clitic =
        (rest !== t.text && rest.length >= 2 && ev.known(rest)) ||
        t.info.readings.some((r) => r.strip > 0 && !/^ف/.test(t.key) && ev.known(t.text.slice(r.strip)));
      if (clitic || t.key.length < 2) return false;
      return !matchAt(this.gaz, this.toks, k);
    };
    const first = pm.last + 1;
    let n = 0;
    while (n < 3 && plain(first + n)) n++;
    const f = this.toks[first];
    if (n < 2 || !f) return undefined;
    const named = (t: Tok) => GIVEN_NAMES.has(lightKey(t.text)) || ev.namePart(t.text);
    if (/^[يتن]/.test(f.key) && !ev.known(f.text) && !named(f)) return undefined;
    // The name ends on its surname: a word the table does not know or a listed name part
    // (three words, then two).
    for (let last = first + n - 1; last > first; last--) {
      const t = this.toks[last]!;
      if (ev.known(t.text) && !named(t)) continue;
      return {
        first,
        last,
        start: f.start,
        end: t.end,
        nameStart: first,
        coreStart: first,
        confidence: 0.6,
      };
    }
    return undefined;
  }

  /**
   * A post whose complement no list knows, closed by a name («رئيس الغرفة الوطنية لصناع
   * الحلويات الهادي قصيبة», «الأمين العام لحزب …، رياض …»): the name must be vouched for
   * (a comma, a given name, the list or the tagger) and be two words or a listed person.
   */
  longPostBefore(i: number, min: number): { lp: LongPost; n: NameRun } | undefined {
    let found: NameRun | undefined;
    const lp = longPostAt(
      this.gaz,
      this.toks,
      i,
      this.text,
      (k) => {
        found = this.vouchedName(k);
        return found !== undefined;
      },
      min,
    );
    if (!lp || !found) return undefined;
    // «المدير العام لمطار المنستير الحبيب بورقيبة»: a listed person after a place word in
    // the complement names the place (the airport), not the holder.
    const n: NameRun = found;
    if (n.knownId !== undefined) {
      for (let k = lp.pm.first + 1; k <= lp.pm.last; k++) {
        if (this.toks[k]!.info.readings.some((r) => r.strip <= 2 && NAMED_PLACE_WORDS.has(stripAl(r.key))))
          return undefined;
      }
    }
    return { lp, n };
  }

  vouchedName(k: number): NameRun | undefined {
    const t = this.toks[k];
    if (!t) return undefined;
    // «… بالقصرين العميد، عادل …»: a rank set off by a comma before the name.
    const rank = opensName(this.toks, k) && (this.toks[k + 1]?.key === '،' || this.toks[k + 1]?.key === ',');
    const comma = rank || t.key === '،' || t.key === ',';
    const at = rank ? k + 2 : comma ? k + 1 : k;
    const w = this.toks[at];
    if (!w?.arabic || w.punct) return undefined;
    // «… للفلاحة ببنزرت خليفة …»: a place with its preposition belongs to the post.
    const place = canStart(this.gaz, w) ? matchAt(this.gaz, this.toks, at) : undefined;
    if (place && place.strip > 0 && place.hits[0]!.entry.kind !== 'person') return undefined;
    // After a title («اللواء خليفة …», «السيد …») the name's own first word is what vouches.
    let core = at;
    while (core < at + 3 && opensName(this.toks, core)) core++;
    const cw = this.toks[core];
    if (!cw?.arabic || cw.punct) return undefined;
    // «أولاد جبريل», «منزل بورقيبة», «بئر علي»: the first word of a place's name.
    if (PLACE_FIRST_WORDS.has(cw.key)) return undefined;
    const given = GIVEN_NAMES.has(lightKey(cw.text)) || ARTICLE_GIVEN.has(cw.key);
    const tagged = this.tags?.[core] === 'B-PERS' && !cw.key.startsWith('ال') && !prepBodyWord(cw);
    const known = place?.hits[0]?.entry.kind === 'person' && place.first === at;
    // «… عن الجبهة الشعبية منجي الرحوي، إن …», «…، شفيق صرصار إنه …»: two plain words set
    // apart (a comma after them, or a comma before and «إن»/«أن» after) are the name, though
    // no list knows it and the tagger does not read it.
    if (!given && !tagged && !known && core === at) {
      const pair = this.setApartPair(at, comma);
      if (pair) return pair;
    }
    if (!comma && !given && !tagged && !known) return undefined;
    let n = nameAt(this.gaz, this.toks, at, { apposition: true, tags: this.tags, isHead: isPostHead });
    // Where the tagger reads the name, its chunk (trimmed as its names are) says where the
    // name ends: «محمد الفاضل بن عمران» (the grammar stops at «الفاضل»), «سهام بن سدرين | حسب».
    const c = n?.coreStart ?? at;
    if (n && n.knownId === undefined && this.tags?.[c] === 'B-PERS') {
      const last = chunkLast(this.toks, this.tags, c);
      if (last !== n.last && last > c) n = { ...n, last, end: this.toks[last]!.end };
    } else if (n && n.knownId === undefined && !comma && n.last > n.coreStart + 1) {
      // No comma, no tagger: the name is as long as the grammar reads it outside apposition
      // («اللواء خليفة حفتر | قائدا أعلى»).
      const short = nameAt(this.gaz, this.toks, at, {
        apposition: false,
        tags: this.tags,
        isHead: isPostHead,
      });
      const last = short && short.last > short.coreStart ? short.last : n.coreStart + 1;
      n = { ...n, last, end: this.toks[last]!.end };
    }
    // «…، لطفي نقض قائلا "…"», «…، فريد بن جحا لمراسل …»: a participle in ـا or a word with «ل»
    // after two name words is the sentence going on.
    while (n && n.knownId === undefined && n.last > n.coreStart + 1 && this.tags?.[n.last] !== 'I-PERS') {
      const x = this.toks[n.last]!;
      const sentenceWord =
        !GIVEN_NAMES.has(lightKey(x.text)) && (/^ل\S{3,}$/.test(x.key) || /^(م\S{3,}|\S{2}يل)ا$/.test(x.key));
      if (!sentenceWord) break;
      n = { ...n, last: n.last - 1, end: this.toks[n.last - 1]!.end };
    }
    if (n && n.knownId === undefined) n = closeLink(this.toks, n);
    if (!n || (n.knownId === undefined && n.last <= n.coreStart)) return undefined;
    // «مستقبل قابس» (a club): a name ending on a place, with no given name to open it.
    const lastPlace = matchAt(this.gaz, this.toks, n.last);
    if (n.knownId === undefined && !given && lastPlace && lastPlace.hits[0]!.entry.type === 'LOC')
      return undefined;
    if (comma && n.knownId === undefined && !given && !tagged && this.tags?.[at] === 'O') return undefined;
    return n;
  }

  /**
   * «قال وزير الدفاع الوطني، فرحات الزغلامي إن …», «…، سنية بلحاج العلوي إن …»: after a post
   * and a comma, two or three words that can be a name — then «إن/أن», a comma, or a word
   * that ends names («في», «خلال», «اليوم») — are the holder's name, though no list knows
   * the name and the tagger does not read it (the first word may look like a clitic and a
   * word: «فرحات», «بلحاج»). Not a verb, a pronoun, a place or a body of the lists, and the
   * first word has no article (unless a given name is written with it: «المنجي»).
   */
  commaName(at: number): NameRun | undefined {
    if (!this.tags) return undefined;
    const ev = foreignEvidence();
    // A name word: a listed given name or name part, a word the tagger's table of frequent
    // words does not know, or one it reads in a name («…، عقب زيارته», «…، إجراء حركة» are
    // common words, read O).
    const named = (t: Tok) =>
      GIVEN_NAMES.has(lightKey(t.text)) ||
      ARTICLE_GIVEN.has(t.key) ||
      ev.namePart(t.text) ||
      !ev.known(t.text) ||
      // (The tagger read it in some name: «فرحات» as a place.)
      (this.tags?.[t.i] ?? 'O') !== 'O';
    const nameWord = (k: number) => {
      const t = this.toks[k];
      if (!t?.arabic || t.punct || NAME_STOP.has(lightKey(t.text)) || PRONOUNS.has(t.key)) return false;
      if (isPostHead(t) || longHeadAt(t) || cliticArticle(t) || /[\u064b-\u064d]/.test(t.text)) return false;
      // «…، مضيفا أن», «…، يتوقع أن»: a participle or an imperfect verb is the sentence going on.
      const given = GIVEN_NAMES.has(lightKey(t.text)) || ARTICLE_GIVEN.has(t.key);
      if (!given && (/^م\S{3,}[اه]$/.test(t.key) || (/^[يتن]/.test(t.key) && !t.key.startsWith('ال'))))
        return false;
      if (k === at && ((t.key.startsWith('ال') && !ARTICLE_GIVEN.has(t.key)) || /^و/.test(t.key)))
        return false;
      const m = matchAt(this.gaz, this.toks, k);
      return !m || m.hits[0]!.entry.kind === 'person';
    };
    const ender = (k: number) => {
      const t = this.toks[k];
      return (
        !!t &&
        (t.key === '،' || t.key === ',' || THAT.has(t.key) || (t.arabic && NAME_STOP.has(lightKey(t.text))))
      );
    };
    for (let len = 2; len <= 3; len++) {
      if (!nameWord(at + len - 1) || (len === 2 && !nameWord(at))) return undefined;
      if (!ender(at + len)) continue;
      const last = at + len - 1;
      // The surname and one more word vouched for («سنية» is a common word, «بلحاج العلوي» not).
      let vouched = 0;
      for (let k = at; k <= last; k++) if (named(this.toks[k]!)) vouched++;
      if (!named(this.toks[last]!) || vouched < 2) return undefined;
      return {
        first: at,
        last,
        start: this.toks[at]!.start,
        end: this.toks[last]!.end,
        nameStart: at,
        coreStart: at,
        confidence: 0.6,
      };
    }
    return undefined;
  }

  setApartPair(at: number, commaBefore: boolean): NameRun | undefined {
    const plain = (k: number, article: boolean) => {
      const t = this.toks[k];
      if (!t?.arabic || t.punct || NAME_STOP.has(lightKey(t.text)) || isPostHead(t) || longHeadAt(t))
        return false;
      if (t.info.readings.some((r) => r.strip > 0) && !article) return false;
      if (matchAt(this.gaz, this.toks, k)) return false;
      // The second word may be a nisba with the article («الرحوي»); the first has none.
      return t.key.startsWith('ال')
        ? article && /ي$/.test(t.key) && !cliticArticle(t)
        : !/^[بلوفك]ال/.test(t.key);
    };
    const after = this.toks[at + 2];
    const comma = after?.key === '،' || after?.key === ',';
    const that = after?.arabic === true && THAT.has(after.key);
    if (!comma && !(commaBefore && that)) return undefined;
    if (!plain(at, false) || !plain(at + 1, true) || this.tags?.[at] === 'I-PERS') return undefined;
    return {
      first: at,
      last: at + 1,
      start: this.toks[at]!.start,
      end: this.toks[at + 1]!.end,
      nameStart: at,
      coreStart: at,
      confidence: 0.6,
    };
  }

  /**
   * «قال كمال الصغير النائب بمجلس نواب الشعب عن الجبهة الشعبية، إن …»: a long post right
   * after a person, ending at punctuation or a word that ends names, is that person's
   * (under the conditions of `personBefore`).
   */
  longPostAfter(i: number, min: number, comma = false): LongPost | undefined {
    // «التقى فهد العتيبي بمدير الشركة»: a post behind «ب» is another person's.
    const t = this.toks[i]!;
    const h = longHeadAt(t);
    if (h && t.key.slice(0, h.strip).endsWith('ب')) return undefined;
    const at = comma ? i - 2 : i - 1;
    const ent = this.personEnds.get(at);
    if (!ent || ent.post?.span) return undefined;
    const first = this.personFirst.get(at)!;
    if (this.posts.some((r) => r.pm.last === first - 1)) return undefined;
    const verb = this.toks[first - 1];
    if (verb?.arabic && verb.info.readings.some((r) => MEETING_VERBS.has(r.key))) return undefined;
    return longPostAt(
      this.gaz,
      this.toks,
      i,
      this.text,
      (k) => {
        const t = this.toks[k];
        if (
          !t ||
          t.key === '،' ||
          t.key === ',' ||
          SENTENCE_END.has(t.key) ||
          NAME_STOP.has(lightKey(t.text)) ||
          // «…، كاتب الدولة للشؤون المحلية والقيادي في …»: a second post of the same person.
          (t.arabic &&
            /^و/.test(t.key) &&
            t.info.readings.some((r) => r.strip === 1) &&
            (isPostHead(t) || longHeadAt(t)))
        )
          return true;
        // «عبد الجليل التميمي، مدير مركز التميمي للبحث والمعلومات حملات …»: set apart by
        // the comma, the post also ends where a word cannot go on with it — a plain word,
        // no article, no «ل»/«ب» — the sentence going on.
        return (
          comma &&
          t.arabic &&
          !t.key.startsWith('ال') &&
          !t.info.readings.some((r) => r.strip > 0) &&
          !COMPLEMENT_WORDS.has(t.key) &&
          !matchAt(this.gaz, this.toks, k)
        );
      },
      min,
      true,
    );
  }

  /** «الاتحاد العام التونسي للطلبة»: an organization of the demonym's country, not a mention of that country. */
  readonly nationalOrgCountries: string[] = [];

  /** Does a list entry other than a demonym start among tokens `from`…`to` («مركز | الأمم المتحدة»)? */
  listedInside(from: number, to: number): boolean {
    for (let k = from; k <= to; k++) {
      const m = canStart(this.gaz, this.toks[k]!) ? matchAt(this.gaz, this.toks, k) : undefined;
      if (m && m.strip === 0 && m.hits[0]!.role !== 'demonym') return true;
    }
    return false;
  }

  /** The first country demonym among tokens `from`…`to` («مركز الدراسات الفلسطينية»). */
  demonymIn(from: number, to: number): GazMatch | undefined {
    for (let k = from; k <= to; k++) {
      const m = matchAt(this.gaz, this.toks, k);
      const h = m?.hits[0];
      if (m && h && m.strip === 0 && m.last <= to && h.role === 'demonym' && h.entry.kind === 'country')
        return m;
    }
    return undefined;
  }

  nationalOrg(o: { first: number; last: number; country?: string | undefined }): void {
    if (o.country) this.nationalOrgCountries.push(o.country);
    const t = this.toks[o.first]!;
    const r =
      orgWordReading(t, ORG_WORDS) ??
      orgWordReading(t, INSTITUTION_HEADS) ??
      orgWordReading(t, COMPANY_HEADS)!;
    // «للمؤسسة …» is «ل» + «المؤسسة» with the article's alef dropped: the name takes it back.
    const lil = r.strip > 0 && t.key.startsWith('لل') && r.key.startsWith('ال');
    const start = r.strip > 0 ? t.start + surfaceOffset(t.text, lil ? 2 : r.strip) : t.start;
    const end = this.toks[o.last]!.end;
    const ar = `${lil ? 'ال' : ''}${this.text.slice(start, end)}`;
    const ent = this.table.body({
      id: `org:${slug(ar)}`,
      ar,
      en: this.orgEnglish(ar),
      sector: '',
      ...(o.country ? { country: o.country } : {}),
    });
    if (ent.sector === '') delete ent.sector;
    this.mention(start, end, o.first, {
      type: 'ORG',
      entityId: ent.id,
      role: 'name',
      via: 'post',
      confidence: 0.7,
    });
  }

  /**
   * «الرئيس التنفيذي للمؤسسة»: a long post read past an office the grammar named («الرئيس
   * التنفيذي») keeps the office's English and sector; a body named only by its word
   * («للمؤسسة», «للشركة») is the last organization of that word the article named.
   */
  officeBeyond(lp: LongPost, office: PostMatch): void {
    const post = lp.pm.post;
    if (
      lp.pm.first !== office.first ||
      lp.pm.last <= office.last ||
      post.en !== longHeadAt(this.toks[lp.pm.first]!)?.en
    )
      return;
    if (!office.post.en) return;
    post.en = office.post.en;
    const ofOrg = lp.pm.body !== undefined || lp.pm.inner.some((g) => g.hits[0]!.entry.type === 'ORG');
    if (ofOrg) return;
    if (office.post.sector) post.sector = office.post.sector;
    if (office.post.country && !post.country) post.country = office.post.country;
    const w = this.toks[office.last + 1];
    if (lp.pm.last !== office.last + 1 || !w?.arabic) return;
    const word = w.info.readings.find((r) => r.strip > 0 && /^(ل|لل)$/.test(w.key.slice(0, r.strip)))?.key;
    if (!word) return;
    const noun = stripAl(word);
    for (let k = this.mentions.length - 1; k >= 0; k--) {
      const m = this.mentions[k]!;
      const ent =
        m.type === 'ORG' && m.role === 'name' && m.entityId ? this.table.byId.get(m.entityId) : undefined;
      if (!ent || stripAl(keyOf(m.text.split(/\s+/)[0] ?? '')) !== noun) continue;
      post.en = `${post.en} of ${withThe(ent.names.en ?? ent.names.ar)}`;
      if (ent.sector) post.sector = ent.sector;
      if (ent.country) post.country = ent.country;
      return;
    }
  }

  /** Emit a long post and give it its holder. Returns the next token to read. */
  longPost(lp: LongPost, holder: NameRun | Entity): number {
    this.namedBack(lp.pm);
    for (const g of lp.pm.inner) this.gazMention(g);
    if (lp.pm.body) this.body(lp.pm.body);
    const rec = this.postRecord(lp.pm, 0.75);
    // «عضو الهيئة الإدارية لحزب التحرير»: an organization the tagger reads inside the post.
    if (this.tags) {
      for (let k = lp.pm.first + 1; k <= lp.pm.last; k++) {
        if (this.tags[k] !== 'B-ORG' || lp.pm.inner.some((g) => g.first <= k && k <= g.last)) continue;
        if (lp.pm.body && lp.pm.body.first <= k && k <= lp.pm.body.last) continue;
        const next = this.tagged(k);
        if (next > k) k = next - 1;
      }
    }
    if ('id' in holder) {
      this.hold(rec, holder, 'post');
      return lp.pm.last + 1;
    }
    const ent = this.person(holder);
    this.hold(rec, ent, 'post');
    return holder.last + 1;
  }

  /**
   * «اتهم إياد علاوي نائب الرئيس العراقي قطر», «العقيد بلحسن الوسلاتي الناطق الرسمي باسم
   * وزارة الدفاع»: a full post (not «الوزير», not only a head and a country) right after a
   * person, no comma, no name after it, is that person's. Not when the person is the
   * subject of a meeting verb — «استقبل السيسي رئيس الوزراء الإثيوبي» names two people —
   * nor when the article already gave that person a post. Also across the quotes of a nom
   * de guerre («"أبو عمار الخليلي" أمير كتيبة …»). Returns that person.
   */
  personBefore(pm: PostMatch): Entity | undefined {
    if (pm.bare || pm.generic || pm.counterpart) return undefined;
    // «التقى محمد مصطفى بوزير الخارجية القطري», «أشاد X بوزير …»: a post behind «ب/ل/ك» is
    // the object of the verb or preposition, another person.
    if (behindPreposition(this.toks[pm.first]!, pm.head)) return undefined;
    const at = this.quotedNameEnd(pm.first - 1) ?? pm.first - 1;
    const ent = this.personEnds.get(at);
    if (!ent || ent.post?.span) return undefined;
    const first = this.personFirst.get(at)!;
    // «الرئيس عبد الفتاح السيسي رئيس الوزراء …»: a person brought in by a post of its own.
    if (this.posts.some((r) => r.pm !== pm && r.pm.last === first - 1)) return undefined;
    const verb = this.toks[first - 1];
    return verb?.arabic && verb.info.readings.some((r) => MEETING_VERBS.has(r.key)) ? undefined : ent;
  }

  /**
   * «X الذي يشغل منصب وزير …», «X، التي تشغل منصب …», «X يتولى منصب …», «ويشغل X منصب …»:
   * the person who holds the office written after «منصب». «كان يشغل», «شغل» (past): a post
   * held before.
   */
  officeHolder(pm: PostMatch): { ent: Entity; former: boolean } | undefined {
    if (pm.bare || pm.counterpart) return undefined;
    const at = pm.first - 1;
    const office = this.toks[at];
    if (!office?.arabic || office.key !== MANSIB) return undefined;
    const verb = (k: number) => {
      const t = this.toks[k];
      if (!t?.arabic) return undefined;
      for (const r of t.info.readings) {
        if (r.strip > 1 || (r.strip === 1 && !t.key.startsWith('و'))) continue;
        const tense = HOLDING_VERBS.get(r.key);
        if (tense) return tense;
      }
      return undefined;
    };
    const was = (k: number) => {
      const t = this.toks[k];
      return t?.arabic === true && t.info.readings.some((r) => r.strip <= 1 && WAS.has(r.key));
    };
    const v = verb(at - 1);
    if (v) {
      // «X الذي (كان) يشغل منصب», «X، الذي …», «X يشغل منصب».
      let k = at - 2;
      const past = v === 'past' || was(k);
      if (was(k)) k--;
      if (this.toks[k]?.arabic && RELATIVES.has(this.toks[k]!.key)) k--;
      if (this.toks[k]?.key === '،' || this.toks[k]?.key === ',') k--;
      const ent = this.personEnds.get(k);
      return ent ? { ent, former: past } : undefined;
    }
    // «ويشغل X منصب …», «تولي X، منصب …»: the verb before the person.
    const end = this.toks[at - 1]?.key === '،' || this.toks[at - 1]?.key === ',' ? at - 2 : at - 1;
    const ent = this.personEnds.get(end);
    if (!ent) return undefined;
    const first = this.personFirst.get(end)!;
    const v2 = verb(first - 1);
    return v2 ? { ent, former: v2 === 'past' || was(first - 2) } : undefined;
  }

  /** `k` is a closing quote after a person's name quoted whole: the name's last token. */
  quotedNameEnd(k: number): number | undefined {
    const q = this.toks[k];
    if (!q?.punct || !/^["»”]$/.test(q.text) || !this.personEnds.has(k - 1)) return undefined;
    const open = this.toks[this.personFirst.get(k - 1)! - 1];
    return open?.punct && /^["«“]$/.test(open.text) ? k - 1 : undefined;
  }

  hold(rec: PostRecord, ent: Entity, via: Mention['via']): void {
    rec.holder = ent;
    rec.mention.entityId = ent.id;
    rec.mention.via = via;
    if (!rec.pm.bare) this.table.attachPost(ent, rec.pm.post, { weak: rec.pm.counterpart === true });
    else if (via === 'post') {
      const listed = this.listPost(rec.pm, ent);
      if (listed) this.table.attachPost(ent, listed);
    }
  }

  /**
   * «الرئيس عبد الفتاح السيسي»: a bare post the article puts on a listed person whose
   * listed post has that head — the article's claim, and the list says which office.
   */
  listPost(pm: PostMatch, ent: Entity): Post | undefined {
    const e = this.gaz.byId.get(ent.id);
    if (e?.kind !== 'person' || !e.post) return undefined;
    const head = keyOf(e.post.ar.split(/\s+/)[0] ?? '');
    if (stripAl(head) !== pm.head) return undefined;
    return {
      ar: e.post.ar,
      en: e.post.en,
      ...(e.country ? { country: e.country } : {}),
      ...(e.sector ? { sector: e.sector } : {}),
      span: [pm.start, pm.end],
    };
  }

  /**
   * A PERS or ORG chunk of the tagger at token `i`, when no list or grammar rule claims
   * its words: a person (honorifics kept out of the name) or an organization. Returns
   * the next token to look at (`i` when nothing was taken).
   */
  tagged(i: number): number {
    const tags = this.tags!;
    const type = tags[i]!.slice(2);
    let last = i;
    while (tags[last + 1] === `I-${type}`) last++;
    // Names do not carry a preposition or «و/ف» + ال: the chunk ends before such a word,
    // and a chunk that starts with one is no name («لعيد الورد», «بالمدينة»).
    if (cliticArticle(this.toks[i]!)) return i;
    for (let k = i + 1; k <= last; k++) {
      if (!chunkNameWord(this.toks[k]!)) {
        last = k - 1;
        break;
      }
    }
    if (type === 'PERS') {
      last = trimTaggedName(this.toks, i, last, tags);
      // «عادل سعود | المطوع»: a family name the tagger left out (`familyEnd`)
      const given = compoundGiven(this.toks, i) ? i + 1 : i;
      if (last > i && familyEnd(this.toks, given, tags) === last + 1) last++;
      if (last < i || titleOfWork(this.toks, i)) return i;
      // «بن تنفوس» after «فريد بن تنفوس»: the surname again, left to coreference.
      if (last === i + 1 && BEN.has(this.toks[i]!.key) && this.namedWithBen(this.toks[i + 1]!.key)) {
        this.pendingSingles.push(i + 1);
        return last + 1;
      }
    }
    // The gazetteer and the grammar win where they read anything inside the chunk
    // (a government body too: «البنك المركزي التونسي»).
    if (bodyAt(this.gaz, this.toks, i, this.text)) return i;
    for (let k = i; k <= last; k++) {
      const t = this.toks[k]!;
      if (!t.arabic) return i;
      const m = matchAt(this.gaz, this.toks, k);
      // «بريجيت باردو»: a town's name as the surname closing a person the tagger reads.
      // (Not in a list or a heading, «– مستقبل قابس :», where a chunk is often a club.)
      const before = this.toks[i - 1];
      if (m && type === 'PERS' && k === last && k > i && townSurname(m) && before?.arabic && !before.punct)
        continue;
      if (m || isPostHead(t)) return i;
    }
    if (type === 'PERS') {
      const n = nameAt(this.gaz, this.toks, i, { apposition: true, tags, isHead: isPostHead });
      if (n?.knownId) return i;
      // «وصرح عبد الله | الخالد»: the tagger's chunk is a two-word given name only; the surname the
      // grammar reads after it is the same person's (not a word of the gazetteer, not a post)
      // (read without the tags, which end it where the chunk ends)
      const whole =
        n && last === i + 1 && compoundGiven(this.toks, i)
          ? nameAt(this.gaz, this.toks, i, { apposition: true, isHead: isPostHead })
          : undefined;
      if (whole && whole.last > last && !whole.knownId) {
        let k = last + 1;
        while (k <= whole.last && !matchAt(this.gaz, this.toks, k) && !isPostHead(this.toks[k]!)) k++;
        if (k > whole.last) last = whole.last;
      }
      const core = n ? n.coreStart : i;
      if (core > last) return i;
      const first = this.toks[core]!;
      if (NAME_STOP.has(lightKey(first.text))) return i;
      // «جون | والاس»: a listed given name alone in the chunk, then a surname in «و» the tagger
      // left out and the grammar reads (`foreignSurname`)
      if (
        n &&
        last === core &&
        n.last === core + 1 &&
        GIVEN_NAMES.has(lightKey(first.text)) &&
        foreignSurname(this.toks[core + 1])
      )
        last = core + 1;
      // One word: likely the surname of someone named elsewhere in the article; decided
      // after coreference (see `pendingSingles`).
      if (core === last && !n?.honorific) {
        this.pendingSingles.push(core);
        return last + 1;
      }
      // «خميس قسيلة ومنير حمدي»: the next name of a list carries «و», which is no part of it.
      // «تهما لفرنسوا فيون» after «فرنسوا فيون»: «ل»/«ب» before a person the article named
      // in full is the preposition, not part of the name.
      // «شكره لناصر بنعيسى»: nor before a listed given name (the word itself none: «لطفي», «بلال»).
      const named =
        /^[لب]/.test(first.key) &&
        (this.namedBefore(
          `${first.text.slice(1)} ${this.text.slice(first.end, this.toks[last]!.end).trim()}`,
        ) ||
          (core < last &&
            !GIVEN_NAMES.has(lightKey(first.text)) &&
            GIVEN_NAMES.has(lightKey(first.text.slice(1)))));
      const and =
        (first.key.startsWith('و') &&
          !GIVEN_NAMES.has(lightKey(first.text)) &&
          (this.personEnds.has(core - 1) || GIVEN_NAMES.has(lightKey(first.text.slice(1))))) ||
        named
          ? first.start + surfaceOffset(first.text, 1)
          : undefined;
      this.person({
        first: i,
        last,
        start: and ?? (n ? n.start : first.start),
        end: this.toks[last]!.end,
        nameStart: n ? n.nameStart : core,
        coreStart: core,
        ...(n?.honorific ? { honorific: n.honorific } : {}),
        confidence: 0.7,
      });
      this.mentions[this.mentions.length - 1]!.via = 'tagger';
      return last + 1;
    }
    // The tagger's organizations are kept only when they start with an organization
    // word («حركة …», «وزارة العدل»): alone, its ORG guesses are too often wrong.
    if (last === i || !orgWordReading(this.toks[i]!)) return i;
    const span = orgSpanAt(this.toks, i, tags, isPostHead);
    if (span) {
      // The name grammar says where the name ends: past the tagger's chunk («المنظمة العالمية
      // | للسياحة», cut at «لل»), or before it ends when an indefinite word follows the
      // definite name — a person's («اللجنة الأولمبية | رياض بوسنينة»).
      // («الإتحاد الرياضي ببن قردان»: a club's town in «بـ» stays.)
      const after = this.toks[span.last + 1];
      // («الاتحاد الوطني لنقابات …»: a genitive the grammar does not read stays too.)
      const town =
        (after?.key.startsWith('ب') &&
          (after.key.startsWith('ببن') || after.info.readings.some((r) => r.strip === 1))) ||
        (after?.key.startsWith('ل') && !GIVEN_NAMES.has(lightKey(after.text)));
      if (span.last > last || !(after?.key.startsWith('ال') || town)) last = span.last;
      if (span.generic && last === span.last) return this.genericOrg(span);
    }
    this.org(i, last);
    return last + 1;
  }

  /** Has a person mention with this text (its words, spaces folded) been read before? */
  namedBefore(name: string): boolean {
    const want = name.replace(/\s+/g, ' ');
    return this.mentions.some((m) => m.type === 'PERS' && m.text.replace(/\s+/g, ' ') === want);
  }

  /** Has a person been named «… بن X» with this X (a key)? */
  namedWithBen(key: string): boolean {
    for (let m = this.mentions.length - 1; m >= 0; m--) {
      const x = this.mentions[m]!;
      if (x.type !== 'PERS' || x.role !== 'name') continue;
      const words = x.text.split(/\s+/);
      const n = words.length;
      if (n >= 3 && BEN.has(keyOf(words[n - 2]!)) && keyOf(words[n - 1]!) === key) return true;
    }
    return false;
  }

  /**
   * «المنظمة العالمية» (a head and generic adjectives) names no body of its own: it is the
   * body the article named in full before («المنظمة العالمية للسياحة»), else the body it
   * named last («الأمم المتحدة … المنظمة الدولية»), or no entity.
   */
  genericOrg(span: OrgSpan): number {
    const t = this.toks[span.first]!;
    const r = orgWordReading(t)!;
    const start = r.strip > 0 ? t.start + surfaceOffset(t.text, r.strip) : t.start;
    const end = this.toks[span.last]!.end;
    const want = this.text.slice(start, end).split(/\s+/).map(keyOf).join(' ');
    const named = [...this.table.byId.values()].filter(
      (e) => e.type === 'ORG' && `${e.names.ar.split(/\s+/).map(keyOf).join(' ')} `.startsWith(`${want} `),
    );
    let id =
      named.length === 1 && named[0]!.names.ar !== this.text.slice(start, end) ? named[0]!.id : undefined;
    // Else, for an international body, the listed body the article named last («الأمم المتحدة
    // … المنظمة الدولية»).
    const international = named.length === 0 && INTERNATIONAL.has(this.toks[span.last]!.key);
    for (let k = this.mentions.length - 1; k >= 0 && id === undefined && international; k--) {
      const m = this.mentions[k]!;
      if (m.type === 'ORG' && m.role === 'name' && m.entityId && this.gaz.byId.has(m.entityId))
        id = m.entityId;
    }
    if (id === undefined) return span.last + 1;
    this.mention(start, end, span.first, {
      type: 'ORG',
      entityId: id,
      role: 'coref',
      via: 'coref',
      confidence: named.length === 1 ? 0.6 : 0.5,
    });
    return span.last + 1;
  }

  /** An organization the tagger found and no list knows («ووزارة العدل» → «وزارة العدل»). */
  org(i: number, last: number): void {
    const t = this.toks[i]!;
    const r = orgWordReading(t);
    const start = r && r.strip > 0 ? t.start + surfaceOffset(t.text, r.strip) : t.start;
    const end = this.toks[last]!.end;
    const ar = this.text.slice(start, end);
    const ent = this.table.body({ id: `org:${slug(ar)}`, ar, en: this.orgEnglish(ar), sector: '' });
    if (ent.sector === '') delete ent.sector;
    this.mention(start, end, i, {
      type: 'ORG',
      entityId: ent.id,
      role: 'name',
      via: 'tagger',
      confidence: 0.6,
    });
  }

  /**
   * The English name of an organization no list knows (`orgEnglish`: "Al-Raya Investment
   * Company"), else its Arabic name — a transliteration of common words is no name.
   */
  orgEnglish(ar: string): string {
    const place = (w: string) => {
      const h = this.gaz.root.next.get(keyOf(w))?.hits?.[0];
      if (!h) return undefined;
      // «شركة كهرباء عدن»: a city the company is named after ("Aden Electricity Company").
      const city = (h.entry.kind === 'city' || h.entry.kind === 'capital') && h.role === 'name';
      return (h.entry.kind === 'country' && (h.role === 'name' || h.role === 'demonym')) || city
        ? h.entry.names.en
        : undefined;
    };
    return orgEnglish(ar, place) ?? ar;
  }

  /** An organization by its Latin acronym (`latinOrgAt`); the token after it. */
  latinOrg(o: { first: number; last: number; entry: GazEntry; strip: number }): number {
    const t = this.toks[o.first]!;
    const start = o.strip > 0 ? t.start + surfaceOffset(t.text, o.strip) : t.start;
    this.table.fromGazetteer(o.entry);
    this.mention(start, this.toks[o.last]!.end, o.first, {
      type: o.entry.type,
      entityId: o.entry.id,
      role: 'name',
      via: 'gazetteer',
      confidence: 0.85,
    });
    return o.last + 1;
  }

  /**
   * The outlet the brief's dateline names («وكالة مهر - طهران»): an ORG of sector MED,
   * even when no list knows it.
   */
  outlet(brief: Brief): void {
    const d = brief.dateline;
    const name = brief.source?.trim();
    if (!d || !name) return;
    const at = d.text.indexOf(name);
    if (at < 0) return;
    const start = d.span[0] + at;
    const end = start + name.length;
    if (this.text.slice(start, end) !== name) return;
    if (this.mentions.some((m) => m.span[0] < end && start < m.span[1])) return;
    const ent = this.table.body({
      id: `org:${slug(name)}`,
      ar: name,
      en: transliterate(name),
      sector: 'MED',
    });
    const k = this.toks.findIndex((t) => t.start >= start);
    this.mention(start, end, Math.max(0, k), {
      type: 'ORG',
      entityId: ent.id,
      role: 'name',
      via: 'post',
      confidence: 0.8,
    });
  }

  /** One-word tagger names no surname claimed: people of their own. */
  singles(): void {
    const taken = new Set(this.mentions.map((m) => m.span[0]));
    let lastWords: Map<string, string | null> | undefined;
    for (const p of this.pendingSingles) {
      const k = p;
      const t = this.toks[k]!;
      if (taken.has(t.start)) continue;
      // «وجمالية», «الورد»: a clitic or the article makes a one-word name unlikely.
      if (t.key.startsWith('ال') || cliticArticle(t)) continue;
      // «بوساطة», «لرعاية»: a preposition on a common word the model knows, no name.
      if (prepositionOnWord(t)) continue;
      // «ماي» after «تيريزا ماي»: a short surname coreference leaves alone (it is also a
      // word), but the tagger read it as a name — it is that person again.
      lastWords ??= this.lastNameWords();
      const id = lastWords.get(t.key);
      if (id) {
        this.mention(t.start, t.end, k, {
          type: 'PERS',
          entityId: id,
          role: 'coref',
          via: 'coref',
          confidence: 0.7,
        });
        continue;
      }
      this.person({
        first: k,
        last: k,
        start: t.start,
        end: t.end,
        nameStart: k,
        coreStart: k,
        confidence: 0.6,
      });
      this.mentions[this.mentions.length - 1]!.via = 'tagger';
    }
  }

  /**
   * The country the article is about: the one its places, states and demonyms name most,
   * at least twice as often as any other. Undefined when there is none.
   */
  mainCountry(): string | undefined {
    const count = new Map<string, number>();
    for (const m of this.mentions) {
      if (m.type !== 'LOC' || !m.entityId || m.role === 'coref') continue;
      const c = this.table.byId.get(m.entityId)?.country;
      if (c) count.set(c, (count.get(c) ?? 0) + 1);
    }
    // The demonym inside «الجمعية التونسية لـ…» still says which country the article is about.
    for (const c of this.nationalOrgCountries) count.set(c, (count.get(c) ?? 0) + 1);
    const ranked = [...count.entries()].sort((a, b) => b[1] - a[1]);
    const [top, second] = ranked;
    // Named once is too little: «… من التراب الليبي» in a report of the Tunisian army.
    return top && top[1] >= 2 && (!second || top[1] >= 2 * second[1]) ? top[0] : undefined;
  }

  /**
   * «وزارة التربية», «الحرس الوطني» with no country named: the body of the country the
   * article is about (`mainCountry`), else not an entity. A post of such a body
   * («الناطق الرسمي باسم وزارة الدفاع») takes that country too.
   */
  resolveBodies(): void {
    if (this.looseBodies.length === 0) return;
    const iso3 = this.mainCountry();
    const country = iso3 ? this.gaz.country(iso3) : undefined;
    if (!iso3 || !country) return;
    const seen = new Set<number>();
    for (const b of this.looseBodies) {
      if (seen.has(b.start)) continue;
      seen.add(b.start);
      const ent = this.table.body({
        id: `org:${b.slug}-${iso3.toLowerCase()}`,
        ar: b.ar,
        en: `${b.en} of ${country.names.en ?? iso3}`,
        sector: b.sector,
        country: iso3,
      });
      this.mention(b.start, b.end, b.first, {
        type: 'ORG',
        entityId: ent.id,
        role: 'name',
        via: 'post',
        confidence: 0.7,
      });
    }
    for (const rec of this.posts) {
      if (!rec.pm.body || rec.pm.body.id || rec.pm.post.country) continue;
      rec.pm.post.country = iso3;
      if (rec.holder && !rec.holder.country) rec.holder.country = iso3;
    }
  }

  /**
   * «رئيس الحكومة عزيز أخنوش», «وزير الخارجية ناصر بوريطة»: a state's post written with no state
   * (a country's own press names its own officials so) and held by a person named is of that
   * person's country when the list knows it; else of the country the article is filed from (its
   * dateline), unless the post's sentence names another state («الدوحة - وصل وفد مصري برئاسة وزير
   * الخارجية …»); else of the only state the article names (twice at least: places, people,
   * bodies). Not a post of an organization or of a body.
   */
  resolvePostCountries(sentence: Int32Array): void {
    let dateline: string | undefined | null = null;
    let only: string | undefined;
    for (const rec of this.posts) {
      const p = rec.pm.post;
      const h = rec.holder;
      if (p.country || !h || h.type !== 'PERS' || h.post !== p || rec.pm.generic || rec.pm.counterpart)
        continue;
      if (!STATE_POST_SECTORS.has(p.sector ?? '') || rec.pm.body) continue;
      if (!h.country && dateline === null) {
        dateline = this.datelineCountry();
        only = this.onlyCountry();
      }
      let c = h.country;
      if (!c && dateline && !this.otherStateIn(sentence, sentence[rec.pm.first]!, dateline)) c = dateline;
      c ??= only;
      if (!c) continue;
      p.country = c;
      h.country ??= c;
    }
  }

  /** Does sentence `s` name a place, person or body of a state other than `iso3`? */
  otherStateIn(sentence: Int32Array, s: number, iso3: string): boolean {
    return this.mentions.some((m, q) => {
      if (!m.entityId || m.role === 'coref' || sentence[this.firstTok[q]!] !== s) return false;
      const c = this.table.byId.get(m.entityId)?.country;
      return c !== undefined && c !== iso3;
    });
  }

  /** The one country the article's places, people and bodies are of, named twice at least; else undefined. */
  onlyCountry(): string | undefined {
    let only: string | undefined;
    let n = 0;
    for (const m of this.mentions) {
      if (!m.entityId || m.role === 'coref') continue;
      const c = this.table.byId.get(m.entityId)?.country;
      if (!c) continue;
      if (only && c !== only) return undefined;
      only = c;
      n++;
    }
    return n >= 2 ? only : undefined;
  }

  /** The country of the place a dateline opens the text with («الرباط - …», «بيروت (رويترز) - …»). */
  datelineCountry(): string | undefined {
    const place = datelinePlace(this.text, this.mentions);
    return place?.entityId ? this.table.byId.get(place.entityId)?.country : undefined;
  }

  /**
   * «في سيدي خالد», «بسيدي علوان», «إلى سيدي سليمان»: «سيدي» (a saint's title in Maghreb town
   * names) right after a preposition of place opens a town no list knows, not a person addressed.
   * Returns the next token, or `i` when there is none.
   */
  sidiTown(i: number): number {
    const t = this.toks[i]!;
    const r = t.info.readings.find((x) => x.key === SIDI && /^[وف]?ب?$/.test(t.key.slice(0, x.strip)));
    if (!r || (!t.key.slice(0, r.strip).endsWith('ب') && !PLACE_PREPS.has(this.toks[i - 1]?.key ?? '')))
      return i;
    if (matchAt(this.gaz, this.toks, i)) return i;
    const word = (k: number) => {
      const x = this.toks[k];
      return x?.arabic === true && !x.punct && !/\d/.test(x.text) && !isPostHead(x);
    };
    let last = i + 1;
    if (!word(last)) return i;
    // «سيدي علي بن عون», «سيدي بو علي», «سيدي عبد الله»: a word that carries the name on
    while (last < i + 4 && (NAME_LINKS.has(this.toks[last]!.key) || BEN.has(this.toks[last + 1]?.key ?? '')))
      if (word(last + 1)) last++;
      else break;
    const start = t.start + surfaceOffset(t.text, r.strip);
    const end = this.toks[last]!.end;
    const ent = this.table.place({ ar: this.text.slice(start, end) });
    this.towns.push({ ent, keys: this.toks.slice(i, last + 1).map((x) => x.key), delegation: false });
    this.mention(start, end, i, {
      type: 'LOC',
      entityId: ent.id,
      role: 'name',
      via: 'post',
      confidence: 0.6,
    });
    return last + 1;
  }

  /**
   * «معتمدية قربة», «بمدينة المكنين», «قرية أولاد جاب الله»: a town no list knows, named
   * after a place word. Returns the next token, or `i` when there is none.
   */
  town(i: number): number {
    // «مدينة ليستر»: a form of the gazetteer that starts with the place word.
    const g = matchAt(this.gaz, this.toks, i);
    if (g && g.last > i) return i;
    const p = placeAfterWord(this.gaz, this.toks, i, this.tags);
    if (!p) return i;
    const start = this.toks[i + 1]!.start;
    const end = this.toks[p.last]!.end;
    const ar = this.text.slice(start, end);
    const ent = this.table.place({ ar });
    const delegation = this.toks[i]!.info.readings.some((r) => r.key === DELEGATION);
    this.towns.push({ ent, keys: this.toks.slice(i + 1, p.last + 1).map((t) => t.key), delegation });
    this.mention(start, end, i + 1, {
      type: 'LOC',
      entityId: ent.id,
      role: 'name',
      via: 'post',
      confidence: 0.65,
    });
    return p.last + 1;
  }

  /**
   * The towns named again without the place word («بقربة», «تحتضنه قربة»), and their
   * country: the one the article is about (a Tunisian «معتمدية» is in Tunisia).
   */
  resolveTowns(): void {
    if (this.towns.length === 0) return;
    const iso3 = this.mainCountry();
    // One pass over the tokens: the towns by their first word's key (linear in the text).
    const byFirst = new Map<string, { ent: Entity; keys: string[] }[]>();
    for (const { ent, keys, delegation } of this.towns) {
      // («معتمدية» is the Tunisian district: the town is in the country the article is about.)
      if (delegation && iso3 && !ent.country) ent.country = iso3;
      // A one-word town named again only when it is no given name and long enough to be
      // no common word («قربة», not «سليمان»).
      if (keys.length === 1 && (keys[0]!.length < 4 || GIVEN_NAMES.has(keys[0]!))) continue;
      const list = byFirst.get(keys[0]!) ?? [];
      if (!list.some((x) => x.ent === ent)) list.push({ ent, keys });
      byFirst.set(keys[0]!, list);
    }
    if (byFirst.size === 0) return;
    // Tokens inside a mention already made.
    const inside = new Uint8Array(this.toks.length);
    for (const m of this.mentions) {
      // The first token that ends after the mention's start (binary search: linear overall).
      let lo = 0;
      let hi = this.toks.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.toks[mid]!.end <= m.span[0]) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < this.toks.length && this.toks[k]!.start < m.span[1]; k++) inside[k] = 1;
    }
    for (let k = 0; k < this.toks.length; k++) {
      const t = this.toks[k]!;
      if (!t.arabic || inside[k] || this.tags?.[k]?.endsWith('PERS')) continue;
      for (const r of t.info.readings) {
        if (r.strip > 2) continue;
        const towns = byFirst.get(r.key);
        if (!towns) continue;
        const town = towns.find(({ keys }) =>
          keys.every((key, n) => n === 0 || (this.toks[k + n]?.key === key && !inside[k + n])),
        );
        if (!town) continue;
        const start = r.strip > 0 ? t.start + surfaceOffset(t.text, r.strip) : t.start;
        const last = k + town.keys.length - 1;
        this.mention(start, this.toks[last]!.end, k, {
          type: 'LOC',
          entityId: town.ent.id,
          role: 'name',
          via: 'coref',
          confidence: 0.6,
        });
        for (let n = k; n <= last; n++) inside[n] = 1;
        break;
      }
    }
  }

  /** Last words of the article's people named in two words or more → the person (null when two share it). */
  lastNameWords(): Map<string, string | null> {
    const out = new Map<string, string | null>();
    for (const e of this.table.byId.values()) {
      if (e.type !== 'PERS') continue;
      for (const name of [e.names.ar, ...e.names.aliases]) {
        const words = name.split(/\s+/).filter((w) => w.length > 0);
        if (words.length < 2) continue;
        const key = keyOf(words[words.length - 1]!);
        const prev = out.get(key);
        out.set(key, prev === undefined || prev === e.id ? e.id : null);
      }
    }
    return out;
  }

  /** Posts named without a holder: the person last named with that post, else an unnamed holder. */
  resolvePosts(): void {
    const held: PostRecord[] = [];
    for (const rec of this.posts) {
      if (rec.holder) {
        held.push(rec);
        continue;
      }
      const p = rec.pm.post;
      let found: PostRecord | undefined;
      // «رئيس الجمهورية» with no state named is first the one last named with no state either
      // («أكد رئيس الجمهورية، الباجي قايد السبسي … بدعوة من الرئيس الإيطالي … وأشاد رئيس
      // الجمهورية»: the host's president, not the one named with his demonym since)
      for (const own of p.country || rec.pm.bare || rec.pm.generic ? [false] : [true, false]) {
        for (let k = held.length - 1; k >= 0 && !found; k--) {
          const h = held[k]!;
          const hp = h.pm.post;
          // (A bare «الرئيس» is a president, not «رئيس مجلس النواب» or «رئيس الوزراء» named before.)
          const same = rec.pm.bare
            ? h.pm.head === rec.pm.head && (rec.pm.head !== 'رييس' || /^President\b/.test(hp.en ?? ''))
            : rec.pm.generic
              ? h.pm.head === rec.pm.head && hp.country === p.country
              : hp.en === p.en && (hp.country === p.country || !p.country) && !(own && hp.country);
          if (same) found = h;
        }
        if (found) break;
      }
      if (found?.holder) {
        this.hold(rec, found.holder, 'coref');
        held.push(rec);
      } else if (!rec.pm.bare) {
        const ent = this.table.unnamedHolder(p);
        rec.holder = ent;
        rec.mention.entityId = ent.id;
        held.push(rec);
      } else {
        // «الوزير» with no minister named before: not an entity we can name.
        rec.mention.confidence = 0.3;
      }
    }
  }
}

/** Sectors of a state's own posts: government, army, police, courts, parliament, intelligence. */
const STATE_POST_SECTORS = new Set(['GOV', 'MIL', 'COP', 'JUD', 'LEG', 'SPY']);

/** After a dateline's place: an agency in parentheses and a dash, or a dash (not a hyphenated name). */
const DATELINE_AFTER = /^[^\S\n]*(?:\([^)\n]{1,30}\)[^\S\n]*[-–—]|[-–—][^\S\n])/u;

/**
 * The dateline's place («بيروت - أعلن …», «باماكو (رويترز) - …»): the first mention of a line, a place
 * at the start of that line, followed by a dash or a parenthesis. The line is the text's first, or
 * its second when the first is a headline (short, no closing full stop): a file or a page's text
 * often carries its title above the datelined body.
 */
export function datelinePlace(text: string, mentions: readonly Mention[]): Mention | undefined {
  const lines: Array<[number, number]> = [];
  for (const m of text.matchAll(/[^\n]*\S[^\n]*/gu)) {
    lines.push([m.index, m.index + m[0].length]);
    if (lines.length === 2) break;
  }
  const [head, next] = lines;
  if (!head) return undefined;
  const headline = text.slice(head[0], head[1]).trim();
  const tried = next && headline.length <= 160 && !/[.!؟?:]$/u.test(headline) ? [head, next] : [head];
  for (const [a, b] of tried) {
    const first = mentions.reduce<Mention | undefined>(
      (x, m) => (m.span[0] >= a && m.span[0] < b && (!x || m.span[0] < x.span[0]) ? m : x),
      undefined,
    );
    if (
      first?.type === 'LOC' &&
      /^\s*$/u.test(text.slice(a, first.span[0])) &&
      DATELINE_AFTER.test(text.slice(first.span[1], first.span[1] + 40))
    )
      return first;
  }
  return undefined;
}

/** Words before a country's name that make it the city of that name («بالعاصمة تونس»). */
const CITY_WORDS = new Set(['عاصمة', 'مدينة'].map((w) => keyOf(w)));

const NAMESAKE = new Map<string, GazEntry | undefined>();

/** Words after which a one-word city may follow a conjunction («في كادونا وزاريا» has its place before). */
const PLACE_WORDS = new Set(
  'في إلى الى من قرب مدينة مدينتي مدن بلدة قرية محافظة ولاية إقليم منطقة مناطق شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي عاصمة'
    .split(' ')
    .map((w) => keyOf(w)),
);

/** «منصب»: the office whose post follows (`officeHolder`). */
const MANSIB = keyOf('منصب');
/** Verbs of holding an office before «منصب»: present (held now) or past (held before). */
const HOLDING_VERBS = new Map<string, 'present' | 'past'>([
  ...['يشغل', 'تشغل', 'يتولى', 'تتولى', 'يتقلد', 'تتقلد', 'تولي'].map((w) => [keyOf(w), 'present'] as const),
  ...['شغل', 'شغلت'].map((w) => [keyOf(w), 'past'] as const),
]);
const WAS = new Set(['كان', 'كانت'].map(keyOf));
const RELATIVES = new Set(['الذي', 'التي'].map(keyOf));

/** The post head `head` written at `t` behind «ب», «ل» or «ك» («بوزير», «للرئيس», «وبالوزير»). */
function behindPreposition(t: Tok, head: string): boolean {
  if (!t.arabic || !t.key.endsWith(head)) return false;
  return /^[وف]?[بلك](ال|ل)?$/.test(t.key.slice(0, t.key.length - head.length));
}

/** Verbs whose object is often a second person named by a post («استقبل X رئيس …»). */
const MEETING_VERBS = new Set(
  `استقبل استقبلت يستقبل تستقبل التقى التقت يلتقي تلتقي قابل قابلت يقابل هاتف هاتفت يهاتف
  اجتمع اجتمعت يجتمع بحث بحثت يبحث زار زارت يزور دعا دعت يدعو حث حثت يحث أبلغ أبلغت يبلغ
  اتصل اتصلت يتصل هنأ هنأت يهنئ عين عينت يعين أقال أقالت يقيل كلف كلفت يكلف خلف خلفت يخلف
  سلم سلمت يسلم منح منحت يمنح شكر شكرت يشكر رافق رافقت يرافق ودع ودعت يودع وصف وصفت يصف`
    .split(/\s+/)
    .filter((w) => w.length > 0)
    // Match forms, as the tokens' keys are («التقى» → «التقي»): a light key kept «ى» apart.
    .map((w) => keyOf(w)),
);

/**
 * «الاتحاد العام التونسي للطلبة», «الجمعية التونسية لممتحني رخص السياقة», «الاتحاد السعودي
 * لكرة القدم»: an organization word with the article, maybe «العام» / «الوطني», a country's
 * demonym, then its field after «ل» — one organization of that country, whose demonym is no
 * mention of the country of its own.
 */
function nationalOrgAt(
  gaz: Gazetteer,
  toks: Tok[],
  i: number,
): { first: number; last: number; country: string } | undefined {
  const t = toks[i];
  if (
    !t?.arabic ||
    !t.info.readings.some((r) => r.strip <= 1 && r.key.startsWith('ال') && ORG_WORDS.has(stripAl(r.key)))
  )
    return undefined;
  let k = i + 1;
  if (toks[k]?.arabic && ORG_QUALIFIERS.has(toks[k]!.key)) k++;
  const d = matchAt(gaz, toks, k);
  const h = d?.hits[0];
  if (!d || !h || d.strip > 0 || h.role !== 'demonym' || h.entry.kind !== 'country' || !h.entry.country)
    return undefined;
  k = d.last + 1;
  const field = toks[k];
  if (!field?.arabic || !/^ل/.test(field.key) || !field.info.readings.some((r) => r.strip > 0))
    return undefined;
  let last = k;
  const plain = (j: number) => {
    const w = toks[j];
    return !!w?.arabic && !w.punct && !NAME_STOP.has(lightKey(w.text)) && !opensName(toks, j);
  };
  // The field: «لكرة القدم» (a noun in construct and its complement), «للشغل», then one
  // noun joined by «و» with its adjective («للفلاحة والصيد البحري»). No further: what
  // follows is the sentence («… لكرة القدم الإيقاف الفوري»).
  if (!field.key.startsWith('لل')) {
    if (!plain(k + 1)) return undefined;
    last = k + 1;
  } else if (plain(k + 1) && /^ال\S+(ي|يه)$/.test(toks[k + 1]!.key)) {
    // «للأنشطة البترولية»: the field's adjective.
    last = k + 1;
  }
  if (plain(last + 1) && toks[last + 1]!.key.startsWith('وال')) {
    last++;
    if (plain(last + 1) && /^ال\S+(ي|يه)$/.test(toks[last + 1]!.key)) last++;
  }
  return { first: i, last, country: h.entry.country };
}

/** First words of Maghreb place names («أولاد …», «منزل …», «بئر …», «سيدي …»). */
const PLACE_FIRST_WORDS = new Set(
  'أولاد اولاد بني منزل بئر بير عين سيدي وادي جبل قصر برج حي دوار حمام رأس راس قصور غار خان سان سانت سوق بيت تل دير كفر مجاز حاجب ماجل'
    .split(' ')
    .map((w) => keyOf(w)),
);

/**
 * Words after which a town is named (indefinite, in construct: «معتمدية قربة», «بمدينة
 * المكنين»). `strict`: the word also reads as an adjective or a common noun («مدينة
 * كبيرة», «ولاية ثانية»), so only a word shaped like no adjective — or one the tagger
 * reads as a place — is taken.
 */
const DELEGATION = keyOf('معتمدية');
const TOWN_FIRST = new Set(['معتمدية', 'بلدية', 'مدينة', 'قرية', 'بلدة', 'ولاية'].map((w) => keyOf(w)));
const TOWN_WORDS = new Map<string, { strict: boolean; tagger?: boolean; adjective?: boolean }>([
  [keyOf('معتمدية'), { strict: false }],
  [keyOf('بلدية'), { strict: false, adjective: true }],
  [keyOf('مدينة'), { strict: true }],
  [keyOf('قرية'), { strict: true }],
  [keyOf('بلدة'), { strict: true }],
  [keyOf('ولاية'), { strict: true, tagger: true }],
]);

/** Words that follow a place word and are no town («مدينة المدينة», «في المدينة العاصمة»). */
const TOWN_COMMON = new Set(
  'المدينة المدينه العاصمة العاصمه القرية البلدية الولاية المعتمدية دول الشمال الجنوب الوسط الساحل أخرى اخرى'
    .split(' ')
    .map((w) => keyOf(w)),
);

/** Words before an indefinite «بلدية»/«مدينة» with no clitic that make it a noun, not an adjective. */
const TOWN_WORD_BEFORE = new Set(
  'في من إلى الى على عن رئيس رئيسة مقر مجلس أعوان اعوان سكان أهالي اهالي داخل قرب وسط شمال جنوب شرق غرب ضواحي'
    .split(' ')
    .map((w) => keyOf(w)),
);

export function placeAfterWord(
  gaz: Gazetteer,
  toks: Tok[],
  i: number,
  tags: readonly string[] | undefined,
): { last: number } | undefined {
  const t = toks[i]!;
  if (!t.arabic) return undefined;
  const r = t.info.readings.find(
    (x) => x.strip <= 2 && TOWN_WORDS.has(x.key) && /^[وفبل]*$/.test(t.key.slice(0, x.strip)),
  );
  if (!r) return undefined;
  const rule = TOWN_WORDS.get(r.key)!;
  // «انتخابات بلدية»: after an indefinite noun «بلدية» is an adjective.
  if (r.strip === 0 && rule.adjective) {
    const prev = toks[i - 1];
    if (prev?.arabic && !prev.punct && !prev.key.startsWith('ال') && !TOWN_WORD_BEFORE.has(prev.key))
      return undefined;
  }
  const j = i + 1;
  const w = toks[j];
  if (!w?.arabic || w.punct || /\d/.test(w.text)) return undefined;
  const byTagger = tags?.[j] === 'B-LOC';
  if (rule.tagger && !byTagger) return undefined;
  const plain = (k: number) => {
    const x = toks[k];
    if (!x?.arabic || x.punct || /\d/.test(x.text) || NAME_STOP.has(lightKey(x.text))) return false;
    if (isPostHead(x) || longHeadAt(x) || opensName(toks, k)) return false;
    // «بالجهة», «والمنطقة»: a preposition or «و» on an article-word is the sentence.
    if (x.info.readings.some((q) => q.strip > 0 && q.key.startsWith('ال'))) return false;
    return !matchAt(gaz, toks, k);
  };
  if (!plain(j) || TOWN_COMMON.has(w.key)) return undefined;
  const article = w.key.startsWith('ال') && !/^[أإآ]/.test(w.text);
  // An adjective («كبيرة», «الساحلية», «صناعية») or a plural («المحلات»).
  // («مدينة سيدي سليمان»: «سيدي» opens a town's name)
  if (/(ي|يه|ات)$/.test(w.key) && w.key !== SIDI) return undefined;
  // «تقع»: a verb.
  if (w.key.length <= 3 && /^[يتن]/.test(w.key)) return undefined;
  if (!byTagger) {
    if (rule.strict && /ه$/.test(w.key)) return undefined;
    // «مدينة الألعاب», «مدينة العلوم»: a broken plural in construct is no town.
    if (rule.strict && article && /^ال(ا\S{2}ا\S|\S{2}و\S)$/.test(w.key)) return undefined;
    // A verbal noun or a participle («مدينة مستقرة», «بلدية منتخبة»).
    if (/^(م|مت|مس|ت)\S{3,}ه$/.test(w.key)) return undefined;
  }
  let last = j;
  // «عين دراهم», «بن قردان», «سيدي علي بن عون»: a first word that carries the name on.
  while (
    last < j + 4 &&
    (PLACE_FIRST_WORDS.has(toks[last]!.key) ||
      BEN.has(toks[last]!.key) ||
      BEN.has(toks[last + 1]?.key ?? '') ||
      tags?.[last + 1] === 'I-LOC')
  ) {
    if (!plain(last + 1)) break;
    last++;
  }
  if (last === j && (PLACE_FIRST_WORDS.has(w.key) || BEN.has(w.key))) return undefined;
  return { last };
}

/**
 * A name's consonants: long vowels (ا و ي ى) inside its words dropped, ة as ه — «ميركيل»
 * and «ميركل», «انجيلا» and «أنجيلا» give the same skeleton.
 */
function skeleton(name: string): string | undefined {
  const words = name.split(/\s+/).filter((w) => w.length > 0);
  if (words.length < 2) return undefined;
  const out: string[] = [];
  for (const w of words) {
    const k = lightKey(w).replace(/ة/g, 'ه');
    if (k.length < 3) return undefined;
    out.push(k[0] + k.slice(1).replace(/[اويى]/g, ''));
  }
  return out.join(' ');
}

/** Word by word, the two names differ in length by one letter at most («علي» is no «عليوي»). */
function oneLetterApart(a: string, b: string): boolean {
  const x = a.split(/\s+/).filter((w) => w.length > 0);
  const y = b.split(/\s+/).filter((w) => w.length > 0);
  return x.length === y.length && x.every((w, n) => Math.abs(w.length - y[n]!.length) <= 1);
}

/**
 * One person in two spellings («انجيلا ميركيل» … «أنجيلا ميركل»): people the text names in
 * two words or more whose names differ only in long vowels are the first one named.
 */
function mergeSpellings(
  mentions: Mention[],
  byId: Map<string, Entity>,
  listed: (id: string) => boolean,
): void {
  // Per skeleton, the people in order of first mention; a listed person comes first.
  const groups = new Map<string, { id: string; at: number }[]>();
  const seen = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'PERS' || !m.entityId) continue;
    const e = byId.get(m.entityId);
    if (!e) continue;
    const sk = skeleton(e.names.ar);
    if (!sk) continue;
    const g = groups.get(sk) ?? [];
    const x = g.find((y) => y.id === e.id);
    if (x) x.at = Math.min(x.at, m.span[0]);
    else g.push({ id: e.id, at: m.span[0] });
    groups.set(sk, g);
    seen.add(e.id);
  }
  const into = new Map<string, string>();
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    g.sort((a, b) => Number(listed(b.id)) - Number(listed(a.id)) || a.at - b.at);
    const to = g[0]!.id;
    for (const { id } of g.slice(1))
      if (!listed(id) && oneLetterApart(byId.get(to)!.names.ar, byId.get(id)!.names.ar)) into.set(id, to);
  }
  if (into.size === 0) return;
  foldPeople(into, byId, mentions, true);
}

/**
 * Folds each person `from` of `into` into its `to`: `to` takes the post, country and sector it
 * lacks (with `names`, the other's names as aliases too), and the mentions follow.
 */
function foldPeople(
  into: Map<string, string>,
  byId: Map<string, Entity>,
  mentions: Mention[],
  names: boolean,
): void {
  for (const [from, to] of into) {
    const a = byId.get(from)!;
    const b = byId.get(to)!;
    if (names)
      for (const n of [a.names.ar, ...a.names.aliases])
        if (n !== b.names.ar && !b.names.aliases.includes(n)) b.names.aliases.push(n);
    if (!b.post && a.post) b.post = a.post;
    if (!b.country && a.country) b.country = a.country;
    if (!b.sector && a.sector) b.sector = a.sector;
  }
  for (const m of mentions) {
    if (m.entityId && into.has(m.entityId)) m.entityId = into.get(m.entityId)!;
    if (m.entityIds) m.entityIds = m.entityIds.map((id) => into.get(id) ?? id);
  }
}

/**
 * A person the article names by one word only (the tagger or the post grammar stopped after
 * it: «كلارا» of «كلارا فينتر») who is the first name or the surname of exactly one person
 * named in full is that person. When the next word, left unread, completes the full name in
 * another spelling («كلارا» + «فينتير» … «كلارا فينتر»), the mention is re-joined over it and
 * that spelling becomes a name variant. Two posts that differ keep the two apart.
 */
export function mergeOneWordNames(
  text: string,
  toks: Tok[],
  mentions: Mention[],
  byId: Map<string, Entity>,
  listed: (id: string) => boolean,
): void {
  const used = new Set<string>();
  for (const m of mentions) if (m.type === 'PERS' && m.entityId) used.add(m.entityId);
  // First and last words of the people named in two words or more → their ids (null: several).
  const byWord = new Map<string, string | null>();
  const put = (key: string, id: string) => {
    const prev = byWord.get(key);
    byWord.set(key, prev === undefined || prev === id ? id : null);
  };
  const singles: Entity[] = [];
  for (const id of used) {
    const e = byId.get(id);
    if (e?.type !== 'PERS') continue;
    const words = e.names.ar.split(/\s+/).filter((w) => w.length > 0);
    if (words.length === 1) {
      if (!listed(id) && e.names.aliases.length === 0) singles.push(e);
      continue;
    }
    for (const name of [e.names.ar, ...e.names.aliases]) {
      const ws = name.split(/\s+/).filter((w) => w.length > 0);
      if (ws.length < 2) continue;
      put(keyOf(ws[0]!), id);
      put(keyOf(ws[ws.length - 1]!), id);
    }
  }
  if (singles.length === 0 || byWord.size === 0) return;
  const into = new Map<string, string>();
  for (const e of singles) {
    const key = keyOf(e.names.ar);
    if (key.length < 3 || NAME_PARTICLES.has(key)) continue;
    const to = byWord.get(key);
    if (!to) continue;
    const b = byId.get(to)!;
    if (e.post && b.post && (e.post.en !== b.post.en || e.post.country !== b.post.country)) continue;
    into.set(e.id, to);
  }
  if (into.size === 0) return;
  const tokAtEnd = new Map<number, number>();
  for (const t of toks) tokAtEnd.set(t.end, t.i);
  const marks = new Uint8Array(text.length + 1);
  for (const m of mentions) marks.fill(1, m.span[0], m.span[1]);
  for (const m of mentions) {
    const to = m.entityId !== undefined ? into.get(m.entityId) : undefined;
    if (!to || m.type !== 'PERS' || m.role !== 'name') continue;
    // Re-join: the next word, which no mention reads, completes the full name.
    const k = tokAtEnd.get(m.span[1]);
    const next = k === undefined ? undefined : toks[k + 1];
    if (!next?.arabic || next.punct || text.slice(m.span[1], next.start).trim() !== '') continue;
    if (marks.subarray(next.start, next.end).some((x) => x !== 0)) continue;
    const word = byId.get(m.entityId!)!.names.ar;
    const joined = `${word} ${next.text}`;
    const sk = skeleton(joined);
    const b = byId.get(to)!;
    const full = [b.names.ar, ...b.names.aliases].find(
      (n) => keyOf(n.split(/\s+/)[0]!) === keyOf(word) && skeleton(n) === sk && oneLetterApart(n, joined),
    );
    if (!sk || !full) continue;
    m.span = [m.span[0], next.end];
    m.text = text.slice(m.span[0], m.span[1]);
    if (joined !== b.names.ar && !b.names.aliases.includes(joined)) b.names.aliases.push(joined);
  }
  foldPeople(into, byId, mentions, false);
}

/**
 * «الحمروني الدريدي» after «ليلى الحمروني الدريدي»: a person the article names by two words that
 * are the last two of exactly one person named in three words or more, opening on a given
 * name, is that person (a name read with a word before it that is none — «نسيتو شكري بلعيد»
 * — takes nobody in). Two posts that differ keep the two apart.
 */
export function mergeNameParts(
  mentions: Mention[],
  byId: Map<string, Entity>,
  listed: (id: string) => boolean,
): void {
  const people: { e: Entity; ws: string[] }[] = [];
  const seen = new Set<string>();
  let twos = 0;
  for (const m of mentions) {
    if (m.type !== 'PERS' || !m.entityId || seen.has(m.entityId)) continue;
    seen.add(m.entityId);
    const e = byId.get(m.entityId);
    if (e?.type !== 'PERS') continue;
    const ws = e.names.ar.split(/\s+/).filter((w) => w.length > 0);
    if (ws.length < 2) continue;
    if (ws.length === 2) twos++;
    people.push({ e, ws });
  }
  if (twos === 0) return;
  const pairKey = (ws: string[]) => `${keyOf(ws[ws.length - 2]!)} ${keyOf(ws[ws.length - 1]!)}`;
  const byPair = new Map<string, string | null>();
  for (const { e, ws } of people) {
    if (ws.length < 3 || (!GIVEN_NAMES.has(lightKey(ws[0]!)) && !COMPOUND_FIRST.has(keyOf(ws[0]!)))) continue;
    const key = pairKey(ws);
    const prev = byPair.get(key);
    byPair.set(key, prev === undefined || prev === e.id ? e.id : null);
  }
  if (byPair.size === 0) return;
  const into = new Map<string, string>();
  for (const { e, ws } of people) {
    if (ws.length !== 2 || listed(e.id)) continue;
    const to = byPair.get(pairKey(ws));
    if (!to) continue;
    const b = byId.get(to)!;
    if (e.post && b.post && (e.post.en !== b.post.en || e.post.country !== b.post.country)) continue;
    into.set(e.id, to);
  }
  if (into.size > 0) foldPeople(into, byId, mentions, true);
}

/** First words of compound given names («عبد الحميد», «أبو بكر»). */
const COMPOUND_FIRST = new Set(['عبد', 'أبو', 'ابو'].map((w) => keyOf(w)));

/** Words a long post's complement goes on through («لدى», «باسم», «عن»). */
const COMPLEMENT_WORDS = new Set(['لدى', 'باسم', 'عن'].map((w) => keyOf(w)));

/** «إن», «أن» (and «إنه»…): what follows a speaker's name after a speech verb. */
const THAT = new Set(['إن', 'أن', 'إنه', 'أنه', 'إنها', 'أنها', 'بأن'].map((w) => keyOf(w)));

/** Pronouns that open a clause after a comma («…، فهو يرى أن …»). */
const PRONOUNS = new Set(
  ['هو', 'هي', 'هم', 'هما', 'فهو', 'فهي', 'فهم', 'وهو', 'وهي', 'وهم'].map((w) => keyOf(w)),
);

const ORG_QUALIFIERS = new Set(['العام', 'العامة', 'الوطني', 'الوطنية'].map((w) => keyOf(w)));

/** Words inside names that carry them on to the next word («بن», «عبد», «أبو»). */
const NAME_PARTICLES = new Set(['بن', 'ابن', 'بنت', 'ابو', 'ابي', 'عبد', 'ال', 'آل', 'ولد'].map(keyOf));

const BEN = new Set(['بن', 'ابن'].map(keyOf));

/** Words that join a name to the next word and never end it: «أبو الغيط», «بن علي», «عبد الله». */
const NAME_LINKS = new Set(['بن', 'ابن', 'بنت', 'أبو', 'ابو', 'أبي', 'عبد', 'بو'].map(keyOf));

/** «أحمد أبو | الغيط»: a name cut on a linking word takes the word after it. */
function closeLink(toks: Tok[], n: NameRun): NameRun {
  const next = toks[n.last + 1];
  if (
    !NAME_LINKS.has(toks[n.last]!.key) ||
    !next?.arabic ||
    next.punct ||
    NAME_STOP.has(lightKey(next.text)) ||
    isPostHead(next)
  )
    return n;
  return { ...n, last: n.last + 1, end: next.end };
}

/**
 * «بوساطة» (ب + وساطة), «لرعاية», «كبديل»: a proclitic preposition on a word the tagger's table
 * of frequent words knows and its name-part list does not — a common word, no one-word name.
 */
function prepositionOnWord(t: Tok): boolean {
  if (!t.arabic || !/^[بلك]/u.test(t.key)) return false;
  const rest = t.text.slice(1);
  if (rest.length < 3 || !t.info.readings.some((r) => r.strip === 1)) return false;
  // («بوساطة», «بإشراف»: the sponsor words NAME_STOP lists, which the frequent-word table lacks)
  if (NAME_STOP.has(lightKey(t.text))) return true;
  const ev = foreignEvidence();
  return ev.known(rest) && !ev.namePart(rest) && !ev.namePart(t.text);
}

/** «عبد», «وعبد», «بن»: a particle, read through a conjunction. */
function isParticle(t: Tok): boolean {
  return t.arabic && t.info.readings.some((r) => r.strip <= 1 && NAME_PARTICLES.has(r.key));
}

const ABD = keyOf('عبد');

/** A given name of two words at `i`: «عبد + X» («عبد الله», «عبد الحميد»), «X الدين» («نور الدين»). */
function compoundGiven(toks: Tok[], i: number): boolean {
  const t = toks[i]!;
  const next = toks[i + 1];
  if (!t.arabic || !next?.arabic) return false;
  return t.info.readings.some((r) => r.strip <= 1 && r.key === ABD) || COMPOUND_TAILS.has(next.key);
}

/**
 * The tagger's person chunks run on into the sentence («محمد المؤدب عسكري متقاعد»,
 * «صالح الزغيدي يدعو», «محمد أكرم الخزري المضرب»): end them as the name grammar does —
 * at a word that never belongs to a name, at the first surname with the article (a
 * later article-word that is no nisba is the sentence going on), and never on a particle
 * («فريد بن | تنفوس»: the particle takes the next word). Returns the new last token.
 */
export function trimTaggedName(
  toks: Tok[],
  i: number,
  last: number,
  tags?: readonly string[] | undefined,
): number {
  // The given name may be two words («عبد المجيد», «نور الدين»): count from its end.
  const given = isParticle(toks[i]!) || COMPOUND_TAILS.has(toks[i + 1]?.key ?? '') ? i + 1 : i;
  for (let k = i + 1; k <= last; k++) {
    const t = toks[k]!;
    if (NAME_STOP.has(lightKey(t.text))) {
      last = k - 1;
      break;
    }
    const prev = toks[k - 1]!;
    // «نواف سعود الصباح»: up to a family name with the article (`articleFamilyAt`).
    const family = articleFamilyAt(toks, k);
    if (family !== undefined && family <= last) return family;
    if (!t.key.startsWith('ال') || NAME_PARTICLES.has(t.key) || isParticle(prev)) continue;
    if (COMPOUND_TAILS.has(t.key) || ARTICLE_GIVEN.has(t.key)) continue;
    if (
      k - given > 1 &&
      !t.key.endsWith('ي') &&
      !ARTICLE_GIVEN.has(prev.key) &&
      !secondSurname(toks, k, given, tags) &&
      familyEnd(toks, given, tags) !== k
    ) {
      last = k - 1;
      break;
    }
    const next = toks[k + 1];
    if (k < last && !(next && NAME_PARTICLES.has(next.key)) && !secondSurname(toks, k + 1, given, tags)) {
      last = k;
      break;
    }
  }
  const end = toks[last];
  if (last > i && end && NAME_PARTICLES.has(end.key)) {
    const n = toks[last + 1];
    const takes =
      n?.arabic && !n.punct && !NAME_STOP.has(lightKey(n.text)) && !cliticArticle(n) && !isPostHead(n);
    last = takes ? last + 1 : last - 1;
  }
  return last;
}

/**
 * Place names that, after a given word, are a common noun: «حركة الجولان» is road traffic
 * in Maghreb Arabic (جولان = circulation), not the Golan Heights.
 */
const COMMON_AFTER = new Map<string, Set<string>>([
  ['region:golan', new Set([keyOf('حركة')])],
  // «القنب الهندي» (cannabis), «التمر الهندي» (tamarind), «الجوز الهندي» (coconut),
  // «المحيط الهندي» (the Indian Ocean, no act of India's): the demonym names a thing.
  ['country:IND', new Set(['القنب', 'قنب', 'التمر', 'تمر', 'الجوز', 'جوز', 'المحيط', 'محيط'].map(keyOf))],
  // «الحمى المالطية»: brucellosis.
  ['country:MLT', new Set(['الحمى', 'حمى'].map(keyOf))],
]);

/**
 * Forms of the gazetteer that are, in news, nearly always a common word: «البوركيني» (the
 * burkini swimsuit; the people of Burkina Faso are «البوركينابي»).
 */
const COMMON_FORMS = new Map<string, string>([[keyOf('البوركيني'), 'country:BFA']]);

function commonNounReading(toks: Tok[], g: GazMatch): boolean {
  const id = g.hits[0]!.entry.id;
  const r = toks[g.first]!.info.readings.find((x) => x.strip === g.strip);
  if (g.first === g.last && r && COMMON_FORMS.get(r.key) === id) return true;
  // «وأم» (and a mother) is no «وام» (WAM): a short acronym is written without hamza.
  const t = toks[g.first]!;
  if (g.first === g.last && g.hits[0]!.entry.type === 'ORG' && t.key.length <= 3 && /[أإآ]/.test(t.text))
    return true;
  // «مآرب» (aims, «لمآرب سياسية») folds as «مأرب» (Marib) does: Marib is never written with a madda.
  if (id === 'region:yem-marib' && g.first === g.last && t.text.includes('آ')) return true;
  const words = COMMON_AFTER.get(id);
  const prev = toks[g.first - 1];
  return (
    !!words && g.strip === 0 && prev?.arabic === true && prev.info.readings.some((r) => words.has(r.key))
  );
}

/** A one-word town or region, written bare: as a chunk's last word, a surname. */
function townSurname(m: GazMatch): boolean {
  const e = m.hits[0]!.entry;
  return (
    m.first === m.last && m.strip === 0 && e.type === 'LOC' && (e.kind === 'city' || e.kind === 'region')
  );
}

/** Words before a street or a quarter named after a place («حي العيون», «نهج الجزائر», «شارع باريس»). */
const STREET_WORDS = new Set('حي نهج شارع ساحة زنقة'.split(' ').map((w) => keyOf(w)));

/**
 * «حي العيون» (a quarter of Bizerte), «نهج الجزائر», «شارع باريس»: a place in construct
 * after a street word names the street, not the place (Laayoune, Algeria, Paris).
 */
function streetNamedAfter(toks: Tok[], g: GazMatch): boolean {
  const e = g.hits[0]!.entry;
  if (g.strip !== 0 || e.type !== 'LOC') return false;
  const prev = toks[g.first - 1];
  return (
    prev?.arabic === true &&
    prev.info.readings.some((r) => r.strip <= 1 && (STREET_WORDS.has(r.key) || NAMED_AFTER_WORDS.has(r.key)))
  );
}

function thingNamedAfter(toks: Tok[], g: GazMatch): boolean {
  const prev = toks[g.first - 1];
  return (
    prev?.arabic === true && prev.info.readings.some((r) => r.strip <= 1 && NAMED_AFTER_WORDS.has(r.key))
  );
}

/**
 * «اتفاق قرطاج», «أيام قرطاج السينمائية», «قصر قرطاج», «صحيفة الرياض», «الإعصار هايان»: a
 * place's name in construct after these words names an accord, a festival, a palace, a
 * paper or a storm — not the place.
 */
const NAMED_AFTER_WORDS = new Set(
  'اتفاق اتفاقية معاهدة أيام مهرجان قصر صحيفة جريدة الإعصار إعصار العاصفة عاصفة'
    .split(' ')
    .map((w) => keyOf(w)),
);

/** «بين»: between two places. */
const BETWEEN = keyOf('بين');

/** «سيدي» (a saint's title in Maghreb place names: «سيدي بوزيد», «منطقة سيدي عبد الله»). */
const SIDI = keyOf('سيدي');

/** Prepositions of place before «سيدي X»: a town (`sidiTown`). */
const PLACE_PREPS = new Set(['في', 'إلى', 'الى', 'من', 'قرب', 'نحو'].map((w) => keyOf(w)));

const GUEST = new Set(['ضيف', 'ضيفة'].map((w) => keyOf(w)));

/** Words before the title of a programme, a paper or a site («برنامج "بوليتيكا"»). */
const WORK_WORDS = new Set(
  'برنامج البرنامج حصة الحصة قناة إذاعة صحيفة جريدة مجلة موقع كتاب فيلم الفيلم مسلسل المسلسل أغنية'
    .split(' ')
    .map((w) => keyOf(w)),
);

/**
 * Words before a place or an institution named after someone («معهد "ابن أبي ضياف"»,
 * «منطقة سيدي عبد الله», «شارع الحبيب بورقيبة»): what follows names the place. Only in
 * construct: after «مدير المستشفى» a name is the director's.
 */
const NAMED_PLACE_WORDS = new Set(
  'معهد مدرسة مستشفى شارع نهج ساحة جامع مسجد منطقة حي مطار ملعب قاعة ضريح معتمدية بلدة قرية بئر شاطئ شط محافظة'
    .split(' ')
    .map((w) => keyOf(w)),
);

/**
 * The chunk at `i` names a work after «برنامج», «صحيفة»…, or a place after «معهد»,
 * «منطقة», «شارع»… (a quote may stand between), not a person.
 */
export function titleOfWork(toks: Tok[], i: number): boolean {
  let k = i - 1;
  // Back over what opens the name: «سيدي», «ابن», «أبي».
  while (
    k > i - 3 &&
    toks[k]?.arabic &&
    (opensName(toks, k) || NAME_PARTICLES.has(toks[k]!.key) || toks[k]!.key === SIDI)
  )
    k--;
  const quoted = toks[k] !== undefined && !toks[k]!.arabic && /^["«“']$/.test(toks[k]!.text);
  if (quoted) k--;
  const t = toks[k];
  // «ضيف "بوليتيكا"»: the guest of a quoted title is on a programme.
  if (quoted && t?.arabic && t.info.readings.some((r) => r.strip <= 1 && GUEST.has(r.key))) return true;
  return (
    (t?.arabic === true &&
      t.info.readings.some((r) => WORK_WORDS.has(r.key) || NAMED_PLACE_WORDS.has(r.key))) ||
    (!quoted && placeWithAdjective(toks, k))
  );
}

const STADIUM = keyOf('ملعب');
const STADIUM_ADJECTIVES = new Set(['الأولمبي', 'البلدي'].map((w) => keyOf(w)));

/** Adjectives of an international body («المنظمة الدولية» after «الأمم المتحدة»). */
const INTERNATIONAL = new Set(
  ['الدولية', 'العالمية', 'الأممية', 'الدولي', 'العالمي', 'الأممي'].map((w) => keyOf(w)),
);

/** «المستشفى», «بالمعهد»: a place word of `NAMED_PLACE_WORDS` with the article. */
function placeWord(t: Tok | undefined): boolean {
  return (
    t?.arabic === true &&
    t.info.readings.some(
      (r) => r.strip <= 2 && r.key.startsWith('ال') && NAMED_PLACE_WORDS.has(stripAl(r.key)),
    )
  );
}

/** People of a hospital or a school («طبيب المستشفى الجهوي X» names the doctor). */
const PEOPLE_OF_PLACE = new Set(
  'طبيب طبيبة أطباء أستاذ أستاذة أساتذة ممرض ممرضة عون أعوان إطارات تلميذ تلاميذ طلبة موظف موظفي عمال'
    .split(' ')
    .map((w) => keyOf(w)),
);

/**
 * «المستشفى المحلي حسان …», «المعهد الثانوي …»: a definite place word and one or two of its
 * adjectives ending at token `k` — what follows names the place after someone. Not after a
 * post or a person of the place («مدير المستشفى الجهوي X» is the director).
 */
function placeWithAdjective(toks: Tok[], k: number): boolean {
  if (!nameAdjective(toks[k])) return false;
  let j = k;
  while (j > k - 2 && !placeWord(toks[j]) && nameAdjective(toks[j])) j--;
  if (j === k || !placeWord(toks[j])) return false;
  // «الملعب القابسي X»: a club (Stade Gabèsien) and its player; «الملعب الأولمبي X» is a ground.
  if (
    stripAl(toks[j]!.info.readings.find((r) => r.key.startsWith('ال'))!.key) === STADIUM &&
    !STADIUM_ADJECTIVES.has(toks[j + 1]!.key)
  )
    return false;
  const before = toks[j - 1];
  return !(
    before?.arabic &&
    (isPostHead(before) || longHeadAt(before) || before.info.readings.some((r) => PEOPLE_OF_PLACE.has(r.key)))
  );
}

/**
 * Inside a person chunk of the tagger, after its first word: «فالتر», «فالس», «فالنتين» are
 * foreign names, not «ف» + a definite word (the conjunction «ف» opens a clause, not the
 * middle of a name), nor are «والتز», «والاس» «و» + a definite word where no frequent word
 * is read (`foreignSurname`). Other clitic + article words still end the name («محمد والوزير»).
 */
function chunkNameWord(t: Tok): boolean {
  return !cliticArticle(t) || (/^فال/.test(t.key) && t.key.length >= 4) || foreignSurname(t);
}

/**
 * Does an organization's Arabic name agree with a possessive pronoun (`possessivePostAt`)? Its
 * first word without the article: in «ة» feminine («شركة الراية»), else an organization word
 * masculine («بنك», «الصندوق»); a name with neither («أرامكو») agrees with both.
 */
function agrees(ar: string, owner: 'f' | 'm'): boolean {
  const w = stripAl(lightKey(ar.split(/\s+/)[0] ?? ''));
  if (/ة$/u.test(w)) return owner === 'f';
  if (ORG_WORDS.has(keyOf(w)) || INSTITUTION_HEADS.has(keyOf(w)) || MASCULINE_ORG_WORDS.has(w))
    return owner === 'm';
  return true;
}

/** Fields of a company named after its place, in construct: «شركة نفط …», «شركة كهرباء …». */
const COMPANY_FIELDS = new Set(
  'نفط بترول غاز كهرباء مياه موانئ ميناء طيران خطوط اتصالات إسمنت اسمنت حديد فوسفات أسمدة مصافي تكرير ناقلات'
    .split(' ')
    .map(keyOf),
);

/**
 * «شركة بترول الكويت», «شركة كهرباء عدن», «مصرف خطوط …»: a company's head in construct, one or
 * two nouns of its field and a place the gazetteer knows — the company, named after the place.
 */
function companyOfPlaceAt(
  gaz: Gazetteer,
  toks: Tok[],
  i: number,
): { first: number; last: number; country?: string } | undefined {
  const t = toks[i]!;
  const r = orgWordReading(t, COMPANY_HEADS);
  if (!r || r.key.startsWith('ال')) return undefined;
  let k = i + 1;
  while (k <= i + 2 && toks[k]?.arabic && !toks[k]!.punct && COMPANY_FIELDS.has(toks[k]!.key)) k++;
  const fields = k - i - 1;
  const m = matchAt(gaz, toks, k);
  const e = m?.hits[0]?.entry;
  if (!m || !e || m.strip !== 0 || e.type !== 'LOC' || m.hits[0]!.role === 'demonym') return undefined;
  // «بنك الكويت الوطني», «شركة الريان للتطوير العقاري»: with no field before the place, an
  // adjective or a field in «لل» after it says it is the company's name.
  let last = m.last;
  while (nameAdjective(toks[last + 1])) last++;
  const f = toks[last + 1];
  if (f?.arabic && !f.punct && f.key.startsWith('لل') && f.key.length > 4) {
    last++;
    while (nameAdjective(toks[last + 1])) last++;
  }
  if (fields === 0 && last === m.last) return undefined;
  return { first: i, last, ...(e.country ? { country: e.country } : {}) };
}

/**
 * Agencies' short names written as a credit in parentheses («الدوحة (قنا) -»): words or places
 * elsewhere («قنا»: Qena; «بنا»: «with us»), so no alias of the gazetteer.
 */
const CREDITS = new Map([
  ['قنا', 'org:qna'],
  ['كونا', 'org:kuna'],
  ['بنا', 'org:bna'],
]);

/** Common nouns a post's complement refers back to an organization by («رئيس المجلس», «باسم المركز»). */
const BACK_NOUNS = new Set(
  [
    'مجلس',
    'مركز',
    'هيئة',
    'منظمة',
    'مؤسسة',
    'شركة',
    'لجنة',
    'وكالة',
    'جمعية',
    'صندوق',
    'بنك',
    'مصرف',
    'اتحاد',
    'معهد',
    'جامعة',
    'حزب',
    'حركة',
    'برنامج',
  ].map(keyOf),
);

/** Masculine heads of companies' and funds' names («بنك», «مصرف», «صندوق»). */
const MASCULINE_ORG_WORDS = new Set(['بنك', 'مصرف', 'صندوق', 'حزب', 'مجلس', 'اتحاد', 'مركز', 'معهد']);

/** The last token of the tagger's person chunk starting at `c` (honorifics and sentence words trimmed). */
function chunkLast(toks: Tok[], tags: readonly string[], c: number): number {
  let last = c;
  while (tags[last + 1] === 'I-PERS' && chunkNameWord(toks[last + 1]!)) last++;
  return trimTaggedName(toks, c, last, tags);
}

/**
 * Can any rule start at this word? (a gazetteer entry, a post head, a body, an
 * honorific, a given name). Cached per surface form: most words answer no at once.
 */
function canStart(gaz: Gazetteer, t: Tok): boolean {
  const info = t.info;
  if (info.starts === undefined) {
    info.starts =
      info.readings.some((r) => gaz.root.next.has(r.key)) ||
      isPostHead(t) ||
      opensActing(t) ||
      longHeadAt(t) !== undefined ||
      bodyFirstWords().has(t.key) ||
      info.readings.some((r) => bodyFirstWords().has(r.key)) ||
      opensName([t], 0) ||
      info.readings.some((r) => r.key.startsWith('نظير')) ||
      isCandidateWord(t) ||
      opensPossessive(t) ||
      // «المؤسسة التونسية للأنشطة البترولية»: a national organization (`nationalOrgAt`).
      info.readings.some((r) => r.strip <= 1 && r.key.startsWith('ال') && ORG_WORDS.has(stripAl(r.key))) ||
      // «مركز البحوث العسكرية»: an institution named in construct (`orgSpanAt`).
      opensOrg(t) ||
      t.key === 'د' ||
      GIVEN_NAMES.has(lightKey(t.text)) ||
      COMPOUND_HEADS.has(lightKey(t.text));
  }
  return info.starts;
}

/** `nameCue` with the post heads and, before a name, a country's demonym; cached per surface form like `canStart`. */
function isNameCue(gaz: Gazetteer, t: Tok): boolean {
  const info = t.info;
  if (info.cue === undefined) {
    info.cue = nameCue(t, isPostHead, (x) => {
      // «الهولندي روبن فان بيرسي»: a nationality often comes right before a name.
      const h = gaz.root.next.get(x.key)?.hits?.[0];
      return h?.role === 'demonym' && h.entry.kind === 'country';
    });
  }
  return info.cue;
}

export function findEntities(text: string, opts: EntityOptions = {}): EntityResult {
  const toks = tokenize(text);
  if (!toks.some((t) => t.arabic)) {
    return {
      mentions: [],
      entities: [],
      messages: [
        {
          ruleId: 'entities/no-arabic',
          severity: 'warning',
          reason:
            'no Arabic words in this text, so no entities were looked for. khabar reads Arabic news: check the input is the article you meant.',
        },
      ],
    };
  }
  const gaz = articleGazetteer(gazetteer(), toks);
  const run = new Run(text, toks, gaz);
  const sentence = sentences(text, toks);
  const tags = tagSentences(toks, sentence, opts.tagger ?? 'auto', (t) => isNameCue(gaz, t));
  run.tags = tags;
  run.sentence = sentence;
  for (let i = 0; i < toks.length; ) {
    const t = toks[i]!;
    // «الدوحة (قنا) -»: an agency's credit in parentheses, not the Egyptian city Qena.
    const credit =
      t.arabic && toks[i - 1]?.key === '(' && toks[i + 1]?.key === ')' ? CREDITS.get(t.key) : undefined;
    const agency = credit ? gaz.byId.get(credit) : undefined;
    if (agency) {
      run.table.fromGazetteer(agency);
      run.mention(t.start, t.end, i, {
        type: 'ORG',
        entityId: agency.id,
        role: 'name',
        via: 'gazetteer',
        confidence: 0.9,
      });
      i++;
      continue;
    }
    if (
      t.arabic &&
      (TOWN_FIRST.has(t.key) || t.info.readings.some((r) => r.strip > 0 && TOWN_WORDS.has(r.key)))
    ) {
      const next = run.town(i);
      if (next > i) {
        i = next;
        continue;
      }
    }
    if (t.arabic && t.key.endsWith(SIDI)) {
      const next = run.sidiTown(i);
      if (next > i) {
        i = next;
        continue;
      }
    }
    // «وقالت FIFA», «حلف NATO»: an organization by its Latin acronym
    if (!t.arabic || (toks[i + 1] && !toks[i + 1]!.arabic && !toks[i + 1]!.punct)) {
      const o = latinOrgAt(gaz, toks, i);
      if (o) {
        i = run.latinOrg(o);
        continue;
      }
    }
    if (tags?.[i] === 'B-PERS' || tags?.[i] === 'B-ORG') {
      const next = run.tagged(i);
      if (next > i) {
        i = next;
        continue;
      }
    }
    if (!t.arabic) {
      // «قال John Smith المتحدث …»: a person named in Latin letters.
      const last = latinNameAt(toks, i, isPostHead);
      if (last !== undefined) {
        run.person({
          first: i,
          last,
          start: t.start,
          end: toks[last]!.end,
          nameStart: i,
          coreStart: i,
          confidence: 0.7,
        });
        i = last + 1;
        continue;
      }
      i++;
      continue;
    }
    if (run.personEnds.has(i - 1) || run.personEnds.has(i - 2)) {
      const next = run.appointed(i);
      if (next > i) {
        i = next;
        continue;
      }
    }
    if (!canStart(gaz, t)) {
      i++;
      continue;
    }
    const g = matchAt(gaz, toks, i);
    const p =
      possessivePostAt(toks, i, text) ??
      candidatePostAt(gaz, toks, i, text) ??
      postAt(gaz, toks, i, text) ??
      counterpartAt(gaz, toks, i, text, run.posts[run.posts.length - 1]?.pm) ??
      rankPostAt(gaz, toks, i, text);
    if (longHeadAt(t) && !(g && g.hits[0]!.entry.kind === 'person')) {
      // «مساعد رئيس مجلس الشعب …»: a post the grammar read only up to its head word has
      // no complement for the long post to go beyond.
      const headOnly = p !== undefined && !p.bare && p.last > p.first && isPostHead(toks[p.last]!);
      const min = p && !headOnly ? p.last : -1;
      const before = run.longPostBefore(i, min);
      if (before && p && min >= 0) run.officeBeyond(before.lp, p);
      if (before && (!g || before.lp.pm.last >= g.last)) {
        i = run.longPost(before.lp, before.n);
        continue;
      }
      const commaAfter = (toks[i - 1]?.key === '،' || toks[i - 1]?.key === ',') && run.personEnds.has(i - 2);
      const after = run.personEnds.has(i - 1)
        ? run.longPostAfter(i, min)
        : commaAfter
          ? run.longPostAfter(i, min, true)
          : undefined;
      if (after && p && min >= 0) run.officeBeyond(after, p);
      if (after && (!g || after.pm.last >= g.last)) {
        i = run.longPost(
          after,
          run.personEnds.get(commaAfter && !run.personEnds.has(i - 1) ? i - 2 : i - 1)!,
        );
        continue;
      }
    }
    if (p && (!g || p.last >= g.last) && !(g && g.hits[0]!.entry.kind === 'person')) {
      i = run.post(p);
      continue;
    }
    const no = nationalOrgAt(gaz, toks, i);
    if (no && (!g || (g.hits[0]!.entry.type !== 'ORG' && no.last > g.last))) {
      run.nationalOrg(no);
      i = no.last + 1;
      continue;
    }
    const ms = !g ? ministriesAt(gaz, toks, i, text) : undefined;
    if (ms) {
      for (const m of ms) run.body(m);
      i = ms[ms.length - 1]!.last + 1;
      continue;
    }
    const b = bodyAt(gaz, toks, i, text, true);
    if (b && (!g || b.last > g.last)) {
      run.body(b);
      i = b.last + 1;
      continue;
    }
    // «المنظمة العالمية للسياحة», «مركز البحوث العسكرية»: an institution no list knows, or
    // one a list knows named with a field of its own («الاتحاد الإفريقي للتنس»).
    const os = orgSpanAt(toks, i, tags, isPostHead);
    if (
      os &&
      (os.genitive || !os.definite) &&
      !os.generic &&
      !os.common &&
      !run.listedInside(os.first + 1, os.last) &&
      // «منظمة الدول الأمريكية» (of the Americas' states, not a US body), «مجلس الدولة
      // الصيني»: with no genitive, whose noun a demonym qualifies is not read here — the
      // country stays a mention of its own, and the events stage names the bodies it knows.
      (os.genitive || !run.demonymIn(os.first + 1, os.last)) &&
      (!g || (g.hits[0]!.entry.type === 'ORG' && os.last > g.last && os.vouched))
    ) {
      // «المرصد السوري لحقوق الإنسان»: the body of Syria, and a mention of Syria as its
      // demonym (a post keeps its country's demonym the same way).
      const d = run.demonymIn(os.first + 1, os.last);
      run.nationalOrg({ first: os.first, last: os.last, country: d?.hits[0]?.entry.country });
      if (d) run.gazMention(d);
      i = os.last + 1;
      continue;
    }
    const cp = g ? undefined : companyOfPlaceAt(gaz, toks, i);
    if (cp) {
      // «شركة كهرباء عدن»: the company, not a mention of the town it is named after.
      run.nationalOrg(cp);
      i = cp.last + 1;
      continue;
    }
    if (g && g.strip === 0 && g.hits[0]!.entry.kind === 'person' && titleOfWork(toks, i)) {
      // «المستشفى الجامعي الحبيب بورقيبة», «شارع الحبيب بورقيبة»: named after a listed person.
      i = g.last + 1;
      continue;
    }
    if ((opensName(toks, i) || givenAt(toks, i)) && titleOfWork(toks, i) && !g) {
      // «معهد "ابن أبي ضياف"», «منطقة سيدي عبد الله»: a place named after someone.
      const n = nameAt(gaz, toks, i, { apposition: false, tags, isHead: isPostHead });
      i = n ? Math.max(n.last, i) + 1 : i + 1;
      continue;
    }
    if (opensName(toks, i)) {
      const n = nameAt(gaz, toks, i, { apposition: false, tags, isHead: isPostHead });
      if (n && n.last >= n.coreStart) {
        run.person(n);
        i = n.last + 1;
        continue;
      }
    }
    if (g && placeGivenName(gaz, toks, i, { apposition: false, tags, isHead: isPostHead })) {
      const n = nameAt(gaz, toks, i, { apposition: false, tags, isHead: isPostHead });
      if (n && n.last > n.coreStart) {
        run.person(n);
        i = n.last + 1;
        continue;
      }
    }
    if (g && (run.looseCity(g) || commonNounReading(toks, g) || streetNamedAfter(toks, g))) {
      // «بقصر قرطاج», «اتفاق قرطاج» still say which country the article is about.
      const e = g.hits[0]!.entry;
      if (e.country && e.kind !== 'country' && thingNamedAfter(toks, g))
        run.nationalOrgCountries.push(e.country);
      i++;
      continue;
    }
    if (g) {
      run.gazMention(g);
      i = g.last + 1;
      continue;
    }
    if (givenAt(toks, i)) {
      const n = nameAt(gaz, toks, i, { apposition: false, tags, isHead: isPostHead });
      if (n && n.last > n.coreStart) {
        run.person(n);
        i = n.last + 1;
        continue;
      }
    }
    i++;
  }
  run.resolvePosts();
  run.resolveBodies();
  run.resolvePostCountries(sentence);
  run.resolveTowns();
  if (opts.brief) run.outlet(opts.brief);
  const base = { text, toks, sentence, entities: run.table.byId };
  const s = surnames({ ...base, mentions: run.mentions, firstTok: run.firstTok });
  run.mentions.push(...s.mentions);
  run.firstTok.push(...s.firstTok);
  run.singles();
  const gr = groups({ ...base, mentions: run.mentions, firstTok: run.firstTok });
  run.mentions.push(...gr.mentions);
  run.firstTok.push(...gr.firstTok);
  const pr = pairs({ ...base, mentions: run.mentions, firstTok: run.firstTok });
  run.mentions.push(...pr.mentions);
  shortOrgs(run.mentions, run.table.byId);
  mergeOneWordNames(text, toks, run.mentions, run.table.byId, (id) => gaz.byId.has(id));
  mergeNameParts(run.mentions, run.table.byId, (id) => gaz.byId.has(id));
  mergeSpellings(run.mentions, run.table.byId, (id) => gaz.byId.has(id));
  const mentions = run.mentions.sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
  const used = new Set<string>();
  for (const m of mentions) {
    if (m.entityId) used.add(m.entityId);
    for (const id of m.entityIds ?? []) used.add(id);
  }
  const entities = [...run.table.byId.values()].filter((e) => used.has(e.id));
  return { mentions, entities, messages: [] };
}
