/**
 * The options page: each section in its own module, wired here to the page's elements
 * (entrypoints/options/index.html) and to the background through `OptionsBackend`.
 */
import { localizePage } from '../localize';
import { storeProblemView } from '../store-problem';
import type { OptionsEnvironment, Section } from './context';
import { startExportSection } from './export-section';
import { startFeedbackSection } from './feedback-section';
import { startImportSection } from './import-section';
import { startLearnedSection } from './learned-section';
import { startListSection } from './list-section';
import { startSitesSection } from './sites-section';
import { showStoreSummary } from './store-section';
import { startSubscriptionsSection } from './subscriptions-section';

export async function startOptionsPage(doc: Document, env: OptionsEnvironment): Promise<void> {
  const { backend, t } = env;
  localizePage(doc, t);
  doc.title = t('optionsTitle');
  // What stands in the way of the store comes first; with no store at all, nothing else can work.
  const health = await backend.health().catch((error: unknown) => ({
    problem: 'unavailable' as const,
    detail: String(error),
  }));
  const problem = storeProblemView(doc, health, t, { deleteStore: () => void env.deleteStore() });
  if (problem) doc.getElementById('options')!.prepend(problem);
  if (health.problem === 'unavailable') return;

  const section: Section = {
    doc,
    env,
    t,
    backend,
    $: (id) => doc.getElementById(id)!,
    storeChanged: async () => void (await Promise.all([showStoreSummary(section), showList()])),
  };
  const showList = startListSection(section);
  const followImport = startImportSection(section);
  startExportSection(section);
  const showLearned = startLearnedSection(section);
  const showSites = startSitesSection(section);
  const showFeedback = startFeedbackSection(section);
  const followSubscriptions = startSubscriptionsSection(section);

  await Promise.all([showLearned(), showSites(), showFeedback(), section.storeChanged()]);
  await followSubscriptions();
  // An import left running (or interrupted by a restart) is shown and carried on.
  await followImport();
}
