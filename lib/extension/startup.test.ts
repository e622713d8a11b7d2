import { describe, expect, it } from 'vitest';
import { createStartup } from './startup';

const quota = () => Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });

describe('createStartup', () => {
  it('answers with the store open when the seed pack cannot be installed, and says the disk is full', async () => {
    const startup = createStartup({ open: async () => 'service', seed: async () => Promise.reject(quota()) });
    expect(await startup.use((s) => s)).toBe('service');
    expect(await startup.health()).toEqual({ problem: 'full', detail: expect.stringContaining('quota') });
  });

  it('says the store is unavailable, and opens it at the next message once it can', async () => {
    let fail = true;
    const startup = createStartup({
      open: async () => (fail ? Promise.reject(new Error('blocked')) : 'service'),
      seed: async () => undefined,
    });
    await expect(startup.use((s) => s)).rejects.toThrow('blocked');
    expect(await startup.health()).toEqual({ problem: 'unavailable', detail: 'Error: blocked' });
    fail = false;
    expect(await startup.use((s) => s)).toBe('service');
    expect(await startup.health()).toEqual({ problem: null });
  });
});
