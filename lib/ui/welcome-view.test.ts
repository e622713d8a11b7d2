import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { translateEnglish } from './i18n';
import { renderWelcome } from './welcome-view';

describe('renderWelcome', () => {
  it('says what Upstream knows, how to give it more and what stays private, with headings for each part', () => {
    const { document } = parseHTML('<html><body><main id="welcome"></main></body></html>');
    const root = document.getElementById('welcome') as unknown as HTMLElement;
    renderWelcome(root, { originals: 5, optionsUrl: 'chrome-extension://x/options.html' }, translateEnglish);
    expect(root.querySelector('h1')?.textContent).toMatch(/really come from/);
    expect(root.querySelector('[data-testid="welcome-count"]')?.textContent).toMatch(/^5 articles\./);
    expect(root.querySelector('[data-testid="open-options"]')?.getAttribute('href')).toBe(
      'chrome-extension://x/options.html',
    );
    for (const section of root.querySelectorAll('section'))
      expect(root.querySelector(`#${section.getAttribute('aria-labelledby')}`)?.tagName).toBe('H2');
    expect(root.querySelector('[data-testid="welcome-private"]')?.textContent).toMatch(/No address/);
  });
});
