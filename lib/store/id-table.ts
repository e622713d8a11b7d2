/**
 * Which refs an id's hash was stored under: an open-addressing table of (hash, ref) pairs in
 * two typed arrays, 8 bytes an entry, so a million packed originals cost 16 MB at most and no
 * object per id. Entries are never removed: a removed original's entry leads to a slot that
 * no longer holds its id, and readers check the id (as they must for two ids of one hash).
 */
export class IdTable {
  private hashes: Uint32Array;
  private refs: Uint32Array;
  private used = 0;

  constructor(capacity = 1024) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(16, capacity * 2)));
    this.hashes = new Uint32Array(size);
    this.refs = new Uint32Array(size);
  }

  get size(): number {
    return this.used;
  }

  /** Adds a ref (at least 1) under a hash. */
  add(hash: number, ref: number): void {
    if ((this.used + 1) * 2 > this.refs.length) this.grow();
    const mask = this.refs.length - 1;
    let slot = spread(hash) & mask;
    while (this.refs[slot] !== 0) slot = (slot + 1) & mask;
    this.hashes[slot] = hash;
    this.refs[slot] = ref;
    this.used++;
  }

  /** Every ref added under the hash, in no particular order. */
  refsOf(hash: number): number[] {
    const mask = this.refs.length - 1;
    const found: number[] = [];
    for (let slot = spread(hash) & mask; this.refs[slot] !== 0; slot = (slot + 1) & mask)
      if (this.hashes[slot] === hash >>> 0) found.push(this.refs[slot]);
    return found;
  }

  private grow(): void {
    const { hashes, refs } = this;
    this.hashes = new Uint32Array(refs.length * 2);
    this.refs = new Uint32Array(refs.length * 2);
    this.used = 0;
    for (let slot = 0; slot < refs.length; slot++) if (refs[slot] !== 0) this.add(hashes[slot], refs[slot]);
  }
}

/** Mixes the hash's bits (a multiplicative step), so the low bits that pick a slot depend on all of them. */
const spread = (hash: number) => (Math.imul(hash, 0x9e3779b1) >>> 16) ^ Math.imul(hash, 0x85ebca6b);
