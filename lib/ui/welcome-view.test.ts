import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { translateEnglish } from './i18n';
import { renderWelcome } from './welcome-view';

describe('renderWelcome', () => {
  it('says what Upstream knows, how to give it more and what stays private, with headings for each part', async () => {
    const { document } = parseHTML('<html><body><main id="welcome"></main></body></html>');
    const root = document.getElementById('welcome') as unknown as HTMLElement;
    const followed: string[][] = [];
    renderWelcome(
      root,
      { originals: 5, optionsUrl: 'chrome-extension://x/options.html' },
      translateEnglish,
      async (outlets) => {
        followed.push(outlets.map((o) => o.feed));
        return outlets.length;
      },
    );
    expect(root.querySelector('h1')?.textContent).toMatch(/really come from/);
    expect(root.querySelector('[data-testid="welcome-count"]')?.textContent).toMatch(/^5 articles\./);
    expect(root.querySelector('[data-testid="open-options"]')?.getAttribute('href')).toBe(
      'chrome-extension://x/options.html',
    );
    for (const section of root.querySelectorAll('section'))
      expect(root.querySelector(`#${section.getAttribute('aria-labelledby')}`)?.tagName).toBe('H2');
    expect(root.querySelector('[data-testid="welcome-private"]')?.textContent).toMatch(/No address/);
    // The starter list: nothing ticked, nothing followed until the reader ticks and clicks; what following sends is said.
    const boxes = Array.from(root.querySelectorAll('[data-testid="starter-outlet"]')) as unknown as HTMLInputElement[];
    expect(boxes.length).toBeGreaterThanOrEqual(8);
    expect(boxes.some((b) => b.checked)).toBe(false);
    expect(root.querySelector('[data-testid="starter-sends"]')?.textContent).toMatch(/no cookies/);
    const follow = root.querySelector('[data-testid="starter-follow"]') as unknown as HTMLElement;
    follow.click();
    expect(followed).toEqual([]);
    boxes[0].checked = true;
    follow.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(followed).toEqual([['https://feeds.bbci.co.uk/news/world/rss.xml']]);
    expect(root.querySelector('[data-testid="starter-status"]')?.textContent).toMatch(/^Following 1 feeds/);
  });
});
