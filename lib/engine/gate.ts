/**
 * Whether a text that holds a page's article (all the page's paragraphs, read at a fraction of
 * what finding the article costs) may come from a known original: when it may not, the
 * article's analysis would find nothing either, and the page need not find its article. The
 * lookup and the alignments are the analysis's own; the evidence asked of them is what more
 * page text around the article cannot take away (no share of the page), and more candidates
 * are checked, since that text brings keys of its own.
 */
import { alignTexts } from './align';
import { MIN_ARTICLE_WORDS } from './article';
import { FOREIGN_CANDIDATES, findCandidatesWithPassages, SPARE_CANDIDATES } from './candidates';
import { alignTranslation } from './cross-align';
import { keyContainment } from './analyse';
import { languageOfModel, textInOneLanguage } from './language';
import { alignAsSummary } from './summary-align';
import { buildTextModel } from './text-model';
import { showsReuse, showsTranslation } from './verdict';
import type { LexiconSource, OriginalStore, PreparedArticle } from '../model';

export async function mayComeFromOriginal(
  text: PreparedArticle,
  store: OriginalStore,
  lexicons?: LexiconSource,
): Promise<boolean> {
  if (text.model.words < MIN_ARTICLE_WORDS) return false;
  // Only English text, throughout, is looked up by its own keys alone. Elsewhere the keys its
  // words' translations give (two readings a word) rank the originals by the text around the
  // article too, and an article in another language than that text needs its own guess: such a
  // page reads its article first (measured: tools/gate-eval.ts).
  const pageLanguage = languageOfModel(text.model);
  if (pageLanguage !== 'en' || !textInOneLanguage(text.model, pageLanguage)) return true;
  const { ranked, passages } = await findCandidatesWithPassages(
    text.fingerprint,
    store,
    FOREIGN_CANDIDATES + SPARE_CANDIDATES,
  );
  const records = await store.candidateOriginals([...ranked, ...passages].map((c) => c.id));
  for (const record of records) {
    if (!record.paragraphs?.length) {
      // The article's words the original carries, estimated from its keys as the analysis does:
      // its keys in the text are at least those in the article.
      const { ofOriginal } = keyContainment(text, record);
      if (ofOriginal * record.fingerprint.words >= MIN_ARTICLE_WORDS / 2) return true;
      continue;
    }
    const model = buildTextModel(record.paragraphs);
    const language = languageOfModel(model, record.language);
    if (language && language !== pageLanguage) {
      const cross = await alignTranslation(
        { model: text.model, language: pageLanguage },
        { model, language },
        lexicons,
      );
      if (showsTranslation(cross)) return true;
      continue;
    }
    const alignment = alignTexts(text.model, model);
    const verified = { record, model, alignment, aligned: alignment.verbatimWords + alignment.rewordedWords };
    if (showsReuse(verified, text.model)) return true;
    // A summary's article is shorter than its original; the text around it may not be.
    const summary = alignAsSummary(text.model, model, alignment.pairs);
    if (
      showsReuse(
        { ...verified, alignment: summary, aligned: summary.verbatimWords + summary.rewordedWords },
        text.model,
      )
    )
      return true;
  }
  return false;
}
