import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { command } from '../../src/cli/commands/compose.ts';
import { splitUnits } from '../../src/compose/units.ts';
import { chat, completionsUrl, llmConfigFromEnv } from '../../src/llm/client.ts';
import { composeWithLlm, parseAnswer } from '../../src/llm/compose.ts';
import { fakeContext } from '../helpers.ts';

// Our own short article (5 sentences).
const ARTICLE = [
  'أعلنت وزارة الصحة في البلد افتتاح مستشفى جديد في العاصمة يضم مئتي سرير.',
  'وقال وزير الصحة إن المستشفى سيخدم نصف مليون نسمة في الأحياء الجنوبية.',
  'ويأتي الافتتاح بعد ثلاث سنوات من بدء الأعمال الإنشائية.',
  'وأضاف الوزير أن الحكومة تخطط لبناء مستشفيين آخرين العام المقبل.',
  'وكانت المستشفيات القائمة تعاني من اكتظاظ شديد خلال الشتاء الماضي.',
].join(' ');

const GOOD = {
  lead: { text: 'مستشفى جديد بمئتي سرير في العاصمة', ids: [1] },
  why_it_matters: { text: 'يخدم نصف مليون نسمة ويخفف الاكتظاظ', ids: [2, 5] },
  what_they_say: [{ speaker: 'وزير الصحة', text: 'المستشفى سيخدم الأحياء الجنوبية', ids: [2] }],
  key_points: [
    { text: 'افتتاح مستشفى بمئتي سرير', ids: [1] },
    { text: 'الأعمال استمرت ثلاث سنوات', ids: [3] },
    { text: 'مستشفيان آخران العام المقبل', ids: [4] },
  ],
  deeper_look: { text: 'اكتظاظ المستشفيات في الشتاء الماضي', ids: [5] },
};

type Mode = 'good' | 'fenced' | 'garbage' | 'unknown-ids' | 'slow' | 'error500';
let mode: Mode = 'good';
let lastBody: { model?: string; messages?: { role: string; content: string }[] } = {};
let lastAuth = '';
let server: Server;
let base = '';

function answer(content: string) {
  return JSON.stringify({
    id: 'x',
    object: 'chat.completion',
    choices: [{ index: 0, message: { role: 'assistant', content } }],
  });
}

before(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (d) => {
      raw += d;
    });
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404).end();
        return;
      }
      lastBody = JSON.parse(raw);
      lastAuth = req.headers.authorization ?? '';
      const send = (status: number, body: string) =>
        res.writeHead(status, { 'Content-Type': 'application/json' }).end(body);
      if (mode === 'good') send(200, answer(JSON.stringify(GOOD)));
      else if (mode === 'fenced') send(200, answer(`\`\`\`json\n${JSON.stringify(GOOD)}\n\`\`\``));
      else if (mode === 'garbage') send(200, answer('Sure! Here is your brief: lead is the hospital.'));
      else if (mode === 'unknown-ids')
        send(200, answer(JSON.stringify({ ...GOOD, lead: { text: 'x', ids: [42] } })));
      else if (mode === 'error500') send(500, '{"error":"boom"}');
      else setTimeout(() => send(200, answer(JSON.stringify(GOOD))), 2000);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

const config = (timeoutMs = 60_000) => ({ url: base, model: 'test-model', key: 'k123', timeoutMs });

test('good answer: sections with the model text and spans of the cited sentences', async () => {
  mode = 'good';
  const brief = await composeWithLlm(ARTICLE, { llm: config() });
  const units = splitUnits(ARTICLE);
  assert.equal(brief.origin, 'composed');
  assert.equal(brief.lead[0]!.text, GOOD.lead.text);
  assert.deepEqual(brief.lead[0]!.span, [units[0]!.start, units[0]!.end]);
  const why = brief.sections.find((s) => s.kind === 'why_it_matters')!;
  assert.deepEqual(why.paragraphs[0]!.span, [units[1]!.start, units[4]!.end]);
  assert.equal(brief.sections.find((s) => s.kind === 'key_points')!.items.length, 3);
  assert.equal(brief.sections.find((s) => s.kind === 'what_they_say')!.speaker, 'وزير الصحة');
  assert.equal(brief.sections.find((s) => s.kind === 'what_they_say')!.paragraphs[0]!.speaker, 'وزير الصحة');
  assert.ok(!brief.messages.some((m) => m.ruleId === 'compose/llm-fallback'));
  // The request: model, bearer key, numbered sentences.
  assert.equal(lastBody.model, 'test-model');
  assert.equal(lastAuth, 'Bearer k123');
  assert.match(lastBody.messages![1]!.content, /^\[1\] أعلنت/u);
  assert.match(lastBody.messages![1]!.content, /\n\[5\] /u);
});

test('an answer in a ```json fence is accepted', async () => {
  mode = 'fenced';
  const brief = await composeWithLlm(ARTICLE, { llm: config() });
  assert.equal(brief.lead[0]!.text, GOOD.lead.text);
});

for (const [m, why] of [
  ['garbage', /did not answer JSON/u],
  ['unknown-ids', /cites sentence 42/u],
  ['error500', /HTTP 500/u],
  ['slow', /no answer within 300 ms/u],
] as const) {
  test(`${m}: falls back to the extractive brief with an info message`, async () => {
    mode = m;
    const brief = await composeWithLlm(ARTICLE, { llm: config(m === 'slow' ? 300 : 60_000) });
    const msg = brief.messages.find((x) => x.ruleId === 'compose/llm-fallback');
    assert.ok(msg, 'fallback message');
    assert.equal(msg.severity, 'info');
    assert.match(msg.reason, why);
    // Extractive: every block is the exact source text at its span.
    for (const b of [...brief.lead, ...brief.sections.flatMap((s) => [...s.paragraphs, ...s.items])])
      assert.equal(ARTICLE.slice(b.span[0], b.span[1]), b.text);
  });
}

test('connection refused is a fallback too, with the cause named', async () => {
  const r = await chat({ url: 'http://127.0.0.1:1/v1', model: 'm', timeoutMs: 500 }, { messages: [] });
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.why, /^request failed \(fetch failed: .+\)$/u);
});

test('a connection that fails before any answer is tried once more (stale keep-alive)', async () => {
  let calls = 0;
  const flaky: typeof fetch = async (url, init) => {
    calls++;
    if (calls === 1) throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
    return fetch(url, init);
  };
  mode = 'good';
  const r = await chat({ ...config(), fetch: flaky }, { messages: [] });
  assert.equal(calls, 2);
  assert.equal(r.ok, true);
  // Two failures in a row are a fallback, not a loop.
  let tries = 0;
  const dead: typeof fetch = async () => {
    tries++;
    throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
  };
  const d = await chat({ ...config(), fetch: dead }, { messages: [] });
  assert.equal(tries, 2);
  assert.equal(d.ok, false);
  assert.match(d.ok ? '' : d.why, /ECONNRESET/u);
});

test('parseAnswer rejects a brief with too few key points', () => {
  const r = parseAnswer(JSON.stringify({ ...GOOD, key_points: GOOD.key_points.slice(0, 2) }), 5);
  assert.equal(r.ok, false);
});

test('config from the environment; URL forms', () => {
  assert.equal(llmConfigFromEnv({}), undefined);
  const c = llmConfigFromEnv({ KHABAR_LLM_URL: 'http://h/v1', KHABAR_LLM_MODEL: 'm' });
  assert.deepEqual(c, { url: 'http://h/v1', model: 'm' });
  assert.equal(completionsUrl('http://h/v1/'), 'http://h/v1/chat/completions');
  assert.equal(completionsUrl('http://h'), 'http://h/v1/chat/completions');
  assert.equal(completionsUrl('http://h/x/chat/completions'), 'http://h/x/chat/completions');
});

test('khabar compose --llm: model brief; without KHABAR_LLM_URL a clear option error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-llm-'));
  try {
    const file = join(dir, 'a.txt');
    writeFileSync(file, ARTICLE);
    mode = 'good';
    const ok = fakeContext({
      KHABAR_LLM_URL: base,
      KHABAR_LLM_MODEL: 'test-model',
      KHABAR_LLM_TIMEOUT_MS: '60000',
    });
    assert.equal(await command.run([file, '--llm'], ok.ctx), 0);
    assert.match(ok.out(), /مستشفى جديد بمئتي سرير/u);
    mode = 'error500';
    const fb = fakeContext({ KHABAR_LLM_URL: base });
    assert.equal(await command.run([file, '--llm'], fb.ctx), 0);
    assert.match(fb.err(), /HTTP 500/u);
    await assert.rejects(command.run([file, '--llm'], fakeContext({}).ctx), /KHABAR_LLM_URL/u);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
