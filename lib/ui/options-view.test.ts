import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { translateEnglish as t } from './i18n';
import { startOptionsPage, type OptionsBackend } from './options-view';

const html = readFileSync(new URL('../../entrypoints/options/index.html', import.meta.url), 'utf8');

describe('the options page when the store cannot be opened', () => {
  it('says why, offers to delete the store, and asks the store for nothing else', async () => {
    const { document } = parseHTML(html);
    const asked: string[] = [];
    const backend = new Proxy({} as OptionsBackend, {
      get: (_, name: string) =>
        name === 'health'
          ? async () => ({ problem: 'unavailable', detail: 'UnknownError: Internal error opening backing store' })
          : async () => void asked.push(name),
    });
    let deleted = 0;
    await startOptionsPage(document as unknown as Document, {
      backend,
      t,
      readImportFile: () => ({ items: [], problems: [] }),
      maxFileChars: 1,
      storageUsed: async () => undefined,
      persistStorage: async () => undefined,
      download: () => '',
      deleteStore: async () => void deleted++,
    });
    const alert = document.querySelector('[data-testid="store-problem"]')!;
    expect(alert.textContent).toContain('Internal error opening backing store');
    (alert.querySelector('[data-testid="delete-store"]') as unknown as HTMLElement).click();
    expect(deleted).toBe(1);
    expect(asked).toEqual([]);
  });
});
