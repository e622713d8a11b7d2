/** The lexicons built into the extension, read from public/lexicons for the CLI, the evaluation and tests. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { lexiconLoader } from '../lib/formats';

const DIR = new URL('../public/lexicons/', import.meta.url);

/** Languages without a lexicon file get none; a file that cannot be read is an error. */
export const diskLexicons = lexiconLoader(async (language) => {
  if (!/^[a-z]{2}$/.test(language)) return undefined;
  const file = new URL(`${language}.txt`, DIR);
  return existsSync(file) ? readFile(file, 'utf8') : undefined;
});
