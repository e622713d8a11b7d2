// simhash-js ships no types; only what the benchmark uses is declared.
declare module 'simhash-js' {
  export class SimHash {
    hash(text: string): number;
  }
  const simhashJs: { SimHash: typeof SimHash };
  export default simhashJs;
}
