// Readability's readerable check on its own: its package's index also loads the parser, which
// the content script does not need (lib/reader/readerable.ts).
declare module '@mozilla/readability/Readability-readerable.js' {
  const isProbablyReaderable: typeof import('@mozilla/readability').isProbablyReaderable;
  export default isProbablyReaderable;
}
