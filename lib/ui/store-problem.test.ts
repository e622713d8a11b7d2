import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { translateEnglish as t } from './i18n';
import { storeProblemView } from './store-problem';

const doc = () => parseHTML('<html><body></body></html>').document as unknown as Document;

describe('storeProblemView', () => {
  it('says nothing when the store is fine', () => {
    expect(storeProblemView(doc(), { problem: null }, t, {})).toBeNull();
  });

  it('tells a person with a full store to delete or export, and leads to the settings', () => {
    let opened = 0;
    const view = storeProblemView(doc(), { problem: 'full' }, t, { openSettings: () => opened++ })!;
    expect(view.textContent).toContain('Delete or export originals');
    (view.querySelector('[data-testid="open-settings"]') as HTMLElement).click();
    expect(opened).toBe(1);
    expect(view.querySelector('[data-testid="delete-store"]')).toBeNull();
  });

  it("gives the browser's reason when the store cannot be opened, and offers to start again", () => {
    let deleted = 0;
    const view = storeProblemView(doc(), { problem: 'unavailable', detail: 'UnknownError: disk' }, t, {
      deleteStore: () => deleted++,
    })!;
    expect(view.getAttribute('role')).toBe('alert');
    expect(view.textContent).toContain('UnknownError: disk');
    (view.querySelector('[data-testid="delete-store"]') as HTMLElement).click();
    expect(deleted).toBe(1);
  });
});
