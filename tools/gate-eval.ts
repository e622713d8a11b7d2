/**
 * The page gate (lib/engine/gate.ts) on the evaluation's cases: given a page's whole text (its
 * article between paragraphs of pages that match nothing in the store, as the paragraphs of a
 * real page surround its article), it must let through every page whose article's analysis
 * finds an original; how often it lets through pages whose article finds nothing is what it
 * costs them (their article is then read as before).
 */
import { languageOfModel, mayComeFromOriginal, prepareArticle } from '../lib/engine';
import type { ArticleInput, LexiconSource, OriginalStore, ProvenanceReport } from '../lib/model';

export interface Judged {
  kind: string;
  page: ArticleInput;
  report: ProvenanceReport;
  store: OriginalStore;
  lexicons?: LexiconSource;
  /** A page written to match nothing stored. */
  negative: boolean;
}

export interface GateFigures {
  /** Pages whose article's analysis finds an original, and how many of them the gate lets through (must be all). */
  found: number;
  letThrough: number;
  /** Kinds of the pages it stops although their article finds an original. */
  stopped: string[];
  /** Pages whose article finds nothing, and how many of them it lets through all the same. */
  nothing: number;
  letThroughNothing: number;
  /** Of which in English, the only language the gate stops pages in. */
  nothingInEnglish: number;
  letThroughNothingInEnglish: number;
  /** Words of the surrounding paragraphs given each page. */
  surroundingWords: number;
}

const wordsOf = (paragraphs: string[]) => paragraphs.join(' ').split(/\s+/).filter(Boolean).length;

const languageOf = (page: ArticleInput) => languageOfModel(prepareArticle(page).model);

/**
 * Paragraphs that match nothing in `store`, in the page's language where the negatives have
 * some (a site's own text is in its language), else in any: two negatives the analysis and the
 * gate both pass over.
 */
async function surroundings(judged: Judged[], page: Judged): Promise<string[][]> {
  const language = languageOf(page.page);
  const quiet: Judged[] = [];
  for (const j of judged) {
    if (!j.negative || j.report.verdict !== 'none' || j.store !== page.store) continue;
    if (!(await mayComeFromOriginal(prepareArticle(j.page), page.store, page.lexicons))) quiet.push(j);
  }
  const same = quiet.filter((j) => languageOf(j.page) === language);
  return (same.length >= 2 ? same : quiet).slice(0, 2).map((j) => j.page.paragraphs);
}

export async function gateFigures(judged: Judged[]): Promise<GateFigures> {
  const figures: GateFigures = {
    found: 0,
    letThrough: 0,
    stopped: [],
    nothing: 0,
    letThroughNothing: 0,
    nothingInEnglish: 0,
    letThroughNothingInEnglish: 0,
    surroundingWords: 0,
  };
  const around = new Map<string, string[][]>();
  let surrounded = 0;
  const stores = [...new Set(judged.map((j) => j.store))];
  for (const j of judged) {
    const key = `${stores.indexOf(j.store)} ${languageOf(j.page)}`;
    if (!around.has(key)) around.set(key, await surroundings(judged, j));
    const [before = [], after = []] = around.get(key)!;
    const paragraphs = [...before, ...j.page.paragraphs, ...after];
    figures.surroundingWords += wordsOf(before) + wordsOf(after);
    surrounded++;
    const through = await mayComeFromOriginal(prepareArticle({ ...j.page, paragraphs }), j.store, j.lexicons);
    if (j.report.original) {
      figures.found++;
      if (through) figures.letThrough++;
      else figures.stopped.push(`${j.kind} (${j.page.title ?? ''})`);
    } else {
      figures.nothing++;
      if (through) figures.letThroughNothing++;
      if (languageOf(j.page) !== 'en') continue;
      figures.nothingInEnglish++;
      if (through) figures.letThroughNothingInEnglish++;
    }
  }
  figures.surroundingWords = Math.round(figures.surroundingWords / Math.max(1, surrounded));
  return figures;
}
