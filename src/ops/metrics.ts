/**
 * A tiny Prometheus registry: counters, gauges and histograms with labels, rendered in the
 * text exposition format (version 0.0.4). One process-wide registry, `metrics`, holds the
 * khabar metrics below; `/metrics` on the API server and the worker's logs read it.
 */

type Labels = Record<string, string>;

const keyOf = (labels: Labels) =>
  Object.keys(labels)
    .sort()
    .map((k) => `${k}="${escapeLabel(labels[k]!)}"`)
    .join(',');

function escapeLabel(v: string): string {
  return v.replace(/\\/gu, '\\\\').replace(/\n/gu, '\\n').replace(/"/gu, '\\"');
}

const fmt = (n: number) => (Number.isFinite(n) ? String(n) : n > 0 ? '+Inf' : n < 0 ? '-Inf' : 'NaN');

interface Metric {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter' | 'gauge' | 'histogram';
  render(): string[];
}

export class Counter implements Metric {
  readonly type = 'counter';
  private values = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  inc(labels: Labels = {}, by = 1): void {
    if (!(by >= 0)) return;
    const k = keyOf(labels);
    this.values.set(k, (this.values.get(k) ?? 0) + by);
  }
  get(labels: Labels = {}): number {
    return this.values.get(keyOf(labels)) ?? 0;
  }
  render(): string[] {
    return [...this.values].map(([k, v]) => `${this.name}${k ? `{${k}}` : ''} ${fmt(v)}`);
  }
}

export class Gauge implements Metric {
  readonly type = 'gauge';
  private values = new Map<string, number>();
  /** Called before rendering (e.g. to read the queue depth). */
  collect?: () => void;
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  set(labels: Labels, value: number): void {
    this.values.set(keyOf(labels), value);
  }
  get(labels: Labels = {}): number | undefined {
    return this.values.get(keyOf(labels));
  }
  render(): string[] {
    this.collect?.();
    return [...this.values].map(([k, v]) => `${this.name}${k ? `{${k}}` : ''} ${fmt(v)}`);
  }
}

/** Default buckets in seconds: 1 ms … 10 s. */
export const SECONDS_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface HistogramState {
  labels: Labels;
  counts: number[];
  sum: number;
  count: number;
}

export class Histogram implements Metric {
  readonly type = 'histogram';
  private series = new Map<string, HistogramState>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: readonly number[] = SECONDS_BUCKETS,
  ) {}
  observe(labels: Labels, value: number): void {
    if (!Number.isFinite(value)) return;
    const k = keyOf(labels);
    let s = this.series.get(k);
    if (!s) {
      s = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.series.set(k, s);
    }
    for (let i = 0; i < this.buckets.length; i++) if (value <= this.buckets[i]!) s.counts[i]!++;
    s.sum += value;
    s.count++;
  }
  /** Times `fn` (sync or async) in seconds under `labels`. */
  time<T>(labels: Labels, fn: () => T): T {
    const t0 = performance.now();
    const done = () => this.observe(labels, (performance.now() - t0) / 1000);
    const out = fn();
    if (out instanceof Promise) return out.finally(done) as T;
    done();
    return out;
  }
  snapshot(labels: Labels = {}): { count: number; sum: number } {
    const s = this.series.get(keyOf(labels));
    return { count: s?.count ?? 0, sum: s?.sum ?? 0 };
  }
  render(): string[] {
    const out: string[] = [];
    for (const s of this.series.values()) {
      const with_ = (extra: Labels) => `{${keyOf({ ...s.labels, ...extra })}}`;
      const base = keyOf(s.labels);
      this.buckets.forEach((b, i) => {
        out.push(`${this.name}_bucket${with_({ le: fmt(b) })} ${s.counts[i]}`);
      });
      out.push(`${this.name}_bucket${with_({ le: '+Inf' })} ${s.count}`);
      out.push(`${this.name}_sum${base ? `{${base}}` : ''} ${fmt(s.sum)}`);
      out.push(`${this.name}_count${base ? `{${base}}` : ''} ${s.count}`);
    }
    return out;
  }
}

export class Registry {
  private metrics = new Map<string, Metric>();
  private add<M extends Metric>(m: M): M {
    const had = this.metrics.get(m.name);
    if (had) {
      if (had.type !== m.type) throw new Error(`metric ${m.name} already registered as a ${had.type}`);
      return had as M;
    }
    this.metrics.set(m.name, m);
    return m;
  }
  counter(name: string, help: string): Counter {
    return this.add(new Counter(name, help));
  }
  gauge(name: string, help: string): Gauge {
    return this.add(new Gauge(name, help));
  }
  histogram(name: string, help: string, buckets?: readonly number[]): Histogram {
    return this.add(new Histogram(name, help, buckets));
  }
  /** The Prometheus text exposition of every metric. */
  render(): string {
    const lines: string[] = [];
    for (const m of this.metrics.values()) {
      lines.push(`# HELP ${m.name} ${m.help.replace(/\\/gu, '\\\\').replace(/\n/gu, '\\n')}`);
      lines.push(`# TYPE ${m.name} ${m.type}`);
      lines.push(...m.render());
    }
    return `${lines.join('\n')}\n`;
  }
}

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** The process-wide registry and khabar's metrics. */
export const metrics = new Registry();

export const articlesIngested = metrics.counter(
  'khabar_articles_ingested_total',
  'Articles processed and stored, by store result (inserted, updated, unchanged, duplicate, near-duplicate).',
);
export const articlesRejected = metrics.counter(
  'khabar_articles_rejected_total',
  'Inputs refused into the quarantine, by rule id.',
);
export const jobsFailed = metrics.counter(
  'khabar_jobs_failed_total',
  'Queue jobs that threw (returned to the queue for a retry, or dead-lettered).',
);
export const queueDepth = metrics.gauge(
  'khabar_queue_depth',
  'Ingest queue jobs by state (queued, active, failed, dead), as last read.',
);
export const stageSeconds = metrics.histogram(
  'khabar_stage_seconds',
  'Time per article in each pipeline stage (dedup, brief, analyze, store).',
);
export const querySeconds = metrics.histogram('khabar_query_seconds', 'API request latency by route.');
export const processStart = metrics.gauge(
  'khabar_process_start_time_seconds',
  'Unix time the process started.',
);
processStart.set({}, Math.round(Date.now() / 1000 - process.uptime()));
export const residentMemory = metrics.gauge('khabar_process_resident_memory_bytes', 'Resident set size.');
residentMemory.collect = () => residentMemory.set({}, process.memoryUsage.rss());
export const heapUsed = metrics.gauge(
  'khabar_process_heap_used_bytes',
  'V8 heap in use (after the last collection it is what the process really holds).',
);
heapUsed.collect = () => heapUsed.set({}, process.memoryUsage().heapUsed);
