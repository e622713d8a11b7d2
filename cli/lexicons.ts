/** The lexicons built into the extension, read from public/lexicons for the CLI, the evaluation and tests. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { lexiconLoader } from '../lib/formats';

const DIR = new URL('../public/lexicons/', import.meta.url);

/**
 * A fresh loader of the lexicons on disk (nothing read yet): languages without a lexicon file
 * get none; a file that cannot be read is an error.
 */
export const lexiconsFromDisk = () =>
  lexiconLoader(async (language) => {
    if (!/^[a-z]{2}$/.test(language)) return undefined;
    const file = new URL(`${language}.txt`, DIR);
    return existsSync(file) ? readFile(file, 'utf8') : undefined;
  });

/** The loader the CLI, the evaluation and the tests share. */
export const diskLexicons = lexiconsFromDisk();
