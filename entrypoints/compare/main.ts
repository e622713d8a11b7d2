import { browser } from 'wxt/browser';
import { translatorFrom } from '../../lib/ui/i18n';
import type { Message, ProtocolMap } from '../../lib/extension/protocol';
import { renderComparison } from '../../lib/ui/compare-view';

const t = translatorFrom((key, subs) => browser.i18n.getMessage(key as never, subs));

async function main(): Promise<void> {
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = t('compareTitle');
  const root = document.getElementById('compare')!;
  const tabId = Number(new URLSearchParams(location.search).get('tab'));
  const message: Message = { type: 'get-comparison', tabId };
  const reply = (await browser.runtime
    .sendMessage(message)
    .catch(() => null)) as ProtocolMap['get-comparison']['response'];
  const state = reply?.state.status === 'ready' ? reply.state : null;
  await renderComparison(
    root,
    state
      ? {
          report: state.report,
          pageParagraphs: state.paragraphs ?? [],
          originalParagraphs: reply?.original?.paragraphs ?? null,
        }
      : null,
    t,
    (run) => setTimeout(run, 0),
  );
}

void main();
