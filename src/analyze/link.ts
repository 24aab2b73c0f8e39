/**
 * Linking: stable ids and entity records. Gazetteer entries keep their ids
 * (`country:IRN`, `org:un`, `person:ali-larijani`); people found in text get
 * `person:<slug of the transliterated name>`; government bodies `org:<body>-<iso3>`;
 * posts held by nobody named `post:<slug of the English post>-<iso3>`.
 */
import type { Entity, Post } from '../model.ts';
import { latinKey, slug, transliterate } from '../text/transliterate.ts';
import { type GazEntry, toEntity } from './gazetteer/index.ts';

export class EntityTable {
  readonly byId = new Map<string, Entity>();

  fromGazetteer(e: GazEntry): Entity {
    let ent = this.byId.get(e.id);
    if (!ent) {
      ent = toEntity(e);
      // A post is what the article says of the person at its date: the list's post
      // («رئيس دولة الإمارات», as of when the list was written) is not put on a person
      // the article names without it (a 2017 text on «محمد بن زايد» is about the crown
      // prince). See `listPost` for when the article's words call for it.
      if (e.kind === 'person') delete ent.post;
      this.byId.set(e.id, ent);
    }
    return ent;
  }

  /** A person named in the text; merges with an earlier one of the same Latin key. */
  person(opts: { ar: string; written: string; knownId?: string; known?: GazEntry }): Entity {
    if (opts.known) {
      const ent = this.fromGazetteer(opts.known);
      if (opts.written !== ent.names.ar && !ent.names.aliases.includes(opts.written))
        ent.names.aliases.push(opts.written);
      return ent;
    }
    const id = personId(opts.ar);
    let ent = this.byId.get(id);
    if (!ent) {
      ent = { id, type: 'PERS', names: { ar: opts.ar, latin: transliterate(opts.ar), aliases: [] } };
      this.byId.set(id, ent);
    }
    if (opts.written !== ent.names.ar && !ent.names.aliases.includes(opts.written))
      ent.names.aliases.push(opts.written);
    return ent;
  }

  /** Give a person the post it was described with (first post wins; it sets country and sector). */
  attachPost(ent: Entity, post: Post, opts: { weak?: boolean } = {}): void {
    // The article's post replaces a listed one, unless it was only read from «نظيره …».
    if (!ent.post || (!ent.post.span && !opts.weak)) ent.post = post;
    if (!ent.country && post.country) ent.country = post.country;
    if (!ent.sector && post.sector) ent.sector = post.sector;
  }

  body(opts: { id: string; ar: string; en: string; country?: string; sector: string }): Entity {
    let ent = this.byId.get(opts.id);
    if (!ent) {
      ent = {
        id: opts.id,
        type: 'ORG',
        names: { ar: opts.ar, en: opts.en, latin: opts.en, aliases: [] },
        ...(opts.country ? { country: opts.country } : {}),
        sector: opts.sector,
      };
      this.byId.set(opts.id, ent);
    } else if (opts.ar !== ent.names.ar && !ent.names.aliases.includes(opts.ar))
      ent.names.aliases.push(opts.ar);
    return ent;
  }

  /** A town no list knows, read after «معتمدية», «مدينة», «قرية» …: `place:<slug>`. */
  place(opts: { ar: string; country?: string }): Entity {
    const id = `place:${slug(opts.ar) || latinKey(opts.ar).replace(/\s+/g, '-')}`;
    let ent = this.byId.get(id);
    if (!ent) {
      const latin = transliterate(opts.ar);
      ent = {
        id,
        type: 'LOC',
        names: { ar: opts.ar, en: latin, latin, aliases: [] },
        ...(opts.country ? { country: opts.country } : {}),
      };
      this.byId.set(id, ent);
    }
    return ent;
  }

  /** A post whose holder the article does not name («قال وزير الخارجية الإيراني»). */
  unnamedHolder(post: Post): Entity {
    const id = `post:${slug(post.en ?? post.ar)}${post.country ? `-${post.country.toLowerCase()}` : ''}`;
    let ent = this.byId.get(id);
    if (!ent) {
      ent = {
        id,
        type: 'POST',
        names: { ar: post.ar, ...(post.en ? { en: post.en } : {}), aliases: [] },
        ...(post.country ? { country: post.country } : {}),
        ...(post.sector ? { sector: post.sector } : {}),
        post,
      };
      this.byId.set(id, ent);
    }
    return ent;
  }
}

export function personId(ar: string): string {
  return `person:${slug(ar) || latinKey(ar).replace(/\s+/g, '-')}`;
}
