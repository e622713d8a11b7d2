/**
 * The end-to-end suite run the same way in every browser: each test page through the popup,
 * the badge and the compare page, the evidence view, the per-site switch, and no request to
 * anywhere but the local test server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileCases } from '../../fixtures/hostile';
import { addressCases, pageCases } from '../../fixtures/pages';
import {
  checkAddressEvidence,
  checkCase,
  checkEvidence,
  checkSinglePageApp,
  checkSiteSwitch,
  type TestPage,
} from './scenario';
import type { BrowserSession } from '../../fixtures/browser/driver';
import { startServer, type RecordingServer } from '../../fixtures/browser/server';

export type { BrowserSession };

/** A launched browser with the extension. */

/**
 * Declares the suite. `browserOwnRequests` names requests the browser itself makes with or
 * without any extension (measured with the extension left out), which the proxy refuses.
 */
export function browserSuite(
  name: string,
  launch: (server: RecordingServer) => Promise<BrowserSession>,
  browserOwnRequests: string[] = [],
): void {
  const cases = pageCases();
  const hostile = hostileCases();
  const address = addressCases();
  describe(`${name}, built extension`, () => {
    let server: RecordingServer;
    let session: BrowserSession;
    let extensionPage: TestPage;

    beforeAll(async () => {
      server = await startServer(
        new Map([...cases, ...hostile].map((c) => [`/${c.name}.html`, c.html])),
        new Map([
          [address.outletUrl, address.outletHtml],
          [address.claimingUrl, address.claimingHtml],
        ]),
      );
      session = await launch(server);
      // Only the extension page stays open between cases; article pages come and go.
      extensionPage = await session.browser.newPage();
      await session.closeOtherPages(1);
    }, 120_000);

    afterAll(async () => {
      await session?.close();
      await server?.close();
    });

    for (const c of cases) {
      it(`${c.name}: ${c.verdict}`, () => checkCase(session.browser, extensionPage, server.origin, c), 60_000);
    }

    for (const c of hostile) {
      const test = c.after
        ? () => checkSinglePageApp(session.browser, extensionPage, server.origin, c)
        : () => checkCase(session.browser, extensionPage, server.origin, c, { noLongTasks: c.static });
      it(`hostile ${c.name}: ${c.verdict}${c.after ? ` then ${c.after.verdict}` : ''}`, test, 90_000);
    }

    it(
      'shows the evidence: keyboard to "Open comparison", the compare page, changes that scroll',
      () => checkEvidence(session.browser, extensionPage, server.origin),
      60_000,
    );

    it(
      'remembers "don\'t analyse this site"',
      () => checkSiteSwitch(session.browser, extensionPage, server.origin),
      60_000,
    );

    it(
      'calls a page the original only at its own address, never by the address it claims',
      () => checkAddressEvidence(session.browser, extensionPage, address.outletUrl, address.claimingUrl),
      90_000,
    );

    it('sends no request anywhere but the local test server', () => {
      expect(server.requests.length).toBeGreaterThan(0);
      expect(server.leaks().filter((r) => !browserOwnRequests.includes(r))).toEqual([]);
    });
  });
}
