/**
 * Bulk ingest holds a sizeable live heap (the analysis word caches, the dedup index) and
 * makes a lot of short-lived garbage per article. With V8's default heap growth the heap
 * may grow well past the live data between full collections (RSS 570 MB for a 270 MB
 * live heap was seen on ANT). A growth factor of 1.2 collects sooner; the effect measured
 * so far is small (bench/RESULTS.md, "ingest").
 * `KHABAR_HEAP_GROWTH` = a percentage overrides it; `off` leaves V8's default.
 */
import v8 from 'node:v8';

let applied = false;

/** Applies the heap growth setting once per process (V8 reads it at each full GC). */
export function limitHeapGrowth(env: NodeJS.ProcessEnv = process.env): void {
  if (applied) return;
  applied = true;
  const v = env.KHABAR_HEAP_GROWTH?.trim();
  if (v === 'off') return;
  const pct = v && /^\d{1,3}$/u.test(v) ? Number(v) : 20;
  v8.setFlagsFromString(`--heap-growing-percent=${pct}`);
}
