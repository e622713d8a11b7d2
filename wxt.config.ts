import { defineConfig } from 'wxt';

/**
 * Readability writes HTML strings into its (cloned, script-less) document twice: to restore
 * the page between attempts and to unwrap <noscript> images. Both become node copies here,
 * so the extension assigns no HTML strings anywhere (and `web-ext lint` has nothing to flag).
 * The build fails if Readability's code changes and a rewrite no longer applies.
 */
function readabilityWithoutInnerHtml() {
  const rewrites: [string, string][] = [
    ['var pageCacheHtml = page.innerHTML;', 'var pageCache = page.cloneNode(true);'],
    ['page.innerHTML = pageCacheHtml;', 'page.replaceChildren(...pageCache.cloneNode(true).childNodes);'],
    ['tmp.innerHTML = noscript.innerHTML;', 'tmp.replaceChildren(...noscript.cloneNode(true).childNodes);'],
  ];
  return {
    name: 'upstream:readability-without-innerhtml',
    transform(code: string, id: string) {
      if (!id.replace(/\\/g, '/').endsWith('@mozilla/readability/Readability.js')) return null;
      let out = code;
      for (const [from, to] of rewrites) {
        if (!out.includes(from)) throw new Error(`Readability changed: cannot rewrite "${from}"`);
        out = out.replace(from, to);
      }
      return { code: out, map: null };
    },
  };
}

const SUBSCRIPTION_HOSTS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];

const STRICT_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

// See https://wxt.dev/api/config.html
export default defineConfig({
  imports: false,
  vite: () => ({ plugins: [readabilityWithoutInnerHtml()] }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Upstream',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // alarms: refreshing subscriptions on their schedule. unlimitedStorage: a store of many
    // originals is the person's data, not a cache the browser may evict or cap.
    // offscreen (Chrome): a document where a followed feed's article pages are read (its worker has no DOM).
    permissions: ['alarms', 'unlimitedStorage', ...(browser === 'firefox' ? [] : ['offscreen'])],
    // entrypoints/reader.ts, a plain script: WXT's content-script wrapper costs every page a few ms.
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['reader.js'], run_at: 'document_idle' }],
    // Asked for one host at a time, when the person subscribes to a list there (https, or this computer).
    ...(manifestVersion === 3
      ? { optional_host_permissions: SUBSCRIPTION_HOSTS }
      : { optional_permissions: SUBSCRIPTION_HOSTS }),
    // Only the extension's own scripts run on its pages: no eval, no remote code, no plugins.
    content_security_policy:
      manifestVersion === 3 ? { extension_pages: STRICT_CSP } : (STRICT_CSP as unknown as { extension_pages: string }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'upstream@upstream-provenance.org',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
