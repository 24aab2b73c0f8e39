/**
 * composeWithLlm(text, opts): the brief written by an OpenAI-compatible model. The model
 * sees the article's numbered sentences and answers JSON — each section's text with the
 * ids of the sentences it used — which is validated (zod) and mapped back to spans: a
 * block's span runs from the first to the last sentence it cites. On any failure (no
 * answer in time, HTTP error, bad JSON, wrong shape, unknown ids) the extractive brief is
 * returned with an info message `compose/llm-fallback` saying why.
 */
import { z } from 'zod';
import { CANONICAL_LABELS } from '../brief/render.ts';
import { type ComposeOptions, compose } from '../compose/compose.ts';
import { type Unit, splitUnits } from '../compose/units.ts';
import {
  BRIEF_SCHEMA,
  type Block,
  type Brief,
  type Message,
  type Section,
  type SectionKind,
} from '../model.ts';
import { type LlmConfig, chat } from './client.ts';

const Part = z.object({ text: z.string().min(1), ids: z.array(z.number().int()).min(1) });
const Quote = Part.extend({ speaker: z.string().optional() });
export const LlmBrief = z.object({
  lead: Part,
  why_it_matters: Part.optional(),
  big_picture: z.array(Part).optional(),
  what_they_say: z.array(Quote).optional(),
  key_points: z.array(Part).min(3).max(6),
  deeper_look: Part.optional(),
});
export type LlmBrief = z.infer<typeof LlmBrief>;

const SYSTEM = [
  'You write Arabic news briefs in the "smart brevity" template. You are given the numbered',
  'sentences of one article. Answer with ONE JSON object and nothing else:',
  '{"lead":{"text":..,"ids":[..]},"why_it_matters":{"text":..,"ids":[..]},',
  '"big_picture":[{"text":..,"ids":[..]}],"what_they_say":[{"speaker":..,"text":..,"ids":[..]}],',
  '"key_points":[{"text":..,"ids":[..]}],"deeper_look":{"text":..,"ids":[..]}}',
  'Write every text in Arabic, faithful to the article (no facts it does not state).',
  '"ids" lists the numbers of the sentences each text is based on. 3 to 6 key points,',
  'most important first, not redundant. "what_they_say" only for statements attributed in the article.',
].join('\n');

export function promptFor(units: Unit[]): string {
  return units.map((u) => `[${u.index + 1}] ${u.text.replace(/\s+/gu, ' ').trim()}`).join('\n');
}

function stripFences(s: string): string {
  const m = /```(?:json)?\s*([\s\S]*?)```/u.exec(s);
  return (m?.[1] ?? s).trim();
}

type Parsed = { ok: true; value: LlmBrief } | { ok: false; why: string };

/** Parses and checks the model's answer against the article's sentence count. */
export function parseAnswer(content: string, sentenceCount: number): Parsed {
  let json: unknown;
  try {
    json = JSON.parse(stripFences(content));
  } catch {
    return { ok: false, why: 'the model did not answer JSON' };
  }
  const r = LlmBrief.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    return {
      ok: false,
      why: `the answer does not have the brief's shape (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''})`,
    };
  }
  const v = r.data;
  const parts = [
    v.lead,
    v.why_it_matters,
    v.deeper_look,
    ...(v.big_picture ?? []),
    ...(v.what_they_say ?? []),
    ...v.key_points,
  ];
  for (const p of parts) {
    if (!p) continue;
    const bad = p.ids.find((id) => id < 1 || id > sentenceCount);
    if (bad !== undefined)
      return { ok: false, why: `the answer cites sentence ${bad}, the article has ${sentenceCount}` };
  }
  return { ok: true, value: v };
}

function toBlock(p: { text: string; ids: number[] }, units: Unit[]): Block {
  const cited = p.ids.map((id) => units[id - 1]!);
  return {
    text: p.text.trim(),
    span: [Math.min(...cited.map((u) => u.start)), Math.max(...cited.map((u) => u.end))],
  };
}

function section(kind: SectionKind, blocks: Block[], asItems: boolean, speaker?: string): Section {
  return {
    kind,
    label: CANONICAL_LABELS[kind],
    ...(speaker ? { speaker } : {}),
    paragraphs: asItems ? [] : blocks,
    items: asItems ? blocks : [],
    span: [Math.min(...blocks.map((b) => b.span[0])), Math.max(...blocks.map((b) => b.span[1]))],
  };
}

/** The Brief (origin `composed`) from a validated answer. */
export function briefFromAnswer(v: LlmBrief, units: Unit[], model: string): Brief {
  const b = (p: { text: string; ids: number[] }) => toBlock(p, units);
  const sections: Section[] = [];
  if (v.why_it_matters) sections.push(section('why_it_matters', [b(v.why_it_matters)], false));
  if (v.big_picture?.length) sections.push(section('big_picture', v.big_picture.map(b), false));
  if (v.what_they_say?.length) {
    // Each statement keeps its own speaker; the heading names one only when all share it
    // (a joined list of names would put every quote under every name).
    const blocks = v.what_they_say.map((q) => {
      const who = q.speaker?.trim();
      return { ...b(q), ...(who ? { speaker: who } : {}) };
    });
    const speakers = [...new Set(blocks.map((x) => x.speaker))];
    const one = speakers.length === 1 ? speakers[0] : undefined;
    sections.push(section('what_they_say', blocks, false, one));
  }
  sections.push(section('key_points', v.key_points.map(b), true));
  if (v.deeper_look) sections.push(section('deeper_look', [b(v.deeper_look)], false));
  return {
    schema: BRIEF_SCHEMA,
    origin: 'composed',
    lead: [b(v.lead)],
    sections,
    body: [],
    trailing: [],
    messages: [
      {
        ruleId: 'compose/llm',
        severity: 'info',
        reason: `written by the model "${model}"; each block's span covers the sentences it cites`,
      },
    ],
  };
}

export async function composeWithLlm(
  text: string,
  opts: ComposeOptions & { llm: LlmConfig },
): Promise<Brief> {
  const units = splitUnits(text);
  const fallback = (why: string): Brief => {
    const brief = compose(text, opts);
    const msg: Message = {
      ruleId: 'compose/llm-fallback',
      severity: 'info',
      reason: `the model backend was not used (${why}); this is the extractive brief`,
    };
    return { ...brief, messages: [...brief.messages, msg] };
  };
  if (units.length === 0) return fallback('the article has no sentences');
  const res = await chat(opts.llm, {
    messages: [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: promptFor(units) },
    ],
    json: true,
  });
  if (!res.ok) return fallback(res.why);
  const parsed = parseAnswer(res.content, units.length);
  if (!parsed.ok) return fallback(parsed.why);
  return briefFromAnswer(parsed.value, units, opts.llm.model);
}
