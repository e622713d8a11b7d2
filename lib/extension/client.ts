/**
 * The typed side of sending a message: the reply's type follows from the message's, and a
 * message the background could not take or did not answer (a service worker stopped,
 * restarting, or starved of CPU) is sent again until it is answered or a deadline passes.
 */
import { isAnswer, type Message, type MessageType, type ProtocolMap, type Reply } from './protocol';

/** How long a message is tried before the sender gives up: a busy machine can take seconds to start a worker. */
export const DELIVERY_DEADLINE_MS = 30_000;
const FIRST_RETRY_MS = 100;
const LONGEST_RETRY_MS = 2_000;

export type Send = (message: Message) => Promise<unknown>;

/** Sends messages through `send` (browser.runtime.sendMessage), retrying with backoff until the deadline. */
export function createClient(send: Send, deadlineMs = DELIVERY_DEADLINE_MS) {
  const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  async function request<K extends MessageType>(message: ProtocolMap[K]['request']): Promise<Reply<K>> {
    const deadline = Date.now() + deadlineMs;
    for (let wait = FIRST_RETRY_MS; ; wait = Math.min(LONGEST_RETRY_MS, wait * 2)) {
      try {
        const reply = await send(message);
        if (isAnswer(reply)) return reply.answer as Reply<K>;
        throw new Error(`The background did not answer "${message.type}"`);
      } catch (error) {
        // A stopped worker is started by the message; if it was stopped before answering, or is
        // still starting, ask again a little later each time.
        if (Date.now() + wait > deadline) throw error;
        await pause(wait);
      }
    }
  }
  return { request };
}

export type Client = ReturnType<typeof createClient>;
