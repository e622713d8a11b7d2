/** Keys of the small values the database keeps in its `meta` store. */
export const META = {
  nextRef: 'nextIndexRef',
  /** Kept by every write: counting an IndexedDB store walks all of it, and every lookup needs the number. */
  originalCount: 'originalCount',
  seedPackVersion: 'seedPackVersion',
  disabledSites: 'disabledSites',
  trustedOutlets: 'trustedOutlets',
  learnedCounts: 'learnedCounts',
  /** What the reader said was wrong, newest first. */
  feedback: 'verdictFeedback',
  /** The person's subscriptions, a short list kept as one value. */
  subscriptions: 'subscriptions',
  /** Ids of originals an upgrade could not index (no usable fingerprint): kept, but found by no page. */
  setAside: 'setAsideByUpgrade',
} as const;
