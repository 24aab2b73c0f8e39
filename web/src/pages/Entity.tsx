/** An entity: names and aliases, post, events over time, recent events, top partners. */
import { type EntityPage as EntityData, get } from '../api.ts';
import { Bars } from '../components/Bars.tsx';
import { Status } from '../components/Status.tsx';
import { countryAr, ENTITY_TYPE_AR, num, PLOVER_AR, score, scoreColour } from '../labels.ts';
import { href } from '../router.ts';
import { useFetch } from '../useFetch.ts';

/** Partner ids are country codes for countries, entity ids otherwise. */
function partnerHref(id: string): string {
  return href(['entity', /^[A-Z]{3}$/.test(id) ? `country:${id}` : id]);
}

export function EntityPage({ id }: { id: string }) {
  const { data, error, loading } = useFetch(id, () =>
    get<EntityData>(`/api/entities/${encodeURIComponent(id)}`),
  );
  if (!data) return <Status loading={loading} error={error} />;
  const e = data.entity;
  const other = [...new Set([e.names.en, e.names.latin].filter(Boolean))];
  return (
    <div class="entity">
      <header>
        <h1>{e.names.ar}</h1>
        {other.length ? (
          <p class="latin" lang="en" dir="ltr">
            {other.join(' · ')}
          </p>
        ) : null}
        <p class="meta">
          {[ENTITY_TYPE_AR[e.type] ?? e.type, e.country ? countryAr(e.country) : undefined, e.sector]
            .filter(Boolean)
            .join(' · ')}
        </p>
      </header>
      <dl class="facts">
        {e.post ? (
          <>
            <dt>المنصب</dt>
            <dd class="post">
              {e.post.ar}
              {e.post.en ? (
                <>
                  {' '}
                  <bdi lang="en">({e.post.en})</bdi>
                </>
              ) : null}
            </dd>
          </>
        ) : null}
        {e.names.aliases.length ? (
          <>
            <dt>أسماء أخرى</dt>
            <dd>{e.names.aliases.join('، ')}</dd>
          </>
        ) : null}
        <dt>الأخبار</dt>
        <dd>{num(data.articles)}</dd>
        <dt>الذكر</dt>
        <dd>{num(data.mentions)}</dd>
      </dl>
      <section aria-labelledby="time-h">
        <h2 id="time-h">الأحداث عبر الزمن</h2>
        <Bars data={data.timeline} label="عدد الأحداث في كل شهر" />
      </section>
      <section aria-labelledby="partners-h">
        <h2 id="partners-h">أبرز الشركاء</h2>
        {data.partners.length ? (
          <table class="partners">
            <thead>
              <tr>
                <th scope="col">الطرف</th>
                <th scope="col">الأحداث</th>
                <th scope="col">التعاون/النزاع</th>
              </tr>
            </thead>
            <tbody>
              {data.partners.map((p) => (
                <tr key={p.id}>
                  <td>
                    <a href={partnerHref(p.id)}>{countryAr(p.id, p.label)}</a>
                  </td>
                  <td>{num(p.events)}</td>
                  <td>
                    <span class="swatch" style={{ background: scoreColour(p.score) }} aria-hidden="true" />{' '}
                    {score(p.score)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="muted">لا شركاء مسجَّلون.</p>
        )}
      </section>
      <section aria-labelledby="ev-h">
        <h2 id="ev-h">آخر الأحداث ({num(data.eventsTotal)})</h2>
        <ol class="events">
          {data.events.map((ev) => (
            <li key={`${ev.articleId}-${ev.id}`}>
              <a href={href(['article', ev.articleId], { event: ev.id })}>
                <span class="code">{ev.type}</span> {PLOVER_AR[ev.type]} — {ev.trigger.text}
              </a>{' '}
              <span class="meta">{ev.date?.value ?? ev.published ?? ''}</span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
