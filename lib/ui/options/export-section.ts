/** Exporting every original as one .jsonl file (the format the import reads). */
import { count } from '../format';
import type { Section } from './context';

export function startExportSection(s: Section): void {
  const { t, backend, env, $ } = s;
  $('export').addEventListener('click', async () => {
    const lines: string[] = [];
    for (let after = ''; ;) {
      const page = await backend.exportOriginals(after, 500);
      lines.push(...page.lines);
      if (!page.last) break;
      after = page.last;
    }
    const link = $('export-link') as HTMLAnchorElement;
    link.href = env.download('upstream-originals.jsonl', lines);
    link.download = 'upstream-originals.jsonl';
    link.textContent = t('optionsDownload', count(lines.length, t));
    link.hidden = false;
    link.click();
  });
}
