/**
 * The options page: the store's count, the paged and searchable list of originals, import,
 * export and trusted outlets. It talks to the background only through `OptionsBackend`, which
 * the entrypoint wires to messages, and reads files through `readImportFile`.
 */
import type {
  ImportProgress,
  OriginalInput,
  OriginalRecord,
  OriginalsPage,
  OriginOfRecord,
  StoreHealth,
  Subscription,
  SubscriptionView,
} from '../model';
import { h } from './dom';
import { renderLearnedOutlets } from './options-learned';
import { storeProblemView } from './store-problem';
import type { MessageKey, Translate } from './i18n';

/** Originals per page of the list. */
export const LIST_PAGE = 50;
/** Problems listed after an import; the rest are counted. */
const SHOWN_PROBLEMS = 200;
/** Refresh schedules offered for a subscription, in hours. */
const SCHEDULES: [number, MessageKey][] = [
  [6, 'optionsEvery6Hours'],
  [24, 'optionsEveryDay'],
  [24 * 7, 'optionsEveryWeek'],
];
/** Quiet time after a keystroke before the list is searched. */
const SEARCH_PAUSE_MS = 200;
/** How often the list is read again while a subscription is being fetched or removed. */
const FOLLOW_MS = 500;

/** Why subscribing did not happen. */
export type SubscribeRefusal = 'bad-address' | 'no-permission';

export interface OptionsBackend {
  listOriginals(search: string, offset: number, limit: number): Promise<OriginalsPage>;
  getOriginal(id: string): Promise<OriginalRecord | null>;
  deleteOriginal(id: string): Promise<void>;
  /** Queues a file's originals, chunk by chunk; returns the progress after the last chunk. */
  queueImport(items: OriginalInput[]): Promise<ImportProgress>;
  importStatus(): Promise<ImportProgress>;
  cancelImport(): Promise<ImportProgress>;
  exportOriginals(after: string, limit: number): Promise<{ lines: string[]; last: string | null }>;
  trustedOutlets(): Promise<string[]>;
  setTrustedOutlets(domains: string[]): Promise<void>;
  /** Originals learned from each trusted outlet. */
  learnedCounts(): Promise<Record<string, number>>;
  /** Follows every feed of an OPML file, after one question for access to their hosts; the number followed. */
  followOpml(text: string): Promise<number | SubscribeRefusal>;
  health(): Promise<StoreHealth>;
  subscriptions(): Promise<SubscriptionView[]>;
  /**
   * Asks the person's browser for access to the list's host, then subscribes. Called first
   * thing in the click's handler: browsers grant access only while handling the person's input.
   */
  subscribe(url: string, everyHours: number): Promise<Subscription | SubscribeRefusal>;
  refreshSubscription(url: string): Promise<void>;
  setSchedule(url: string, everyHours: number, keepDays?: number): Promise<void>;
  unsubscribe(url: string): Promise<void>;
}

export interface OptionsEnvironment {
  backend: OptionsBackend;
  t: Translate;
  /** Reads an import file into originals and the problems found in it. */
  readImportFile(name: string, text: string): { items: OriginalInput[]; problems: string[] };
  maxFileChars: number;
  /** Bytes the extension stores, when the browser tells. */
  storageUsed(): Promise<number | undefined>;
  /** Asks the browser to keep the store when space runs low. */
  persistStorage(): Promise<void>;
  /** Offers a file for download. */
  download(name: string, lines: string[]): string;
  /** Deletes the whole store, after asking the person, when it cannot be opened at all. */
  deleteStore(): Promise<void>;
}

const ORIGIN_KEYS: Record<OriginOfRecord, MessageKey> = {
  seed: 'originSeed',
  import: 'originImport',
  learned: 'originLearned',
  subscription: 'originSubscription',
};

/** Fills every element marked `data-i18n` (its text) or `data-i18n-title` (its accessible label). */
export function localizePage(doc: Document, t: Translate): void {
  for (const el of doc.querySelectorAll('[data-i18n]')) el.textContent = t(el.getAttribute('data-i18n') as MessageKey);
  for (const el of doc.querySelectorAll('[data-i18n-label]'))
    el.setAttribute('aria-label', t(el.getAttribute('data-i18n-label') as MessageKey));
}

/** Normalises what a person types as trusted outlets: bare lower-case domains, one per line or space. */
export function domainsFromText(text: string): string[] {
  return text
    .split(/\s+/)
    .map((d) =>
      d
        .trim()
        .toLowerCase()
        .replace(/^https?:\/\//, '')
        .replace(/\/.*$/, ''),
    )
    .filter(Boolean);
}

/** Wires the options page in `doc` (the elements of entrypoints/options/index.html). */
export async function startOptionsPage(doc: Document, env: OptionsEnvironment): Promise<void> {
  const { backend, t } = env;
  const $ = (id: string) => doc.getElementById(id)!;
  let offset = 0;
  localizePage(doc, t);
  doc.title = t('optionsTitle');
  // What stands in the way of the store comes first; with no store at all, nothing else can work.
  const health = await backend.health().catch((error: unknown) => ({
    problem: 'unavailable' as const,
    detail: String(error),
  }));
  const problem = storeProblemView(doc, health, t, { deleteStore: () => void env.deleteStore() });
  if (problem) $('options').prepend(problem);
  if (health.problem === 'unavailable') return;

  async function showSummary(): Promise<void> {
    const [{ total }, used] = await Promise.all([backend.listOriginals('', 0, 1), env.storageUsed()]);
    $('store-summary').textContent =
      used === undefined
        ? t('optionsSummary', String(total))
        : t('optionsSummaryUsed', String(total), (used / 1024 / 1024).toFixed(1));
  }

  /** Each list request is numbered, so an answer to an earlier keystroke never replaces a later one. */
  let listRequest = 0;
  async function showList(): Promise<void> {
    const asked = ++listRequest;
    const search = ($('search') as HTMLInputElement).value;
    const page = await backend.listOriginals(search, offset, LIST_PAGE);
    if (asked !== listRequest) return;
    $('originals').replaceChildren(...page.items.map(rowOf));
    const range = [String(offset + 1), String(Math.min(offset + LIST_PAGE, page.total)), String(page.total)] as const;
    $('page').textContent = page.total
      ? t(page.more ? 'optionsPageRangeMore' : 'optionsPageRange', ...range)
      : t('optionsPageNone');
    ($('previous') as HTMLButtonElement).disabled = offset === 0;
    ($('next') as HTMLButtonElement).disabled = offset + LIST_PAGE >= page.total && !page.more;
  }

  function rowOf(r: OriginalRecord): HTMLElement {
    const view = h(doc, 'button', { type: 'button' }, t('optionsView'));
    view.addEventListener('click', () => void showOriginal(r.id));
    const remove = h(
      doc,
      'button',
      { type: 'button', 'aria-label': t('optionsDeleteLabel', r.title) },
      t('optionsDelete'),
    );
    remove.addEventListener('click', async () => {
      await backend.deleteOriginal(r.id);
      await refresh();
    });
    return h(
      doc,
      'tr',
      { 'data-id': r.id },
      h(doc, 'td', {}, r.title),
      h(doc, 'td', {}, r.publisher ?? ''),
      h(doc, 'td', {}, r.published ?? ''),
      h(doc, 'td', {}, r.knownFrom ?? t(ORIGIN_KEYS[r.origin] ?? 'originImport')),
      h(doc, 'td', {}, view, ' ', remove),
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
      h(doc, 'h3', {}, record.title),
      h(doc, 'p', {}, meta),
      h(doc, 'div', {}, record.paragraphs?.join('\n\n') ?? t('optionsFingerprintOnly')),
    );
    viewer.focus();
  }

  async function refresh(): Promise<void> {
    await Promise.all([showSummary(), showList()]);
  }

  const scheduleOptions = (selected: number) =>
    SCHEDULES.map(([hours, key]) =>
      h(doc, 'option', { value: String(hours), selected: hours === selected ? '' : undefined }, t(key)),
    );
  const scheduleSelect = (selected: number, label: string) =>
    h(doc, 'select', { 'aria-label': label }, ...scheduleOptions(selected)) as HTMLSelectElement;
  const when = (time: number | undefined) => (time ? new Date(time).toLocaleString() : t('optionsNever'));

  /** The days a feed's articles are kept, changed where the person types a day count the background accepts. */
  function keepDaysInput(s: SubscriptionView, everyHours: () => number): HTMLInputElement {
    const input = h(doc, 'input', {
      type: 'number',
      min: '1',
      max: '365',
      value: String(s.keepDays),
      'aria-label': t('optionsKeepOf', s.title),
      'data-testid': 'keep-days',
    }) as HTMLInputElement;
    input.addEventListener('change', () => {
      const days = Number(input.value);
      if (Number.isInteger(days) && days >= 1 && days <= 365) void backend.setSchedule(s.url, everyHours(), days);
    });
    return input;
  }

  function subscriptionItem(s: SubscriptionView): HTMLElement {
    const schedule = scheduleSelect(s.everyHours, t('optionsScheduleOf', s.title));
    schedule.addEventListener('change', () => void backend.setSchedule(s.url, Number(schedule.value)));
    const refreshButton = h(
      doc,
      'button',
      { type: 'button', 'data-testid': 'refresh-subscription' },
      t('optionsRefreshNow'),
    );
    refreshButton.addEventListener('click', async () => {
      await backend.refreshSubscription(s.url);
      await followSubscriptions();
    });
    const remove = h(
      doc,
      'button',
      { type: 'button', 'data-testid': 'unsubscribe', 'aria-label': t('optionsUnsubscribeLabel', s.title) },
      t('optionsUnsubscribe'),
    );
    remove.addEventListener('click', async () => {
      await backend.unsubscribe(s.url);
      await followSubscriptions();
    });
    const busy = s.activity ?? (s.removing ? 'removing' : undefined);
    const state = busy
      ? t(busy === 'removing' ? 'optionsSubscriptionRemoving' : 'optionsSubscriptionFetching', String(s.progress ?? 0))
      : s.kind === 'feed'
        ? t('optionsFeedState', String(s.count), String(s.keepDays), when(s.checkedAt))
        : t('optionsSubscriptionState', String(s.count), when(s.checkedAt), when(s.updatedAt));
    const keep = s.kind === 'feed' ? keepDaysInput(s, () => Number(schedule.value)) : null;
    for (const control of [refreshButton, remove, schedule, keep])
      if (control) (control as HTMLButtonElement).disabled = !!busy;
    const unread = (s.items ?? []).filter((i) => i.problem && i.title);
    return h(
      doc,
      'li',
      { 'data-url': s.url, 'data-testid': 'subscription', 'data-busy': busy ?? '' },
      h(doc, 'strong', { 'data-testid': 'subscription-title' }, s.title),
      h(doc, 'div', { class: 'subscription-url' }, s.url),
      h(doc, 'div', { 'data-testid': 'subscription-state' }, state),
      s.problem
        ? h(
            doc,
            'div',
            { class: 'problem', 'data-testid': 'subscription-problem' },
            t('optionsSubscriptionProblem', s.problem),
          )
        : null,
      s.kind === 'feed' && s.pending ? h(doc, 'div', {}, t('optionsFeedPending', String(s.pending))) : null,
      unread.length
        ? h(
            doc,
            'details',
            { 'data-testid': 'feed-unread' },
            h(doc, 'summary', {}, `${t('optionsFeedUnread')} (${unread.length})`),
            h(doc, 'ul', {}, ...unread.map((i) => h(doc, 'li', {}, `${i.title}: ${i.problem}`))),
          )
        : null,
      h(
        doc,
        'div',
        {},
        schedule,
        ' ',
        ...(keep ? [h(doc, 'label', {}, t('optionsKeepDays'), ' ', keep), ' '] : []),
        refreshButton,
        ' ',
        remove,
      ),
    );
  }

  async function showLearned(): Promise<void> {
    const [outlets, counts] = await Promise.all([backend.trustedOutlets(), backend.learnedCounts()]);
    renderLearnedOutlets($('learned-outlets'), outlets, counts, t, async (domain) => {
      await backend.setTrustedOutlets(outlets.filter((d) => d !== domain));
      ($('trusted') as HTMLTextAreaElement).value = outlets.filter((d) => d !== domain).join('\n');
      await showLearned();
    });
  }

  /** Shows the subscriptions, and follows them while one is being fetched or removed. */
  async function followSubscriptions(): Promise<void> {
    for (let wasBusy = false; ; await new Promise((r) => setTimeout(r, FOLLOW_MS))) {
      const list = await backend.subscriptions();
      $('subscriptions').replaceChildren(
        ...(list.length ? list.map(subscriptionItem) : [h(doc, 'li', {}, t('optionsNoSubscriptions'))]),
      );
      const busy = list.some((s) => s.activity || s.removing);
      if (!busy) {
        if (wasBusy) await refresh();
        return;
      }
      wasBusy = true;
    }
  }

  function showProgress(progress: ImportProgress): void {
    const total = progress.imported + progress.queued;
    $('import-status').textContent = progress.error
      ? t('optionsImportStopped', progress.error)
      : progress.running || progress.queued
        ? t('optionsImporting', String(progress.imported), String(total))
        : progress.imported
          ? t('optionsImported', String(progress.imported))
          : '';
    $('cancel-import').hidden = !(progress.running || progress.queued);
  }

  async function followImport(): Promise<void> {
    for (;;) {
      const progress = await backend.importStatus();
      showProgress(progress);
      if (!progress.running && progress.queued === 0) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    await refresh();
  }

  async function importFiles(files: File[]): Promise<void> {
    $('import-status').textContent = t('optionsReading', String(files.length));
    // A person importing wants to keep the store when space runs low.
    await env.persistStorage();
    const problems: string[] = [];
    let queued = 0;
    for (const file of files) {
      if (file.size > env.maxFileChars) {
        problems.push(t('optionsFileTooLarge', file.name, (file.size / 1024 / 1024).toFixed(0)));
        continue;
      }
      const { items, problems: found } = env.readImportFile(file.name, await file.text());
      problems.push(...found);
      if (items.length) {
        showProgress(await backend.queueImport(items));
        queued += items.length;
      }
    }
    $('import-problems').replaceChildren(...problems.slice(0, SHOWN_PROBLEMS).map((p) => h(doc, 'li', {}, p)));
    if (problems.length > SHOWN_PROBLEMS)
      $('import-problems').append(h(doc, 'li', {}, t('optionsMoreProblems', String(problems.length - SHOWN_PROBLEMS))));
    if (queued) await followImport();
  }

  async function exportAll(): Promise<void> {
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
    link.textContent = t('optionsDownload', String(lines.length));
    link.hidden = false;
    link.click();
  }

  $('import-files').addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    if (input.files?.length) void importFiles(Array.from(input.files)).finally(() => (input.value = ''));
  });
  $('subscribe-every').replaceChildren(...scheduleOptions(24));
  $('subscribe-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const url = ($('subscribe-url') as HTMLInputElement).value;
    // First thing in the handler: the browser asks the person for access only during their input.
    const subscribing = backend.subscribe(url, Number(($('subscribe-every') as HTMLSelectElement).value));
    void subscribing.then(async (result) => {
      $('subscribe-status').textContent =
        result === 'bad-address'
          ? t('optionsSubscribeBadAddress')
          : result === 'no-permission'
            ? t('optionsSubscribeNoPermission', url)
            : '';
      if (typeof result === 'object') ($('subscribe-url') as HTMLInputElement).value = '';
      await followSubscriptions();
    });
  });
  $('opml-file').addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    // Read and asked within the person's input: the browser asks for access only then.
    void file
      .text()
      .then((text) => backend.followOpml(text))
      .then(
        (result) => {
          $('opml-status').textContent =
            result === 'no-permission'
              ? t('welcomeStarterRefused')
              : result === 'bad-address'
                ? t('optionsOpmlProblem', file.name)
                : t('optionsOpmlFollowing', String(result));
        },
        (error: Error) => ($('opml-status').textContent = t('optionsOpmlProblem', error.message)),
      )
      .finally(() => {
        input.value = '';
        void followSubscriptions();
      });
  });
  $('cancel-import').addEventListener('click', async () => showProgress(await backend.cancelImport()));
  $('export').addEventListener('click', () => void exportAll());
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
  $('save-trusted').addEventListener('click', async () => {
    const domains = domainsFromText(($('trusted') as HTMLTextAreaElement).value);
    try {
      await backend.setTrustedOutlets(domains);
      $('trusted-status').textContent = t(domains.length ? 'optionsSaved' : 'optionsSavedOff');
      await showLearned();
    } catch {
      $('trusted-status').textContent = t('optionsNotSaved');
    }
  });
  ($('trusted') as HTMLTextAreaElement).value = (await backend.trustedOutlets()).join('\n');
  await showLearned();
  $('viewer').setAttribute('tabindex', '-1');
  await refresh();
  await followSubscriptions();
  // An import left running (or interrupted by a restart) is shown and carried on.
  await followImport();
}
