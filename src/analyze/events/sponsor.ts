/**
 * «اجتمع الرئيسان برعاية أمير قطر», «التقى X بوساطة تركية Y», «وقّع الطرفان اتفاقًا برعاية
 * الأمم المتحدة»: the sponsor or mediator named after «برعاية/بوساطة» is the mediation's
 * source — neither side of the meeting or the deal, nor the mediation's own target.
 */
import type { Actor } from '../../model.ts';
import type { ActorMention } from './actors.ts';
import { dedupe, type Roles } from './roles.ts';
import type { Tok } from './text.ts';
import type { TriggerHit } from './triggers.ts';

/** Titles between the sponsor word and the sponsor («برعاية صاحب السمو الشيخ …»). */
const TITLE = /^(?:صاحب|سمو|السمو|فخامه|معالي|دوله|جلاله|الشيخ|الشيخه|الامير|الاميره|السيد|الرييس)$/;

/** A sponsor phrase: the mediation hit with «بـ» and the token range [i, j) of whom it names. */
export interface Sponsor {
  hit: TriggerHit;
  i: number;
  j: number;
}

/** The sentence's «برعاية X (وY)», «بوساطة قطرية» phrases that name their sponsor. */
export function sponsorsIn(toks: Tok[], mentions: ActorMention[], hits: TriggerHit[]): Sponsor[] {
  const out: Sponsor[] = [];
  for (const h of hits) {
    if (h.entry.mode !== 'mediate' || toks[h.head]!.prep !== 'ب') continue;
    let k = h.head + 1;
    let j = k;
    let prev: ActorMention | undefined;
    let titled = false;
    for (;;) {
      // After the first sponsor, one joined by «و» («برعاية السعودية والولايات المتحدة»), or the
      // same one named again after a title or in apposition («أمير قطر الشيخ تميم …»).
      const m = mentions.find(
        (x) =>
          x.i === k &&
          (!prev ||
            x.conj ||
            titled ||
            x.actors.some((a) => prev!.actors.some((b) => a.name && a.name === b.name))),
      );
      if (m) {
        j = m.j;
        k = m.j;
        prev = m;
        titled = false;
        continue;
      }
      const t = toks[k];
      if (t && !t.punct && TITLE.test(t.n)) {
        k++;
        titled = true;
        continue;
      }
      break;
    }
    if (j > h.head + 1) out.push({ hit: h, i: h.head + 1, j });
  }
  return out;
}

/** The mentions and hits a meeting's or a deal's roles are read from: the sponsors left out. */
export function withoutSponsors(
  h: TriggerHit,
  sponsors: Sponsor[],
  mentions: ActorMention[],
  hits: TriggerHit[],
): { mentions: ActorMention[]; hits: TriggerHit[] } | undefined {
  if (!sponsors.length || h.entry.mode === 'mediate') return undefined;
  if (h.entry.type !== 'CONSULT' && h.entry.type !== 'AGREE') return undefined;
  return {
    mentions: mentions.filter((m) => !sponsors.some((s) => m.i >= s.i && m.i < s.j)),
    hits: hits.filter((x) => !sponsors.some((s) => s.hit === x)),
  };
}

/**
 * The roles of a sponsor phrase's mediation: its source is whom the phrase names, its target
 * the sides of the meeting or the deal told before it in the sentence (when there is one).
 */
export function sponsorRoles(
  h: TriggerHit,
  sponsors: Sponsor[],
  mentions: ActorMention[],
  sides: Roles | undefined,
  roles: Roles,
): void {
  const s = sponsors.find((x) => x.hit === h);
  if (!s || !sides) return;
  const source = dedupe(mentions.filter((m) => m.i >= s.i && m.i < s.j).flatMap((m) => m.actors));
  if (!source.length) return;
  const named = (a: Actor) =>
    source.some((b) => b.country === a.country && b.name === a.name && b.sector === a.sector);
  roles.source = source;
  roles.explicitSource = true;
  roles.target = dedupe([...sides.source, ...sides.target]).filter((a) => !named(a));
  roles.reciprocal = false;
}
