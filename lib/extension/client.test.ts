import { describe, expect, it } from 'vitest';
import { createClient } from './client';
import { answer } from './protocol';

describe('createClient', () => {
  it('sends again after a failure and returns the reply', async () => {
    let calls = 0;
    const client = createClient(async () => {
      if (++calls < 3) throw new Error('Receiving end does not exist');
      return answer(true);
    });
    await expect(client.request<'is-site-enabled'>({ type: 'is-site-enabled' })).resolves.toBe(true);
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(calls).toBeLessThanOrEqual(3);
  });

  it('sends again when the reply is not an answer (the worker stopped before answering)', async () => {
    const replies = [undefined, answer(false)];
    const client = createClient(async () => replies.shift());
    await expect(client.request<'is-site-enabled'>({ type: 'is-site-enabled' })).resolves.toBe(false);
    expect(replies).toEqual([]);
  });

  it('takes an answer of nothing as given, after it travelled as JSON', async () => {
    let calls = 0;
    const client = createClient(async () => {
      calls++;
      return JSON.parse(JSON.stringify(answer(undefined)));
    });
    await expect(client.request<'no-article'>({ type: 'no-article', url: 'https://example.org/' })).resolves.toBe(
      undefined,
    );
    expect(calls).toBe(1);
  });

  it('gives up at its deadline and says why', async () => {
    let calls = 0;
    const client = createClient(async () => {
      calls++;
      throw new Error('gone');
    }, 500);
    await expect(client.request<'import-status'>({ type: 'import-status' })).rejects.toThrow('gone');
    // 100 + 200 ms of waits fit in the deadline, the next 400 do not.
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(calls).toBeLessThanOrEqual(3);
  });
});
