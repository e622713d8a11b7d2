import { describe, expect, it } from 'vitest';
import { senderOf } from './sender';

const ID = 'upstream-id';
const ORIGIN = 'chrome-extension://upstream-id/';
const page = { id: ID, url: 'https://news.example/a', tab: { id: 7 } };

describe('senderOf', () => {
  it("takes a tab's top document at the address the browser gives", () => {
    expect(senderOf({ ...page, frameId: 0 }, ID, ORIGIN)).toEqual({
      kind: 'content-script',
      tabId: 7,
      url: 'https://news.example/a',
    });
  });

  it('takes a page Chrome prerendered, once it is shown, whatever its frame id', () => {
    expect(senderOf({ ...page, frameId: 697, documentLifecycle: 'active' }, ID, ORIGIN)).toMatchObject({ tabId: 7 });
  });

  it('refuses a prerendered page still hidden, and frames inside a page', () => {
    expect(senderOf({ ...page, frameId: 697, documentLifecycle: 'prerender' }, ID, ORIGIN)).toBeNull();
    expect(senderOf({ ...page, frameId: 3 }, ID, ORIGIN)).toBeNull();
  });

  it('refuses other extensions and tells its own pages apart', () => {
    expect(senderOf({ ...page, id: 'other', frameId: 0 }, ID, ORIGIN)).toBeNull();
    expect(senderOf({ id: ID, url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toEqual({ kind: 'extension-page' });
  });
});
