/** The sites Upstream is switched off on, each with a way to switch it back on. */
import { h } from '../dom';
import type { Section } from './context';

export function startSitesSection(s: Section): () => Promise<void> {
  const { doc, t, backend, $ } = s;
  async function show(): Promise<void> {
    const sites = await backend.disabledSites();
    const items = sites.map((host) => {
      const back = h(
        doc,
        'button',
        { type: 'button', 'data-testid': 'enable-site', 'aria-label': t('optionsEnableSiteLabel', host) },
        t('optionsEnableSite'),
      );
      back.addEventListener('click', async () => {
        await backend.setSiteEnabled(host, true);
        await show();
        $('sites-status').textContent = t('optionsSiteEnabled', host);
      });
      return h(doc, 'li', { 'data-testid': 'disabled-site' }, h(doc, 'span', { translate: 'no' }, host), ' ', back);
    });
    $('disabled-sites').replaceChildren(...(items.length ? items : [h(doc, 'li', {}, t('optionsSitesNone'))]));
  }
  return show;
}
