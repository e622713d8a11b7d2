/** Importing files of originals, with a progress bar, the problems found, and a way to cancel. */
import type { ImportProgress, Problem } from '../../model';
import { h } from '../dom';
import { count } from '../format';
import { problemText } from '../problem-text';
import type { Section } from './context';
import { sleep } from './context';

/** Problems listed after an import; the rest are counted. */
const SHOWN_PROBLEMS = 200;
const FOLLOW_MS = 500;

/** Wires the import; returns the function that follows an import under way (one a restart left, too). */
export function startImportSection(s: Section): () => Promise<void> {
  const { doc, t, backend, env, $ } = s;
  const bar = $('import-progress') as HTMLProgressElement;

  function showProgress(progress: ImportProgress): void {
    const total = progress.imported + progress.queued;
    const running = progress.running || progress.queued > 0;
    $('import-status').textContent = progress.error
      ? t('optionsImportStopped', problemText(progress.error, t))
      : running
        ? t('optionsImporting', count(progress.imported, t), count(total, t))
        : progress.imported
          ? t('optionsImported', count(progress.imported, t))
          : '';
    bar.hidden = !running;
    bar.max = Math.max(1, total);
    bar.value = progress.imported;
    $('cancel-import').hidden = !running;
  }

  async function followImport(): Promise<void> {
    for (;;) {
      const progress = await backend.importStatus();
      showProgress(progress);
      if (!progress.running && progress.queued === 0) break;
      await sleep(FOLLOW_MS);
    }
    await s.storeChanged();
  }

  async function importFiles(files: File[]): Promise<void> {
    $('import-status').textContent = t('optionsReading', count(files.length, t));
    // A person importing wants to keep the store when space runs low.
    await env.persistStorage();
    const problems: Problem[] = [];
    let queued = 0;
    for (const file of files) {
      if (file.size > env.maxFileChars) {
        problems.push({ code: 'fileTooLarge', values: [file.name, String(Math.round(file.size / 1024 / 1024))] });
        continue;
      }
      const { items, problems: found } = env.readImportFile(file.name, await file.text());
      problems.push(...found);
      if (items.length) {
        showProgress(await backend.queueImport(items));
        queued += items.length;
      }
    }
    $('import-problems').replaceChildren(
      ...problems.slice(0, SHOWN_PROBLEMS).map((p) => h(doc, 'li', {}, problemText(p, t))),
    );
    if (problems.length > SHOWN_PROBLEMS)
      $('import-problems').append(
        h(doc, 'li', {}, t('optionsMoreProblems', count(problems.length - SHOWN_PROBLEMS, t))),
      );
    if (queued) await followImport();
  }

  $('import-files').addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    if (input.files?.length) void importFiles(Array.from(input.files)).finally(() => (input.value = ''));
  });
  $('cancel-import').addEventListener('click', async () => showProgress(await backend.cancelImport()));
  return followImport;
}
