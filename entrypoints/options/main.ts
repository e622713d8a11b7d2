import { browser } from 'wxt/browser';
import type { OriginalsPage } from '../../lib/store/idb-store';
import { MAX_IMPORT_FILE_CHARS, parseImportFile } from '../../lib/formats/import-files';
import type { ImportProgress } from '../../lib/extension/import-worker';
import type { OriginalRecord } from '../../lib/engine/original';
import { MAX_IMPORT_CHUNK, type Message, type ProtocolMap } from '../../lib/extension/protocol';
import { h } from '../../lib/ui/dom';

const PAGE = 50;
const send = <T extends keyof ProtocolMap>(message: ProtocolMap[T]['request']) =>
  browser.runtime.sendMessage(message as Message) as Promise<ProtocolMap[T]['response']>;
const $ = (id: string) => document.getElementById(id)!;

let offset = 0;

async function showSummary(): Promise<void> {
  const { total } = await send<'list-originals'>({ type: 'list-originals', search: '', offset: 0, limit: 1 });
  const estimate = await navigator.storage?.estimate?.();
  const used = estimate?.usage !== undefined ? `, ${(estimate.usage / 1024 / 1024).toFixed(1)} MB used` : '';
  $('store-summary').textContent = `${total} originals${used}.`;
}

async function showList(): Promise<void> {
  const search = ($('search') as HTMLInputElement).value;
  const page: OriginalsPage = await send<'list-originals'>({ type: 'list-originals', search, offset, limit: PAGE });
  $('originals').replaceChildren(
    ...page.items.map((r) => {
      const view = h(document, 'button', { type: 'button' }, 'View');
      view.addEventListener('click', () => void showOriginal(r.id));
      const remove = h(document, 'button', { type: 'button', 'aria-label': `Delete ${r.title}` }, 'Delete');
      remove.addEventListener('click', async () => {
        await send<'delete-original'>({ type: 'delete-original', id: r.id });
        await refresh();
      });
      return h(
        document,
        'tr',
        { 'data-id': r.id },
        h(document, 'td', {}, r.title),
        h(document, 'td', {}, r.publisher ?? ''),
        h(document, 'td', {}, r.published ?? ''),
        h(document, 'td', {}, r.origin),
        h(document, 'td', {}, view, ' ', remove),
      );
    }),
  );
  $('page').textContent = page.total ? `${offset + 1}–${Math.min(offset + PAGE, page.total)} of ${page.total}` : 'none';
  ($('previous') as HTMLButtonElement).disabled = offset === 0;
  ($('next') as HTMLButtonElement).disabled = offset + PAGE >= page.total;
}

async function showOriginal(id: string): Promise<void> {
  const record: OriginalRecord | null = await send<'get-original'>({ type: 'get-original', id });
  const viewer = $('viewer');
  viewer.hidden = !record;
  if (!record) return;
  const meta = [record.authors?.join(', '), record.publisher, record.published, record.url].filter(Boolean).join(' · ');
  viewer.replaceChildren(
    h(document, 'h3', {}, record.title),
    h(document, 'p', {}, meta),
    h(document, 'div', {}, record.paragraphs?.join('\n\n') ?? 'Only the fingerprint of this original is stored.'),
  );
  viewer.focus();
}

async function refresh(): Promise<void> {
  await Promise.all([showSummary(), showList()]);
}

function showProgress(progress: ImportProgress): void {
  const total = progress.imported + progress.queued;
  $('import-status').textContent = progress.error
    ? `Import stopped: ${progress.error}`
    : progress.running || progress.queued
      ? `Importing: ${progress.imported} of ${total}…`
      : progress.imported
        ? `Imported ${progress.imported} originals.`
        : '';
  $('cancel-import').hidden = !(progress.running || progress.queued);
}

async function followImport(): Promise<void> {
  for (;;) {
    const progress = await send<'import-status'>({ type: 'import-status' });
    showProgress(progress);
    if (!progress.running && progress.queued === 0) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  await refresh();
}

async function importFiles(files: FileList): Promise<void> {
  $('import-status').textContent = `Reading ${files.length} file${files.length === 1 ? '' : 's'}…`;
  // Ask the browser to keep the store when space runs low; a person importing wants to keep it.
  await navigator.storage?.persist?.();
  const parser = new DOMParser();
  const problems: string[] = [];
  let queued = 0;
  for (const file of Array.from(files)) {
    if (file.size > MAX_IMPORT_FILE_CHARS) {
      problems.push(`${file.name}: the file is too large to import (${(file.size / 1024 / 1024).toFixed(0)} MB)`);
      continue;
    }
    const { items, problems: found } = parseImportFile(file.name, await file.text(), (html) =>
      parser.parseFromString(html, 'text/html'),
    );
    problems.push(...found);
    for (let i = 0; i < items.length; i += MAX_IMPORT_CHUNK) {
      showProgress(await send<'queue-import'>({ type: 'queue-import', items: items.slice(i, i + MAX_IMPORT_CHUNK) }));
      queued += Math.min(MAX_IMPORT_CHUNK, items.length - i);
    }
  }
  $('import-problems').replaceChildren(...problems.slice(0, 200).map((p) => h(document, 'li', {}, p)));
  if (problems.length > 200)
    $('import-problems').append(h(document, 'li', {}, `and ${problems.length - 200} more problems`));
  if (queued) await followImport();
}

async function exportAll(): Promise<void> {
  const lines: string[] = [];
  let after = '';
  for (;;) {
    const page = await send<'export-originals'>({ type: 'export-originals', after, limit: 500 });
    lines.push(...page.lines);
    if (!page.last) break;
    after = page.last;
  }
  const link = $('export-link') as HTMLAnchorElement;
  link.href = URL.createObjectURL(new Blob([lines.map((l) => `${l}\n`).join('')], { type: 'application/x-ndjson' }));
  link.download = 'upstream-originals.jsonl';
  link.textContent = `Download ${lines.length} originals`;
  link.hidden = false;
  link.click();
}

async function main(): Promise<void> {
  $('import-files').addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    if (input.files?.length) void importFiles(input.files).finally(() => (input.value = ''));
  });
  $('cancel-import').addEventListener('click', async () =>
    showProgress(await send<'cancel-import'>({ type: 'cancel-import' })),
  );
  $('export').addEventListener('click', () => void exportAll());
  $('search').addEventListener('input', () => {
    offset = 0;
    void showList();
  });
  $('previous').addEventListener('click', () => {
    offset = Math.max(0, offset - PAGE);
    void showList();
  });
  $('next').addEventListener('click', () => {
    offset += PAGE;
    void showList();
  });
  $('save-trusted').addEventListener('click', async () => {
    const domains = ($('trusted') as HTMLTextAreaElement).value
      .split(/\s+/)
      .map((d) =>
        d
          .trim()
          .toLowerCase()
          .replace(/^https?:\/\//, '')
          .replace(/\/.*$/, ''),
      )
      .filter(Boolean);
    try {
      await send<'set-trusted-outlets'>({ type: 'set-trusted-outlets', domains });
      $('trusted-status').textContent = domains.length ? 'Saved.' : 'Saved: no trusted outlets, the feature is off.';
    } catch {
      $('trusted-status').textContent = 'Not saved: use plain domain names such as wsj.com.';
    }
  });
  const settings = await send<'get-settings'>({ type: 'get-settings' });
  ($('trusted') as HTMLTextAreaElement).value = settings.trustedOutlets.join('\n');
  $('viewer').setAttribute('tabindex', '-1');
  await refresh();
  // An import left running (or interrupted by a restart) is shown and carried on.
  await followImport();
}

void main();
