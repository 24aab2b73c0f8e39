/**
 * Which part of a brief an offset of the original text falls in — for stages that weigh
 * evidence by where it was written (a restatement in «النقاط الرئيسية» vs the lead).
 */
import type { Brief, SectionKind, Span } from '../model.ts';

export type PartName = 'dateline' | 'lead' | 'label' | 'paragraph' | 'item' | 'body' | 'byline' | 'trailing';

export interface Located {
  part: PartName;
  span: Span;
  /** For labels, paragraphs and items: the section's kind and index in `brief.sections`. */
  section?: { kind: SectionKind; index: number };
}

const inside = (span: Span, at: number) => span[0] <= at && at < span[1];

/** The part containing offset `at`, or undefined (whitespace between parts, or out of range). */
export function locate(brief: Brief, at: number): Located | undefined {
  if (brief.dateline && inside(brief.dateline.span, at))
    return { part: 'dateline', span: brief.dateline.span };
  for (const b of brief.lead) if (inside(b.span, at)) return { part: 'lead', span: b.span };
  for (let index = 0; index < brief.sections.length; index++) {
    const s = brief.sections[index]!;
    if (!inside(s.span, at)) continue;
    const section = { kind: s.kind, index };
    if (s.labelSpan && inside(s.labelSpan, at)) return { part: 'label', span: s.labelSpan, section };
    for (const b of s.paragraphs) if (inside(b.span, at)) return { part: 'paragraph', span: b.span, section };
    for (const b of s.items) if (inside(b.span, at)) return { part: 'item', span: b.span, section };
  }
  for (const b of brief.body) if (inside(b.span, at)) return { part: 'body', span: b.span };
  if (brief.byline && inside(brief.byline.span, at)) return { part: 'byline', span: brief.byline.span };
  for (const b of brief.trailing) if (inside(b.span, at)) return { part: 'trailing', span: b.span };
  return undefined;
}
