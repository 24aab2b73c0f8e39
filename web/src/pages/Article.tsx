/** The reader: the brief's sections in order, entities and events marked in the text. */
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { type ArticleView, type Block, get } from '../api.ts';
import { DateFromText } from '../components/DateFromText.tsx';
import { EventDetail } from '../components/EventDetail.tsx';
import { Marked } from '../components/Marked.tsx';
import { Status } from '../components/Status.tsx';
import { Src, Ui } from '../components/Src.tsx';
import {
  countryAr,
  dateLabel,
  ENTITY_TYPE_AR,
  PLOVER_AR,
  postEn,
  SECTION_AR,
  says,
  standaloneName,
} from '../labels.ts';
import { href, navigate, type Route } from '../router.ts';
import { entityName, lang, t } from '../i18n.ts';
import { useFetch } from '../useFetch.ts';
import { headline } from '../../../src/text/headline.ts';

function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/**
 * A list item's span covers its bullet («- », «• », «1. »: docs/brief-schema.md) while its
 * text does not; the reader marks the text from where the item's words start.
 */
export function itemBlock(b: Block, source: string): Block {
  const [start, end] = b.span;
  const head = b.text.slice(0, 12);
  const at = head ? source.slice(start, end).indexOf(head) : -1;
  return at > 0 ? { ...b, span: [start + at, end] } : b;
}

/**
 * A post in the interface language — in English with its country, as the Arabic says it
 * («Minister of Foreign Affairs of Jordan»); an Arabic post with no English gloss stays marked Arabic.
 */
export function postText(post: { ar: string; en?: string; country?: string }) {
  if (lang() !== 'en') return post.ar;
  const p = postEn(post);
  return p ?? <Src>{post.ar}</Src>;
}

/** The words postText shows. */
function postShown(post: { ar: string; en?: string; country?: string }): string {
  return (lang() === 'en' && postEn(post)) || post.ar;
}

export function ArticlePage({ id, route }: { id: string; route: Route }) {
  // ?brief=composed: the brief drafted from the text (an article not in the template).
  const composed = route.params.get('brief') === 'composed';
  const view = composed ? 'composed' : undefined;
  const { data, error, loading } = useFetch(`${id}${composed ? '?brief=composed' : ''}`, () =>
    get<ArticleView>(`/api/articles/${encodeURIComponent(id)}${composed ? '?brief=composed' : ''}`),
  );
  const selected = route.params.get('event') ?? undefined;
  const names = useMemo(() => new Map((data?.entities ?? []).map((e) => [e.id, e.names])), [data]);
  // The button that opened the event panel, found again once the panel has closed (the text's
  // buttons are drawn anew when the chosen event's evidence is marked): the focus goes back there.
  const opener = useRef<{ selector: string; element: Element | null } | null>(null);
  const refocus = useRef(false);
  // In the commit that removes the panel (a layout effect), so that the focus is never left on
  // the page's body between the two.
  useLayoutEffect(() => {
    if (selected || !refocus.current) return;
    refocus.current = false;
    const o = opener.current;
    const back = o?.element?.isConnected ? o.element : o ? document.querySelector(o.selector) : null;
    (back instanceof HTMLElement ? back : document.querySelector<HTMLElement>('.event-btn'))?.focus();
  }, [selected]);
  if (!data) return <Status loading={loading} error={error} />;
  const { article, brief, mentions, events, entities } = data;
  const select = (ev: string | undefined) => {
    const from = document.activeElement;
    if (ev && from instanceof HTMLElement && from.dataset.event) {
      const where = from.classList.contains('event-btn') ? '.event-btn' : 'article button.ev';
      opener.current = {
        selector: `${where}[data-event="${CSS.escape(from.dataset.event)}"]`,
        element: from,
      };
    } else if (ev) opener.current = null;
    navigate(href(['article', id], { event: ev, brief: view }));
  };
  const close = () => {
    refocus.current = true;
    select(undefined);
  };
  const para = (b: Block, key: string | number) => (
    <p key={key}>
      <Marked
        block={b}
        source={article.text}
        mentions={mentions}
        events={events}
        selected={selected}
        onEvent={select}
        names={names}
      />
    </p>
  );
  const people = entities.filter((e) => e.type === 'PERS');
  const others = entities.filter((e) => e.type !== 'PERS');
  const chosen = events.find((e) => e.id === selected);
  const url = safeUrl(article.url);
  // Untitled: its lead's first words, past a dateline — as search hits, the ingest page and the CLI.
  const first = (brief.lead[0] ?? brief.body[0])?.text.trim();
  const title = article.title ?? (first ? headline(first) : 'خبر');
  // That block whole as the title (a text file's headline line): not shown again below it.
  const titled = !article.title && first !== undefined && title === first.replace(/\s+/gu, ' ');
  const lead = titled && brief.lead.length ? brief.lead.slice(1) : brief.lead;
  const body = titled && !brief.lead.length ? brief.body.slice(1) : brief.body;
  const dateline = brief.dateline?.text ?? article.outlet;
  // The article's one date, as search lists and counts it by; marked when its text gave it.
  const publishedIso = data.published?.value;
  const published = dateLabel(data.published);
  const fromText = data.published?.from === 'text';
  return (
    <div class="reader">
      <article aria-labelledby="title" lang="ar" dir="rtl">
        <header>
          <h1 id="title">{title}</h1>
          <p class="meta">
            {dateline}
            {dateline && published ? ' · ' : null}
            {published ? (
              <Ui>
                <time dateTime={publishedIso}>{published}</time>
                {fromText ? <DateFromText /> : null}
              </Ui>
            ) : null}
            {url ? (
              <>
                {' · '}
                <Ui>
                  <a href={url} rel="noopener noreferrer nofollow" target="_blank">
                    {t('source')}
                  </a>
                </Ui>
              </>
            ) : null}
          </p>
        </header>
        {brief.origin === 'composed' ? (
          <p class="note">
            <Ui>
              {t('composedNote')} <a href={href(['article', id])}>{t('fullText')}</a>
            </Ui>
          </p>
        ) : brief.origin === 'unlabelled' ? (
          <p class="note">
            <Ui>
              {t('unlabelledNote')}{' '}
              <a href={href(['article', id], { brief: 'composed' })}>{t('draftBrief')}</a>
            </Ui>
          </p>
        ) : null}
        {/* An article that opens with its dateline and first label has no lead. */}
        {lead.length ? <div class="lead">{lead.map(para)}</div> : null}
        {brief.sections.map((s, i) => (
          <section
            key={i}
            class={`brief-section k-${s.kind}`}
            data-kind={s.kind}
            aria-labelledby={`sec-${i}`}
          >
            <h2 id={`sec-${i}`}>
              {s.label}
              {lang() === 'en' ? (
                <>
                  {' '}
                  <Ui class="gloss">{SECTION_AR[s.kind] ?? s.kind}</Ui>
                </>
              ) : null}
            </h2>
            {s.paragraphs.map(para)}
            {s.items.length ? (
              <ul>
                {s.items.map((b, j) => (
                  <li key={j}>
                    <Marked
                      block={itemBlock(b, article.text)}
                      source={article.text}
                      mentions={mentions}
                      events={events}
                      selected={selected}
                      onEvent={select}
                      names={names}
                    />
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
        ))}
        {body.length ? <div class="body">{body.map(para)}</div> : null}
        {brief.byline ? <p class="byline">{brief.byline.text}</p> : null}
      </article>
      <aside class="side" aria-label={t('peopleAndEvents')}>
        {chosen ? <EventDetail event={chosen} source={article.text} names={names} onClose={close} /> : null}
        <section aria-labelledby="people-h">
          <h2 id="people-h">{t('people')}</h2>
          {people.length ? (
            <ul class="people">
              {people.map((p) => (
                <li key={p.id} data-entity={p.id}>
                  <a href={href(['entity', p.id])}>{entityName(p.names)}</a>
                  {p.post ? <span class="post">{postText(p.post)}</span> : null}
                  {/* the post's own country is not tagged again («رئيس الوزراء العراقي» [العراق]) */}
                  {p.country && !(p.post && says(postShown(p.post), countryAr(p.country))) ? (
                    <span class="tag">{countryAr(p.country)}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t('noPeople')}</p>
          )}
        </section>
        <section aria-labelledby="ents-h">
          <h2 id="ents-h">{t('orgsAndPlaces')}</h2>
          <ul class="chips">
            {others.map((e) => (
              <li key={e.id}>
                <a class={`chip m-${e.type}`} href={href(['entity', e.id])} title={ENTITY_TYPE_AR[e.type]}>
                  {standaloneName(e)}
                </a>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="events-h">
          <h2 id="events-h">{t('events')}</h2>
          {events.length ? (
            <ol class="events">
              {events.map((e) => (
                <li key={e.id}>
                  <button
                    type="button"
                    class="event-btn"
                    data-event={e.id}
                    aria-pressed={selected === e.id}
                    onClick={() => select(selected === e.id ? undefined : e.id)}
                  >
                    <span class="code" lang="en">
                      {e.type}
                    </span>{' '}
                    {PLOVER_AR[e.type]}: <Src>{e.trigger.text}</Src>
                  </button>
                </li>
              ))}
            </ol>
          ) : (
            <p class="muted">{t('noEvents')}</p>
          )}
        </section>
      </aside>
    </div>
  );
}
