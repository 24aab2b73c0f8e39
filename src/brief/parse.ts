/**
 * parseBrief: an article's text → its Brief (see model.ts and docs/brief-schema.md).
 *
 * Line-based: each line is cut into at most three contiguous segments — dateline, label,
 * content — and every non-empty segment becomes exactly one part of the Brief (lead,
 * dateline, a section's label, paragraph or item, body, byline, trailing), with its span
 * into the original text. Nothing is dropped: every non-whitespace character belongs to
 * exactly one part. Matching runs on folded text (fold.ts) but spans and texts are
 * always taken from the original.
 */
import { BRIEF_SCHEMA, type Block, type Brief, type Message, type Section, type Span } from '../model.ts';
import {
  type DatelineMatch,
  type DatelineMatcher,
  datelineMatcher,
  isLabelDateline,
  matchLabelDateline,
  matchLeadDateline,
  matchDateOnlyLine,
  matchLineDateline,
} from './dateline.ts';
import { creditName } from './credit.ts';
import { type LineInfo, findEndings, isMarker } from './endings.ts';
import { type Folded, FoldIndex } from './fold.ts';
import { KNOWN_MIDLINE, type LabelMatch, matchGenericLabel, matchKnownLabel } from './labels.ts';

export interface ParseOptions {
  /** Outlet names that open a dateline («إيران برس» by default). */
  outlets?: readonly string[];
}

interface Line extends LineInfo {
  folded: Folded;
}

interface Candidate {
  line: number;
  hit: LabelMatch;
}

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/g;
const BULLET =
  /^(?:(?:[-–—•*·▪●◦►▶]|\p{Extended_Pictographic})\uFE0F?|[0-9#*]\uFE0F?\u20E3|🔟|\p{Nd}{1,2}[.)-](?=\s))\s*/u;
const DEFAULT_MATCHER = datelineMatcher();
const MARKS = /[):؟?]/;
const isKnownAt = (line: string, pos: number) => matchKnownLabel(line, pos) !== undefined;

function splitLines(text: string): LineInfo[] {
  const lines: LineInfo[] = [];
  let start = 0;
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) {
    lines.push({ start, end: m.index, trimmed: text.slice(start, m.index).trim() });
    start = m.index + m[0].length;
  }
  lines.push({ start, end: text.length, trimmed: text.slice(start).trim() });
  return lines;
}

/** The trimmed sub-range of `text[start, end)`, or undefined when it is only whitespace. */
function isSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return true;
  return c > 0x7f && /\s/.test(text[i]!);
}

function trimmedSpan(text: string, start: number, end: number): Span | undefined {
  let s = start;
  let e = end;
  while (s < e && isSpace(text, s)) s++;
  while (e > s && isSpace(text, e - 1)) e--;
  return s < e ? [s, e] : undefined;
}

function block(text: string, span: Span): Block {
  return { text: text.slice(span[0], span[1]), span };
}

/**
 * Text joined from HTML may run a known label or the dateline into the previous
 * sentence («…الإقليمية. أهمية الخبر) …»): such a line is cut before them.
 */
function splitJoined(text: string, line: LineInfo, matcher: DatelineMatcher, index: FoldIndex): Line[] {
  const folded = index.range(line.start, line.end);
  const cuts: number[] = [];
  for (const re of [KNOWN_MIDLINE, matcher.midline]) {
    // cheap pre-checks: a label needs its mark, a dateline its dash
    if (re === KNOWN_MIDLINE ? !MARKS.test(folded.text) : !folded.text.includes('-')) continue;
    re.lastIndex = 0;
    for (let m = re.exec(folded.text); m; m = re.exec(folded.text)) {
      // «الرباط - خاص: أهمية الخبر)»: a dateline before the label keeps it on its line.
      if (m.index > 0 && !isLabelDateline(folded.text.slice(0, m.index))) cuts.push(folded.map[m.index]!);
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  if (cuts.length === 0) return [{ ...line, folded }];
  cuts.sort((a, b) => a - b);
  const out: Line[] = [];
  let start = line.start;
  for (const cut of [...cuts, line.end]) {
    if (cut <= start) continue;
    out.push({ start, end: cut, trimmed: text.slice(start, cut).trim(), folded: index.range(start, cut) });
    start = cut;
  }
  return out;
}

/** Whether the next non-empty line after `i` is a list item («• …», «1. …»). */
function listFollows(lines: readonly Line[], i: number): boolean {
  for (let k = i + 1; k < lines.length; k++) {
    const t = lines[k]!.trimmed;
    if (t) return BULLET.test(t);
  }
  return false;
}

function hasMarkerBetween(lines: readonly Line[], from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) {
    const line = lines[i]!;
    if (line.trimmed && isMarker(line.trimmed, line.folded.text)) return true;
  }
  return false;
}

export function parseBrief(text: string, options: ParseOptions = {}): Brief {
  const matcher: DatelineMatcher = options.outlets ? datelineMatcher(options.outlets) : DEFAULT_MATCHER;
  const index = new FoldIndex(text);
  const lines: Line[] = splitLines(text).flatMap((l) => splitJoined(text, l, matcher, index));
  const messages: Message[] = [];

  // Pass 1: the dateline (before the first known label) and label candidates at line starts.
  let dateline: { line: number; m: DatelineMatch } | undefined;
  const cands: Candidate[] = [];
  let known = 0;
  let parenGeneric = 0;
  let nonEmpty = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trimmed) continue;
    nonEmpty++;
    let pos = 0;
    if (!dateline && known === 0) {
      const d =
        matcher.match(line.folded.text) ??
        matchLabelDateline(line.folded.text, isKnownAt) ??
        // a dateline alone on one of the first three lines («الرباط - وكالة الساحل للأنباء»)
        (nonEmpty <= 3
          ? (matchLineDateline(line.folded.text) ??
            matchLeadDateline(line.folded.text) ??
            (nonEmpty === 1 ? matchDateOnlyLine(line.folded.text) : undefined))
          : undefined);
      if (d) {
        dateline = { line: i, m: d };
        pos = d.end;
      }
    }
    let hit =
      matchKnownLabel(line.folded.text, pos) ??
      matchGenericLabel(line.folded.text, pos, listFollows(lines, i));
    if (!hit && pos === 0) {
      // «(إرنا) – الصورة العامة:» after the dateline: the credit goes with the label's span.
      const d = matchLabelDateline(line.folded.text, isKnownAt);
      if (d) hit = matchKnownLabel(line.folded.text, d.end);
    }
    if (!hit) continue;
    cands.push({ line: i, hit });
    if (hit.source === 'known') known++;
    else if (hit.mark === ')') parenGeneric++;
  }
  const labelled = known > 0 || parenGeneric >= 2;

  // Pass 2: accept labels in context.
  const accepted: Candidate[] = [];
  if (labelled) {
    let current: Section['kind'] | undefined;
    for (const c of cands) {
      // In a list, «ماذا بعد؟» alone on its line ends the list; «المدة: ستة أشهر» stays an item.
      const alone = lines[c.line]!.folded.text.slice(c.hit.end).trim() === '';
      const ok =
        c.hit.source === 'known' ||
        c.hit.mark === ')' ||
        (current !== undefined && current !== 'key_points' && current !== 'what_they_say') ||
        (current === 'key_points' && alone);
      if (!ok) continue;
      // «اقرأ المزيد» ends the article: labels in the related headlines after it are not sections
      if (accepted.length > 0 && hasMarkerBetween(lines, accepted[accepted.length - 1]!.line, c.line)) break;
      accepted.push(c);
      current = c.hit.kind;
    }
  }
  // An unlabelled article keeps a dateline only among its first three lines.
  if (!labelled && dateline) {
    let seen = 0;
    for (let i = 0; i <= dateline.line; i++) if (lines[i]!.trimmed) seen++;
    if (seen > 3) dateline = undefined;
  }

  const labelAt = new Map<number, Candidate>(accepted.map((c) => [c.line, c]));
  const firstLabelLine = accepted[0]?.line ?? -1;

  const opening = openingByline(lines, dateline?.line, labelled ? firstLabelLine : lines.length);
  // The first line that may be an ending: after the last label, or after the lead.
  let from: number;
  if (labelled) from = accepted[accepted.length - 1]!.line + 1;
  else {
    from = lines.length;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (!line.trimmed || i === opening) continue;
      const start = dateline?.line === i ? line.folded.map[dateline.m.end]! : line.start;
      if (trimmedSpan(text, start, line.end)) {
        from = i + 1;
        break;
      }
    }
  }
  const endings = findEndings(lines, from);

  const brief: Brief = {
    schema: BRIEF_SCHEMA,
    origin: labelled ? 'labelled' : 'unlabelled',
    lead: [],
    sections: [],
    body: [],
    trailing: [],
    messages,
  };
  let section: Section | undefined;
  const closeSection = () => {
    if (!section) return;
    const last = [...section.paragraphs, ...section.items].reduce((e, b) => Math.max(e, b.span[1]), 0);
    section.span = [section.span[0], Math.max(section.span[1], last)];
    if (section.paragraphs.length === 0 && section.items.length === 0) {
      messages.push({
        ruleId: 'brief/empty-section',
        severity: 'warning',
        reason: `the section «${section.label}» has no text after its label; check whether the article was cut off.`,
        ...(section.labelSpan ? { span: section.labelSpan } : {}),
      });
    }
    brief.sections.push(section);
    section = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trimmed) continue;
    const map = line.folded.map;
    if (i >= endings.contentEnd) {
      const span = trimmedSpan(text, line.start, line.end)!;
      if (i === endings.byline) brief.byline = block(text, span);
      else brief.trailing.push(block(text, span));
      continue;
    }
    if (i === opening) {
      // The credit opening the article is its byline (one at the end, when both, stays the byline).
      const b = block(text, trimmedSpan(text, line.start, line.end)!);
      if (endings.byline === undefined) brief.byline = b;
      else brief.trailing.push(b);
      continue;
    }
    let cursor = line.start;
    if (dateline?.line === i) {
      const end = map[dateline.m.end]!;
      const span = trimmedSpan(text, cursor, end);
      if (span) {
        const words = trimmedSpan(text, span[0], map[dateline.m.textEnd]!) ?? span;
        brief.dateline = { text: text.slice(words[0], words[1]), span };
        const o = dateline.m.outlet;
        if (o) brief.source = text.slice(map[o[0]]!, map[o[1]]!).trim();
      }
      cursor = end;
    }
    const cand = labelAt.get(i);
    if (cand) {
      closeSection();
      const end = map[cand.hit.end]!;
      const labelSpan = trimmedSpan(text, cursor, end) ?? [cursor, end];
      const label = text.slice(map[cand.hit.wordsStart]!, map[cand.hit.wordsEnd]!).trim();
      section = { kind: cand.hit.kind, label, labelSpan, paragraphs: [], items: [], span: labelSpan };
      if (cand.hit.speaker) {
        section.speaker = text.slice(map[cand.hit.speaker[0]]!, map[cand.hit.speaker[1]]!).trim();
      }
      if (cand.hit.source === 'generic') {
        messages.push({
          ruleId: 'brief/unknown-label',
          severity: 'info',
          reason: `«${label}» is not one of the template's labels; kept as a section of kind "other".`,
          span: labelSpan,
        });
      }
      cursor = end;
    }
    const span = trimmedSpan(text, cursor, line.end);
    if (!span) continue;
    const b = block(text, span);
    if (section) {
      const bullet = BULLET.exec(b.text);
      if (section.kind === 'key_points' || bullet) {
        section.items.push({ text: bullet ? b.text.slice(bullet[0].length).trim() : b.text, span });
      } else section.paragraphs.push(b);
    } else if (labelled || brief.lead.length === 0) {
      if (!labelled || i < firstLabelLine) brief.lead.push(b);
    } else brief.body.push(b);
  }
  closeSection();

  if (!labelled) {
    messages.push({
      ruleId: 'brief/unlabelled',
      severity: 'info',
      reason:
        'no template labels (أهمية الخبر، الصورة العامة…) found: the first paragraph is the lead and the rest the body.',
    });
  }
  return brief;
}

/**
 * The line of a credit opening the article (`creditName`): one of its first two lines (not the
 * dateline's), before any label. Undefined when there is none.
 */
function openingByline(
  lines: readonly LineInfo[],
  datelineLine: number | undefined,
  before: number,
): number | undefined {
  let seen = 0;
  for (let i = 0; i < Math.min(lines.length, before) && seen < 2; i++) {
    const line = lines[i]!;
    if (!line.trimmed || i === datelineLine) continue;
    seen++;
    if (creditName(line.trimmed) !== undefined) return i;
  }
  return undefined;
}
