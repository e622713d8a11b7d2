/**
 * The extension's messaging: the protocol and its validation, a typed client, the
 * background's service, and the content script's page message.
 */
export { createClient, type Client } from './client';
export { pageMessageOf, pageMessageSteps, readArticleHtml, type PageMessage } from './page-message';
export {
  answer,
  MAX_IMPORT_CHUNK,
  mayBeSentFrom,
  parseMessage,
  type Message,
  type ProtocolMap,
  type Reply,
} from './protocol';
export { senderOf } from './sender';
export { createStartup } from './startup';
export { createService, onDomain, type Sender } from './service';
export { accessPattern, packAddress } from './subscriptions';
export { accessesToGiveBack, FEED_EVERY_HOURS, followFeeds, type FeedToFollow, type FollowEnvironment } from './follow';
