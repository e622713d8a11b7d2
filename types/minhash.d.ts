// minhash ships no types; only what the benchmark uses is declared.
declare module 'minhash' {
  export class Minhash {
    update(value: string): void;
  }
  export class LshIndex {
    insert(key: string, hash: Minhash): void;
    query(hash: Minhash): string[];
  }
}
