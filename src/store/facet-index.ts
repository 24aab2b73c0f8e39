/**
 * Facet values of every article, in memory, so a search counts its facets over the matching
 * rids in JS instead of a SQL `GROUP BY` over the facet rows of every match (13–19 ms of CPU
 * for a common word at 10,000 articles; this counts the same in well under 1 ms).
 *
 * Used from the second search with facets of a process on (see `wanted`).
 *
 * Layout: each distinct (kind, value) gets a small integer id; the ids of article `rid` are
 * `ids[off[rid] .. off[rid + 1])` (compressed rows, appended in rid order), and an article
 * rewritten after it was loaded keeps its new list in `changed`. Loaded lazily on the first
 * search with facets, then kept current without a full reload:
 * - articles stored since (rid above the highest loaded one) are appended;
 * - articles rewritten in place (a re-ingest that changed them) are logged by a trigger in
 *   `article_changes` (seq, rid), and their rows re-read; rid 0 there (written by a reindex)
 *   means "reload everything".
 * The check is two index lookups per search (MAX(rid), MAX(seq)), so writes by another
 * process on the same file are seen by the next search. SQLite commits one writer at a time,
 * so "every rid up to MAX(rid)" is complete once committed.
 */
import type { Db, Param } from './db.ts';

/** Thrown inside an update that must stop: this process opened a write transaction. */
const BUSY = new Error('facet index: a write transaction is open');

/** Facet kinds counted in search responses (the `section` rows are only filters). */
export const COUNTED_KINDS = ['country', 'actor', 'type', 'outlet', 'month'] as const;

/** Rows read per query while loading (bounded memory for large archives). */
const LOAD_CHUNK = 50_000;

export interface FacetCount {
  kind: string;
  value: string;
  n: number;
}

export class FacetIndex {
  /** Per kind (COUNTED_KINDS order): value → id. */
  private keyId: Array<Map<string, number>> = COUNTED_KINDS.map(() => new Map());
  private kindOf: number[] = [];
  private valueOf: string[] = [];
  private off = new Int32Array(1024);
  private ids = new Int32Array(4096);
  /** Highest rid whose row list is in `off`/`ids` (rows up to it are complete). */
  private maxRid = 0;
  private seq = 0;
  private loaded = false;
  private readonly changed = new Map<number, Int32Array>();
  private readonly kindIndex = new Map<string, number>(COUNTED_KINDS.map((k, i) => [k, i]));

  private asked = 0;

  /**
   * `writing`: true while this process has a write transaction open on the same connection
   * (`Backend.writing`). Every read checks it first and the update stops if it is: each read
   * (synchronous under better-sqlite3) then sees committed rows only.
   */
  constructor(
    private readonly db: Db,
    private readonly writing: () => boolean = () => false,
  ) {}

  /**
   * Whether a search with facets should use the index: from the second such search of the
   * process on. Loading costs about as much as ten searches (150 ms of CPU at 10,000
   * articles), so a one-shot `khabar search --facets` counts in SQL and a server loads it.
   */
  wanted(): boolean {
    return this.loaded || ++this.asked >= 2;
  }

  private pending: Promise<boolean> | undefined;

  /**
   * Brings the index up to date with the committed database (cheap when nothing changed).
   * False when it could not (a write transaction of this process opened meanwhile): then
   * count in SQL.
   */
  async refresh(): Promise<boolean> {
    // One update at a time. A search waiting on an update that began before it did starts
    // its own afterwards (or joins one begun after it), so it sees every earlier commit.
    while (this.pending) await this.pending.catch(() => undefined);
    this.pending = this.update()
      .then(
        () => true,
        (err) => {
          if (err === BUSY) return false;
          throw err;
        },
      )
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }

  /** Highest rid counted: a match above it (stored after the refresh) is not in the index. */
  get upTo(): number {
    return this.maxRid;
  }

  private all<T>(sql: string, params: Param[] = []): Promise<T[]> {
    if (this.writing()) throw BUSY;
    return this.db.all<T>(sql, params);
  }

  private async update(): Promise<void> {
    const [v] = await this.all<{ rid: number | null; seq: number | null }>(
      'SELECT (SELECT MAX(rid) FROM articles) AS rid, (SELECT MAX(seq) FROM article_changes) AS seq',
    );
    const rid = Number(v?.rid ?? 0);
    const seq = Number(v?.seq ?? 0);
    if (!this.loaded) {
      // From scratch (a load stopped part way is dropped: changes since are unknown).
      this.reset();
      this.seq = seq;
      await this.append(rid);
      this.loaded = true;
      return;
    }
    if (seq !== this.seq) {
      const ch = await this.all<{ rid: number }>('SELECT DISTINCT rid FROM article_changes WHERE seq > ?', [
        this.seq,
      ]);
      const rids = ch.map((r) => Number(r.rid));
      if (rids.includes(0) || seq < this.seq) {
        this.loaded = false;
        this.reset();
        this.seq = seq;
        await this.append(rid);
        this.loaded = true;
        return;
      }
      // Rewritten articles: re-read their rows (the ones above maxRid come with the append).
      const old = rids.filter((r) => r <= this.maxRid);
      for (let i = 0; i < old.length; i += 500) {
        const part = old.slice(i, i + 500);
        const lists = new Map<number, number[]>(part.map((r) => [r, []]));
        const rows = await this.all<{ rid: number; kind: string; value: string }>(
          `SELECT rid, kind, value FROM facets WHERE rid IN (${part.map(() => '?').join(', ')})`,
          part,
        );
        for (const r of rows) {
          const id = this.idOf(r.kind, r.value);
          if (id >= 0) lists.get(Number(r.rid))?.push(id);
        }
        for (const [r, list] of lists) this.changed.set(r, Int32Array.from(list));
      }
      // Only now: an update stopped above re-reads these changes next time.
      this.seq = seq;
    }
    if (rid > this.maxRid) await this.append(rid);
  }

  /** Counts every (kind, value) over the given rids (each rid once). */
  count(rids: ArrayLike<number>): FacetCount[] {
    const counts = new Int32Array(this.valueOf.length);
    const { off, ids, changed, maxRid } = this;
    const hasChanged = changed.size > 0;
    for (let i = 0; i < rids.length; i++) {
      const rid = rids[i]!;
      if (rid > maxRid || rid < 1) continue;
      const c = hasChanged ? changed.get(rid) : undefined;
      if (c) {
        for (let k = 0; k < c.length; k++) counts[c[k]!]!++;
        continue;
      }
      for (let k = off[rid - 1]!, end = off[rid]!; k < end; k++) counts[ids[k]!]!++;
    }
    const out: FacetCount[] = [];
    for (let id = 0; id < counts.length; id++) {
      if (counts[id])
        out.push({ kind: COUNTED_KINDS[this.kindOf[id]!]!, value: this.valueOf[id]!, n: counts[id]! });
    }
    return out;
  }

  private reset(): void {
    for (const m of this.keyId) m.clear();
    this.kindOf = [];
    this.valueOf = [];
    this.off = new Int32Array(1024);
    this.ids = new Int32Array(4096);
    this.maxRid = 0;
    this.changed.clear();
  }

  private idOf(kind: string, value: string): number {
    const k = this.kindIndex.get(kind);
    if (k === undefined) return -1;
    const ids = this.keyId[k]!;
    let id = ids.get(value);
    if (id === undefined) {
      id = this.valueOf.length;
      ids.set(value, id);
      this.kindOf.push(k);
      this.valueOf.push(value);
    }
    return id;
  }

  /** Appends the rows of rids maxRid+1 .. upTo, in rid order. */
  private async append(upTo: number): Promise<void> {
    const kinds = COUNTED_KINDS.map(() => '?').join(', ');
    while (this.maxRid < upTo) {
      const hi = Math.min(upTo, this.maxRid + LOAD_CHUNK);
      const rows = await this.all<{ rid: number; kind: string; value: string }>(
        // `+kind`: walk the rid index in order (not the kind index, then a sort).
        `SELECT rid, kind, value FROM facets WHERE rid > ? AND rid <= ? AND +kind IN (${kinds}) ORDER BY rid`,
        [this.maxRid, hi, ...COUNTED_KINDS],
      );
      // off[r] = end of rid r's list (off[r - 1] its start): rid r lives at index r - 1 / r.
      this.ensureOff(hi + 1);
      let len = this.off[this.maxRid]!;
      let at = this.maxRid;
      for (const row of rows) {
        const rid = Number(row.rid);
        const id = this.idOf(row.kind, row.value);
        if (id < 0) continue;
        while (at < rid) this.off[++at] = len;
        this.ensureIds(len + 1);
        this.ids[len++] = id;
        this.off[rid] = len;
      }
      while (at < hi) this.off[++at] = len;
      this.maxRid = hi;
    }
  }

  private ensureOff(n: number): void {
    if (n <= this.off.length) return;
    let cap = this.off.length;
    while (cap < n) cap *= 2;
    const next = new Int32Array(cap);
    next.set(this.off);
    this.off = next;
  }

  private ensureIds(n: number): void {
    if (n <= this.ids.length) return;
    const next = new Int32Array(this.ids.length * 2);
    next.set(this.ids);
    this.ids = next;
  }
}
