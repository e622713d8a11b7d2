/**
 * The interface in another language, in a real browser: Chromium started in French shows the
 * popup, the options page and the first-run page from the French catalogue (browser.i18n).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageCases } from '../../fixtures/pages';
import { launchChromium, openArticle, type ChromiumSession } from '../../fixtures/browser/chromium';
import { startServer, type RecordingServer } from '../../fixtures/browser/server';

describe('Chromium in French', () => {
  let server: RecordingServer;
  let session: ChromiumSession;
  const copy = pageCases().find((c) => c.name === 'copy-002')!;

  beforeAll(async () => {
    server = await startServer(new Map([[`/${copy.name}.html`, copy.html]]));
    session = await launchChromium(server, 'fr');
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('shows the popup, the options and the first-run page in French', async () => {
    const { browser } = session;
    const { article, view, tabId } = await openArticle(session, `${server.origin}/${copy.name}.html`);
    const textOf = async (selector: string, ready: (text: string) => boolean) => {
      for (let i = 0; i < 150; i++) {
        const text = await view.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector);
        if (ready(text)) return text;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`${selector} never showed`);
    };
    await view.goto(`${browser.extensionBase}popup.html?tab=${tabId}`);
    expect(await textOf('[data-testid="summary"]', (t) => !t.endsWith('…'))).toMatch(/^Le même texte que ‘/);
    expect(await textOf('[data-testid="open-welcome"]', (t) => t.length > 0)).toBe('Ce que fait Upstream');
    await view.goto(`${browser.extensionBase}options.html`);
    expect(await textOf('h1', (t) => t.length > 0)).toBe('Upstream : votre réserve d’originaux');
    expect(await textOf('[data-testid="store-summary"]', (t) => /\d/.test(t))).toMatch(/originaux/);
    await view.goto(`${browser.extensionBase}welcome.html`);
    expect(await textOf('[data-testid="welcome-count"]', (t) => t.length > 0)).toMatch(/^\d+ articles\. Il commence/);
    await article.close();
  }, 90_000);
});
