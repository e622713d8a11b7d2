/**
 * The typed side of sending a message: the reply's type follows from the message's, and a
 * message the background could not take (a service worker stopped mid-reply) is sent again.
 */
import type { Message, MessageType, ProtocolMap, Reply } from './protocol';

/** Tries of a message: a stopped worker can fail a few in a row (over about 3 s). */
export const SEND_ATTEMPTS = 6;

export type Send = (message: Message) => Promise<unknown>;

/** Sends a message through `send` (browser.runtime.sendMessage), retrying with backoff. */
export function createClient(send: Send, attempts = SEND_ATTEMPTS) {
  const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  async function request<K extends MessageType>(message: ProtocolMap[K]['request']): Promise<Reply<K>> {
    for (let attempt = 0; ; attempt++) {
      try {
        return (await send(message)) as Reply<K>;
      } catch (error) {
        // A stopped background worker is started by the message; if it was stopped mid-reply,
        // ask again, a little later each time, since the browser may stop it again while it starts.
        if (attempt >= attempts - 1) throw error;
        await pause(100 * 2 ** attempt);
      }
    }
  }
  return { request };
}

export type Client = ReturnType<typeof createClient>;
