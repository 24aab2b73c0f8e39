/**
 * A compact multimap from 32-bit keys to non-negative 32-bit values: open addressing
 * with linear probing over two typed arrays (8 bytes a slot), so the dedup index of a
 * million articles fits in tens of megabytes instead of a JS Map's hundreds.
 */
export class U32MultiMap {
  private keys: Uint32Array;
  private values: Int32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1 << 12) {
    let cap = 1;
    while (cap < initialCapacity) cap <<= 1;
    this.keys = new Uint32Array(cap);
    this.values = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.keys.byteLength + this.values.byteLength;
  }

  private static slot(key: number, mask: number): number {
    let h = key >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) & mask;
  }

  add(key: number, value: number): void {
    if (value < 0) throw new RangeError('U32MultiMap values must be non-negative');
    if ((this.count + 1) * 10 > (this.mask + 1) * 6) this.grow();
    this.insert(key >>> 0, value);
    this.count++;
  }

  private insert(key: number, value: number): void {
    let i = U32MultiMap.slot(key, this.mask);
    while (this.values[i]! >= 0) i = (i + 1) & this.mask;
    this.keys[i] = key;
    this.values[i] = value;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const cap = (this.mask + 1) * 2;
    this.keys = new Uint32Array(cap);
    this.values = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    for (let i = 0; i < oldValues.length; i++) {
      const v = oldValues[i]!;
      if (v >= 0) this.insert(oldKeys[i]!, v);
    }
  }

  /** Every value stored under `key`. */
  get(key: number): number[] {
    const out: number[] = [];
    const k = key >>> 0;
    let i = U32MultiMap.slot(k, this.mask);
    for (;;) {
      const v = this.values[i]!;
      if (v < 0) return out;
      if (this.keys[i] === k) out.push(v);
      i = (i + 1) & this.mask;
    }
  }
}
