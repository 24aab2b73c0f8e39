/** `khabar eval ner --data PATH [--json] [--model PATH]`: conlleval-style scoring of the tagger. */
import { readFileSync } from 'node:fs';
import { fail } from '../errors.ts';
import { readConll, scoreNer } from '../analyze/tagger/conll.ts';
import { loadTagger } from '../analyze/tagger/index.ts';
import type { EvalTask } from './task.ts';

const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

export const task: EvalTask = {
  summary: 'named entities: CoNLL BIO file, conlleval scoring (micro and per type), tagger speed',
  async evaluate({ data, flags }) {
    let text: string;
    try {
      text = readFileSync(data, 'utf8');
    } catch (e) {
      throw fail('INPUT_UNREADABLE', data, (e as Error).message);
    }
    const { sentences, problems } = readConll(text);
    if (sentences.length === 0) {
      throw fail('INPUT_EMPTY', `${data} (no "token TAG" sentences found)`);
    }
    const modelPath = typeof flags.model === 'string' ? flags.model : undefined;
    const model = loadTagger(modelPath);
    // CPU time of this process while tagging: on a shared machine wall time would measure the neighbours.
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    // Sentences in file order, as running text: a model with `doc` features reads the
    // sentences around each one (header.docWindow) in a second pass.
    const pred = model.tagDocument(sentences.map((s) => s.tokens));
    const wall = (performance.now() - t0) / 1000;
    const c1 = process.cpuUsage(c0);
    const seconds = (c1.user + c1.system) / 1e6 || wall;
    // The first pass pays for V8's compiles of the tagger (and for the first sight of every
    // word): a second pass over the same text shows the steady speed, the figure bench/tagger.ts
    // reports for longer streams.
    const c2 = process.cpuUsage();
    const t2 = performance.now();
    model.tagDocument(sentences.map((s) => s.tokens));
    const wall2 = (performance.now() - t2) / 1000;
    const c3 = process.cpuUsage(c2);
    const seconds2 = (c3.user + c3.system) / 1e6 || wall2;
    const score = scoreNer(
      sentences.map((s) => s.tags),
      pred,
    );
    const perType: Record<string, { p: number; r: number; f1: number; gold: number; pred: number }> = {};
    for (const [t, v] of Object.entries(score.perType)) {
      perType[t] = { p: round(v.p), r: round(v.r), f1: round(v.f1), gold: v.gold, pred: v.pred };
    }
    const json = {
      task: 'ner',
      micro: { p: round(score.micro.p), r: round(score.micro.r), f1: round(score.micro.f1) },
      per_type: perType,
      gold: score.micro.gold,
      pred: score.micro.pred,
      sentences: sentences.length,
      tokens: score.tokens,
      token_accuracy: round(score.tokenAccuracy),
      tokens_per_s: Math.round(score.tokens / Math.max(seconds, 1e-9)),
      tokens_per_s_wall: Math.round(score.tokens / Math.max(wall, 1e-9)),
      tokens_per_s_second_pass: Math.round(score.tokens / Math.max(seconds2, 1e-9)),
      skipped_lines: problems.length,
    };
    const pct = (x: number) => (100 * x).toFixed(2).padStart(6);
    const rows = [
      `NER on ${data}: ${sentences.length} sentences, ${score.tokens} tokens` +
        (problems.length
          ? ` (${problems.length} malformed lines skipped, first at line ${problems[0]!.line})`
          : ''),
      '',
      'type        P       R      F1    gold    pred',
      ...Object.entries(score.perType).map(
        ([t, v]) =>
          `${t.padEnd(8)}${pct(v.p)}  ${pct(v.r)}  ${pct(v.f1)}  ${String(v.gold).padStart(6)}  ${String(v.pred).padStart(6)}`,
      ),
      `${'micro'.padEnd(8)}${pct(score.micro.p)}  ${pct(score.micro.r)}  ${pct(score.micro.f1)}  ${String(score.micro.gold).padStart(6)}  ${String(score.micro.pred).padStart(6)}`,
      '',
      `tagger speed: ${json.tokens_per_s} tokens/s of CPU time on the first pass (${json.tokens_per_s_wall} by the wall clock;` +
        ` it includes the JIT's warm-up), ${json.tokens_per_s_second_pass} on a second pass over the same text,` +
        ` sentences in file order${model.header.docWindow !== undefined ? ` (the doc features read ±${model.header.docWindow} sentences)` : ''},` +
        ' tokens only, model already loaded',
    ];
    return { json, table: rows.join('\n') };
  },
};
