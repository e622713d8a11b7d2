/** The paged, searchable list of originals, each viewable and deletable (after a question). */
import type { OriginalRecord, OriginOfRecord } from '../../model';
import { h, uniqueId } from '../dom';
import { count, publishedDate } from '../format';
import type { MessageKey } from '../i18n';
import { confirmingButton } from './confirm';
import type { Section } from './context';

/** Originals per page of the list. */
export const LIST_PAGE = 50;
/** Quiet time after a keystroke before the list is searched. */
const SEARCH_PAUSE_MS = 200;

const ORIGIN_KEYS: Record<OriginOfRecord, MessageKey> = {
  seed: 'originSeed',
  import: 'originImport',
  learned: 'originLearned',
  subscription: 'originSubscription',
};

/** Wires the list; returns the function that shows it again. */
export function startListSection(s: Section): () => Promise<void> {
  const { doc, t, backend, $ } = s;
  let offset = 0;
  /** Each list request is numbered, so an answer to an earlier keystroke never replaces a later one. */
  let listRequest = 0;

  async function showList(): Promise<void> {
    const asked = ++listRequest;
    const search = ($('search') as HTMLInputElement).value;
    const page = await backend.listOriginals(search, offset, LIST_PAGE);
    if (asked !== listRequest) return;
    $('originals').replaceChildren(...page.items.map(rowOf));
    const range = [
      count(offset + 1, t),
      count(Math.min(offset + LIST_PAGE, page.total), t),
      count(page.total, t),
    ] as const;
    $('page').textContent = page.total
      ? t(page.more ? 'optionsPageRangeMore' : 'optionsPageRange', ...range)
      : t('optionsPageNone');
    ($('previous') as HTMLButtonElement).disabled = offset === 0;
    ($('next') as HTMLButtonElement).disabled = offset + LIST_PAGE >= page.total && !page.more;
  }

  function rowOf(r: OriginalRecord): HTMLElement {
    const titleId = uniqueId('title');
    const viewId = uniqueId('view');
    const view = h(
      doc,
      'button',
      { type: 'button', id: viewId, 'aria-labelledby': `${viewId} ${titleId}` },
      t('optionsView'),
    );
    view.addEventListener('click', () => void showOriginal(r.id));
    const remove = confirmingButton(
      doc,
      t,
      {
        label: t('optionsDelete'),
        labelledBy: titleId,
        question: t('optionsDeleteQuestion'),
        testId: 'delete-original',
      },
      async () => {
        await backend.deleteOriginal(r.id);
        await s.storeChanged();
      },
    );
    return h(
      doc,
      'tr',
      { 'data-id': r.id },
      h(doc, 'td', { translate: 'no', id: titleId }, r.title),
      h(doc, 'td', { translate: 'no' }, r.publisher ?? ''),
      h(doc, 'td', {}, r.published ? publishedDate(r.published, t) : ''),
      r.knownFrom
        ? h(doc, 'td', { translate: 'no' }, r.knownFrom)
        : h(doc, 'td', {}, t(ORIGIN_KEYS[r.origin] ?? 'originImport')),
      h(doc, 'td', { class: 'actions' }, view, ' ', remove),
    );
  }

  async function showOriginal(id: string): Promise<void> {
    const record = await backend.getOriginal(id);
    const viewer = $('viewer');
    viewer.hidden = !record;
    if (!record) return;
    const meta = [record.authors?.join(', '), record.publisher, record.published, record.url]
      .filter(Boolean)
      .join(' · ');
    viewer.replaceChildren(
      h(doc, 'h3', { translate: 'no' }, record.title),
      h(doc, 'p', { translate: 'no' }, meta),
      record.paragraphs?.length
        ? h(
            doc,
            'div',
            { translate: 'no', ...(record.language ? { lang: record.language } : {}) },
            record.paragraphs.join('\n\n'),
          )
        : h(doc, 'div', {}, t('optionsFingerprintOnly')),
    );
    viewer.focus();
  }

  let typing: ReturnType<typeof setTimeout> | undefined;
  $('search').addEventListener('input', () => {
    // Searched once typing pauses, not at every keystroke.
    clearTimeout(typing);
    typing = setTimeout(() => {
      offset = 0;
      void showList();
    }, SEARCH_PAUSE_MS);
  });
  $('previous').addEventListener('click', () => {
    offset = Math.max(0, offset - LIST_PAGE);
    void showList();
  });
  $('next').addEventListener('click', () => {
    offset += LIST_PAGE;
    void showList();
  });
  $('viewer').setAttribute('tabindex', '-1');
  return showList;
}
