/**
 * The quarantine as one ingest run keeps it — the direct run (runner.ts) and `ingest --queue`
 * (queue.ts) alike: an input refused again under the same rule is not quarantined twice, and an
 * input refused before that is read now leaves the quarantine (`Store.unquarantine`) — in the
 * direct run once it is stored; through the queue once the worker has stored it (`holds` marks
 * its job), or replaced by the worker's reason when the worker gives up on it.
 */
import type { QuarantineEntry, Store } from '../store/store.ts';

export type QuarantineStore = Pick<Store, 'quarantine' | 'quarantined' | 'unquarantine'>;

/** Standard input (`-`, `-:LINE`): no place, its quarantine entries are never taken out. */
export const isStdin = (source: string) => source === '-' || source.startsWith('-:');

const keyOf = (source: string, ruleId: string) => `${source}\u0000${ruleId}`;

export class QuarantineLedger {
  /** Entries taken out of the quarantine this run. */
  unquarantined = 0;

  private constructor(
    private readonly store: QuarantineStore,
    /** `source` NUL `ruleId` of the entries in the quarantine. */
    private readonly keys: Set<string>,
    /** The sources quarantined before the run (a file, `FILE:LINE`, a URL). */
    private readonly sources: Set<string>,
  ) {}

  /** The store's quarantine as it stands, read once at the start of a run. */
  static async open(store: QuarantineStore): Promise<QuarantineLedger> {
    const keys = new Set<string>();
    const sources = new Set<string>();
    const limit = 1000;
    for (let offset = 0; ; offset += limit) {
      const page = await store.quarantined({ limit, offset });
      for (const e of page.items) {
        keys.add(keyOf(e.source, e.ruleId));
        sources.add(e.source);
      }
      if (page.items.length < limit || offset + limit >= page.total) break;
    }
    return new QuarantineLedger(store, keys, sources);
  }

  /** Quarantines `e` unless its input is there under the same rule already. */
  async add(e: QuarantineEntry): Promise<void> {
    const key = keyOf(e.source, e.ruleId);
    if (this.keys.has(key)) return;
    await this.store.quarantine(e);
    this.keys.add(key);
  }

  /**
   * Whether `source` has entries in the quarantine that reading it now may take out (standard
   * input is no place: its entries stay).
   */
  holds(source: string): boolean {
    return this.sources.has(source) && !!this.store.unquarantine && !isStdin(source);
  }

  /** An input refused before and read now: its entries leave the quarantine (standard input is no place). */
  async resolved(source: string): Promise<void> {
    if (!this.holds(source) || !this.store.unquarantine) return;
    this.unquarantined += await this.store.unquarantine(source);
    this.sources.delete(source);
    for (const k of this.keys) if (k.startsWith(`${source}\u0000`)) this.keys.delete(k);
  }
}
