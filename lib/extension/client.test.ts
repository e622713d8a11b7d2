import { describe, expect, it } from 'vitest';
import { createClient } from './client';

describe('createClient', () => {
  it('sends again after a failure and returns the reply', async () => {
    let calls = 0;
    const client = createClient(async () => {
      if (++calls < 3) throw new Error('Receiving end does not exist');
      return true;
    });
    await expect(client.request<'is-site-enabled'>({ type: 'is-site-enabled' })).resolves.toBe(true);
    expect(calls).toBe(3);
  });

  it('gives up after its attempts and says why', async () => {
    const client = createClient(async () => {
      throw new Error('gone');
    }, 2);
    await expect(client.request<'import-status'>({ type: 'import-status' })).rejects.toThrow('gone');
  });
});
