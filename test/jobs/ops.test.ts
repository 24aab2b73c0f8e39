/** The ops pieces: Prometheus registry and text format, JSON logger, config table vs docs, /metrics. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { createApp } from '../../src/api/app.ts';
import { SETTINGS, queueSettings } from '../../src/ops/config.ts';
import { createLogger } from '../../src/ops/log.ts';
import { PROMETHEUS_CONTENT_TYPE, Registry } from '../../src/ops/metrics.ts';
import { openStore } from '../../src/store/index.ts';

test('registry renders counters, gauges and cumulative histogram buckets', () => {
  const r = new Registry();
  const c = r.counter('t_total', 'a counter');
  c.inc({ status: 'inserted' });
  c.inc({ status: 'inserted' }, 2);
  c.inc({ status: 'say "hi"\n' });
  const g = r.gauge('t_depth', 'a gauge');
  g.set({ state: 'queued' }, 7);
  const h = r.histogram('t_seconds', 'a histogram', [0.1, 1]);
  h.observe({ stage: 'brief' }, 0.05);
  h.observe({ stage: 'brief' }, 0.5);
  h.observe({ stage: 'brief' }, 5);
  const text = r.render();
  assert.match(text, /^# HELP t_total a counter\n# TYPE t_total counter\n/mu);
  assert.match(text, /^t_total\{status="inserted"\} 3$/mu);
  assert.match(text, /^t_total\{status="say \\"hi\\"\\n"\} 1$/mu);
  assert.match(text, /^t_depth\{state="queued"\} 7$/mu);
  assert.match(text, /^t_seconds_bucket\{le="0.1",stage="brief"\} 1$/mu);
  assert.match(text, /^t_seconds_bucket\{le="1",stage="brief"\} 2$/mu);
  assert.match(text, /^t_seconds_bucket\{le="\+Inf",stage="brief"\} 3$/mu);
  assert.match(text, /^t_seconds_sum\{stage="brief"\} 5.55$/mu);
  assert.match(text, /^t_seconds_count\{stage="brief"\} 3$/mu);
  assert.throws(() => r.gauge('t_total', 'clash'), /already registered/u);
});

test('logger writes one JSON line per event with level, time, msg and fields', () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  const log = createLogger({ stream, level: 'info', base: { service: 't' }, now: () => new Date(0) });
  log.debug('hidden');
  log.child({ job: 'j1' }).warn('job failed', { err: new Error('boom'), n: 1n });
  assert.equal(lines.length, 1);
  assert.ok(lines[0]!.endsWith('\n'));
  assert.deepEqual(JSON.parse(lines[0]!), {
    level: 'warn',
    time: '1970-01-01T00:00:00.000Z',
    msg: 'job failed',
    service: 't',
    job: 'j1',
    err: { name: 'Error', message: 'boom' },
    n: '1',
  });
});

test('docs/config.md lists every setting, and only those', () => {
  const doc = readFileSync(new URL('../../docs/config.md', import.meta.url), 'utf8');
  const inDoc = new Set([...doc.matchAll(/^\|\s*`([A-Z_]+)`\s*\|/gmu)].map((m) => m[1]!));
  assert.deepEqual([...inDoc].sort(), SETTINGS.map((s) => s.name).sort());
  assert.throws(() => queueSettings({ KHABAR_JOB_TIMEOUT: 'soon' }), /KHABAR_JOB_TIMEOUT/u);
  assert.throws(() => queueSettings({ KHABAR_QUEUE_SCHEMA: 'x; DROP' }), /KHABAR_QUEUE_SCHEMA/u);
});

test('every KHABAR_* variable read under src/ is a documented setting', () => {
  const root = new URL('../../src/', import.meta.url);
  const read = new Set<string>();
  for (const f of readdirSync(root, { recursive: true }) as string[]) {
    if (!f.endsWith('.ts')) continue;
    const src = readFileSync(new URL(f, root), 'utf8');
    for (const m of src.matchAll(/env\.(KHABAR_[A-Z0-9_]+)/gu)) read.add(m[1]!);
  }
  assert.ok(read.has('KHABAR_DB'), 'the scan finds the archive setting');
  const known = new Set(SETTINGS.map((s) => s.name));
  assert.deepEqual([...read].filter((n) => !known.has(n)).sort(), []);
});

test('GET /metrics answers Prometheus text with request latencies', async () => {
  const store = await openStore(':memory:');
  try {
    const app = createApp({ store });
    assert.equal((await app.request('/api/health')).status, 200);
    const r = await app.request('/metrics');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), PROMETHEUS_CONTENT_TYPE);
    const text = await r.text();
    assert.match(text, /^khabar_query_seconds_count\{method="GET",route="\/api\/health"\} [1-9]\d*$/mu);
    assert.match(text, /^# TYPE khabar_articles_ingested_total counter$/mu);
    assert.match(text, /^khabar_process_resident_memory_bytes \d+$/mu);
    assert.match(text, /^khabar_process_heap_used_bytes \d+$/mu);
  } finally {
    await store.close();
  }
});
