/**
 * Process-wide V8 settings for a bulk ingest, applied once per process by `runIngest`.
 *
 * Heap growth: bulk ingest holds a sizeable live heap (the analysis word caches, the dedup
 * index) and makes a lot of short-lived garbage per article. With V8's default heap growth
 * the heap may grow well past the live data between full collections (RSS 570 MB for a
 * 270 MB live heap was seen on ANT). A growth factor of 1.2 collects sooner; the effect
 * measured so far is small (bench/RESULTS.md, "ingest").
 * `KHABAR_HEAP_GROWTH` = a percentage overrides it; `off` leaves V8's default.
 *
 * Optimized-compile size: TurboFan compiles a hot function on a V8 worker thread in a zone
 * that it mallocs and frees afterwards. For the events' `processSentence` (15.8 KB of
 * bytecode then, dozens of inlined `filter`/`some` callbacks; split into phases of at most
 * 2.5 KB since) one compile took 2–15 s and grew that
 * thread's malloc arena by 60–80 MB, and the function was deoptimized and compiled again 8
 * times in one ANT ingest: those compiles were the transient peaks of the ingest's RSS
 * (bench/RESULTS.md, "ingest", 30 Nov). Functions longer than `OPT_BYTECODE_LIMIT` bytes of
 * bytecode are left to V8's baseline tier instead. At 4 KB that is also the events'
 * `assignRoles` (6.3 KB) and the posts' `postAt` (5.3 KB), which were compiled, deoptimized
 * and compiled again several times an ingest: leaving them to the baseline tier costs the
 * main thread nothing measurable and saves the workers' compiles (+6 % articles per
 * CPU-second and −40 MB peak on ANT, side by side; the next longest hot functions are 4.0 KB
 * and less: `findDates`, the tagger's `newInfo`, `findActors`). `KHABAR_OPT_BYTECODE_LIMIT` =
 * a byte count overrides it, `off` leaves V8's default (60 KB).
 */
import v8 from 'node:v8';

/** Longest bytecode (bytes) that TurboFan may compile during an ingest. */
export const OPT_BYTECODE_LIMIT = 4096;

/** The V8 flags `limitIngestMemory` sets for these environment variables. */
export function ingestV8Flags(env: NodeJS.ProcessEnv = process.env): string[] {
  const flags: string[] = [];
  const v = env.KHABAR_HEAP_GROWTH?.trim();
  if (v !== 'off') flags.push(`--heap-growing-percent=${v && /^\d{1,3}$/u.test(v) ? Number(v) : 20}`);
  const b = env.KHABAR_OPT_BYTECODE_LIMIT?.trim();
  if (b !== 'off')
    flags.push(`--max-optimized-bytecode-size=${b && /^\d{1,6}$/u.test(b) ? Number(b) : OPT_BYTECODE_LIMIT}`);
  return flags;
}

let applied = false;

/** Applies the ingest's V8 settings once per process (V8 reads them at each full GC / tier-up). */
export function limitIngestMemory(env: NodeJS.ProcessEnv = process.env): void {
  if (applied) return;
  applied = true;
  for (const f of ingestV8Flags(env)) v8.setFlagsFromString(f);
}
