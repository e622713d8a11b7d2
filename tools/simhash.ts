/**
 * 64-bit SimHash (Charikar) over weighted word shingles, as Manku et al. (2007) use for
 * near-duplicates at web scale (64 bits, Hamming distance 3). `npm run bench` measures it
 * against simhash-js and Upstream's sentence alignment on the seeds; the product does not use
 * it (the README says why).
 */
import { hash32 } from '../lib/engine';

const SHINGLE = 3;

function hash64(text: string): [number, number] {
  return [hash32(text), hash32(`\u0001${text}`)];
}

/** SimHash of a sequence of normalised words, as 16 hex digits. */
export function simhash64(words: string[]): string {
  const counts = new Map<string, number>();
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    const shingle = words.slice(i, i + SHINGLE).join(' ');
    counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  const vector = new Float64Array(64);
  for (const [shingle, count] of counts) {
    const weight = 1 + Math.log(count);
    const [high, low] = hash64(shingle);
    for (let bit = 0; bit < 32; bit++) {
      vector[bit] += (high >>> bit) & 1 ? weight : -weight;
      vector[32 + bit] += (low >>> bit) & 1 ? weight : -weight;
    }
  }
  let high = 0;
  let low = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (vector[bit] > 0) high |= 1 << bit;
    if (vector[32 + bit] > 0) low |= 1 << bit;
  }
  return (high >>> 0).toString(16).padStart(8, '0') + (low >>> 0).toString(16).padStart(8, '0');
}

/** Number of differing bits between two 16-hex-digit SimHashes. */
export function hammingDistance(a: string, b: string): number {
  let distance = 0;
  for (let i = 0; i < 16; i += 4) {
    let x = parseInt(a.slice(i, i + 4), 16) ^ parseInt(b.slice(i, i + 4), 16);
    while (x) {
      x &= x - 1;
      distance++;
    }
  }
  return distance;
}
