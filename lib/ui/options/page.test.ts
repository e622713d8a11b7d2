import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { translateEnglish as t } from '../i18n';
import type { OptionsBackend } from './context';
import { startOptionsPage } from './page';

const html = readFileSync(new URL('../../../entrypoints/options/index.html', import.meta.url), 'utf8');

/** The options page's environment around a backend, with nothing read, stored or downloaded. */
const environment = (
  backend: OptionsBackend,
  deleteStore = async () => undefined,
  downloads: [string, string[]][] = [],
) => ({
  backend,
  t,
  readImportFile: () => ({ items: [], problems: [] }),
  maxFileChars: 1,
  storageUsed: async () => undefined,
  persistStorage: async () => undefined,
  download: (name: string, lines: string[]) => (downloads.push([name, lines]), ''),
  deleteStore,
});

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
    await startOptionsPage(
      document as unknown as Document,
      environment(backend, async () => void deleted++),
    );
    const alert = document.querySelector('[data-testid="store-problem"]')!;
    expect(alert.textContent).toContain('Internal error opening backing store');
    (alert.querySelector('[data-testid="delete-store"]') as unknown as HTMLElement).click();
    expect(deleted).toBe(1);
    expect(asked).toEqual([]);
  });
});

describe('the options page with subscriptions and a large store', () => {
  const subscription = {
    url: 'https://desk.example/list.jsonl',
    title: 'Desk list',
    count: 1200,
    everyHours: 24,
    subscribedAt: 1,
    checkedAt: Date.UTC(2026, 10, 30),
    updatedAt: Date.UTC(2026, 10, 29),
    problem: { code: 'packHash' as const },
  };

  async function open(overrides: Partial<OptionsBackend>, downloads: [string, string[]][] = []) {
    const { document, Event } = parseHTML(html);
    const calls: unknown[][] = [];
    const backend: OptionsBackend = {
      listOriginals: async (search) => ({ items: [], total: search ? 2000 : 1_000_000, more: !!search }),
      getOriginal: async () => null,
      deleteOriginal: async () => undefined,
      queueImport: async () => ({ imported: 0, queued: 0, running: false }),
      importStatus: async () => ({ imported: 0, queued: 0, running: false }),
      cancelImport: async () => ({ imported: 0, queued: 0, running: false }),
      exportOriginals: async () => ({ lines: [], last: null }),
      trustedOutlets: async () => [],
      setTrustedOutlets: async () => undefined,
      learnedCounts: async () => ({}),
      disabledSites: async () => [],
      setSiteEnabled: async (...args) => void calls.push(['enable', ...args]),
      setPaused: async (...args) => void calls.push(['pause', ...args]),
      feedback: async () => [],
      deleteFeedback: async (...args) => void calls.push(['delete-feedback', ...args]),
      followOpml: async () => 0,
      health: async () => ({ problem: null }),
      subscriptions: async () => [subscription],
      subscribe: async (...args) => (calls.push(args), 'bad-address'),
      refreshSubscription: async () => undefined,
      setSchedule: async () => undefined,
      unsubscribe: async (...args) => void calls.push(['unsubscribe', ...args]),
      ...overrides,
    };
    await startOptionsPage(document as unknown as Document, environment(backend, undefined, downloads));
    return { document, Event, calls };
  }

  it('shows each list with its count, its checks and why its last refresh was refused', async () => {
    const { document } = await open({});
    const item = document.querySelector('[data-testid="subscription"]')!;
    expect(item.querySelector('[data-testid="subscription-title"]')!.textContent).toBe('Desk list');
    expect(item.querySelector('[data-testid="subscription-state"]')!.textContent).toMatch(
      /^1,200 originals · checked .+ ago · updated .+ ago$/,
    );
    expect(item.querySelector('[data-testid="subscription-problem"]')!.textContent).toBe(
      'Last refresh: the pack is damaged or incomplete: its content does not match the hash in its header. The originals received before are kept.',
    );
  });

  it('subscribes with the schedule shown (daily at first), and says what is wrong with an address', async () => {
    const { document, Event, calls } = await open({});
    (document.getElementById('subscribe-url') as unknown as HTMLInputElement).value = 'http://desk.example/list';
    document.getElementById('subscribe-form')!.dispatchEvent(new Event('submit'));
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toEqual([['http://desk.example/list', 24]]);
    expect(document.getElementById('subscribe-status')!.textContent).toBe(
      'Give the https address of a feed or of an Upstream pack.',
    );
  });

  it('counts the store from its stored count and says when a search matched more than it counted', async () => {
    const searches: string[] = [];
    const { document, Event } = await open({
      listOriginals: async (search) => (
        searches.push(search),
        { items: [], total: search ? 2000 : 1_000_000, more: !!search }
      ),
    });
    expect(document.getElementById('store-summary')!.textContent).toBe('1,000,000 originals.');
    const search = document.getElementById('search') as unknown as HTMLInputElement;
    for (const typed of ['h', 'ha', 'har']) {
      search.value = typed;
      search.dispatchEvent(new Event('input'));
    }
    await new Promise((r) => setTimeout(r, 300));
    // One search once typing paused, not one per keystroke.
    expect(searches.filter(Boolean)).toEqual(['har']);
    expect(document.getElementById('page')!.textContent).toBe('1–50 of more than 2,000');
  });

  it('shows a followed feed with its articles, the days they are kept and the items it could not read, and the outlets learned from with their counts', async () => {
    const feed = {
      url: 'https://outlet.example/feed.xml',
      title: 'Outlet World',
      count: 42,
      everyHours: 6,
      subscribedAt: 1,
      checkedAt: Date.UTC(2026, 10, 30),
      kind: 'feed' as const,
      keepDays: 30,
      pending: 3,
      items: [{ k: 'a', at: 1, problem: { code: 'pageHttpStatus' as const, values: ['404'] }, title: 'Gone story' }],
    };
    const stops: string[][] = [];
    const { document } = await open({
      subscriptions: async () => [feed],
      trustedOutlets: async () => ['ledger.example', 'wire.example'],
      learnedCounts: async () => ({ 'ledger.example': 7 }),
      setTrustedOutlets: async (domains) => void stops.push(domains),
    });
    const item = document.querySelector('[data-testid="subscription"]')!;
    expect(item.querySelector('[data-testid="subscription-state"]')?.textContent).toContain(
      '42 articles kept for 30 days',
    );
    expect(item.textContent).toContain('3 more articles will be read at the next refresh');
    expect(item.querySelector('[data-testid="feed-unread"]')?.textContent).toContain(
      'Gone story: the page answered HTTP 404',
    );
    expect((item.querySelector('[data-testid="keep-days"]') as unknown as HTMLInputElement).value).toBe('30');
    const outlets = Array.from(document.querySelectorAll('[data-testid="learned-outlet"]')).map((li) => li.textContent);
    expect(outlets[0]).toContain('ledger.example: 7 originals learned');
    expect(outlets[1]).toContain('wire.example: 0 originals learned');
    (document.querySelector('[data-testid="stop-learning"]') as unknown as HTMLElement).click();
    await new Promise((r) => setTimeout(r, 10));
    // Asked first: nothing stops until the person says yes.
    expect(stops).toEqual([]);
    expect(document.querySelector('[data-testid="learned-outlet"]')?.textContent).toContain(
      'Stop learning from ledger.example? The originals it gave stay.',
    );
    (document.querySelector('[data-testid="confirm"]') as unknown as HTMLElement).click();
    await new Promise((r) => setTimeout(r, 10));
    expect(stops).toEqual([['wire.example']]);
  });

  it('asks before removing a list, and puts the button back on Cancel', async () => {
    const { document, calls } = await open({});
    const item = () => document.querySelector('[data-testid="subscription"]')!;
    (item().querySelector('[data-testid="unsubscribe"]') as unknown as HTMLElement).click();
    expect(item().textContent).toContain('Remove this list and its 1,200 originals?');
    (item().querySelector('[data-testid="cancel"]') as unknown as HTMLElement).click();
    expect(item().querySelector('[data-testid="unsubscribe"]')).not.toBeNull();
    expect(calls).toEqual([]);
    (item().querySelector('[data-testid="unsubscribe"]') as unknown as HTMLElement).click();
    (item().querySelector('[data-testid="confirm"]') as unknown as HTMLElement).click();
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toEqual([['unsubscribe', subscription.url]]);
  });

  it('pauses a list without removing it, and says so', async () => {
    const { document, Event, calls } = await open({ subscriptions: async () => [{ ...subscription, paused: true }] });
    expect(document.querySelector('[data-testid="subscription-paused"]')?.textContent).toMatch(
      /^Paused: not refreshed/,
    );
    const box = document.querySelector('[data-testid="pause-subscription"]') as unknown as HTMLInputElement;
    expect(box.checked).toBe(true);
    box.checked = false;
    box.dispatchEvent(new Event('change'));
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toEqual([['pause', subscription.url, false]]);
  });

  it('lists the sites switched off, with a way back', async () => {
    const { document, calls } = await open({ disabledSites: async () => ['farm.example'] });
    expect(document.querySelector('[data-testid="disabled-site"]')?.textContent).toContain('farm.example');
    (document.querySelector('[data-testid="enable-site"]') as unknown as HTMLElement).click();
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toEqual([['enable', 'farm.example', true]]);
  });

  it('lists the verdicts the reader said were wrong and exports them as one file', async () => {
    const report = {
      verdict: 'copy' as const,
      confidence: 0.9,
      page: { words: 400 },
      original: { id: 'o1', title: 'Talks resume' },
      sources: [],
      alteration: null,
    };
    const said = {
      at: Date.now() - 3_600_000,
      url: 'https://farm.example/a',
      kind: 'wrong-original' as const,
      note: 'not it',
      report,
    };
    const downloads: [string, string[]][] = [];
    const { document } = await open({ feedback: async () => [said] }, downloads);
    const item = document.querySelector('[data-testid="feedback-item"]')!;
    expect(item.textContent).toContain('This is not the original of this article');
    expect(item.textContent).toContain('1 hour ago');
    expect(item.textContent).toContain('https://farm.example/a');
    expect(item.textContent).toContain('Upstream said: The same text as ‘Talks resume’.');
    (document.querySelector('[data-testid="export-feedback"]') as unknown as HTMLElement).click();
    expect(downloads).toEqual([['upstream-reports.jsonl', [JSON.stringify(said)]]]);
  });
});
