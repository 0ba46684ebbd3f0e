/** The shapes publishing keeps on this device. None of them syncs or goes into a backup. */

/** A blog the writer connected on this device. Its credential is kept apart, sealed (secrets.ts). */
export interface Destination {
  id: string;
  kind: 'wordpress' | 'micropub';
  /** The blog's name as it gives it, for "Publish to <name>". */
  name: string;
  /** The blog's address as the writer connected it, without a trailing slash. */
  site: string;
  /** WordPress: the REST API root, ending in `/` (e.g. `https://example.blog/wp-json/`). */
  apiRoot?: string;
  /** WordPress: the user name the application password belongs to. */
  username?: string;
  /** Micropub: the endpoint posts are sent to, and the writer's own URL (`me`). */
  micropubEndpoint?: string;
  me?: string;
  /** Micropub: whether the endpoint lists posts (`q=source` without a URL). */
  canListPosts?: boolean;
  /** How a weeknote is sent unless the writer says otherwise. */
  postStatus: 'draft' | 'publish';
  isDefault: boolean;
  createdAt: string;
}

/** Why the last attempt failed, in words the writer can act on. */
export interface PublishFailure {
  code: string;
  message: string;
  /** Whether it is tried again on its own (network trouble, a busy blog) or waits for Retry. */
  retrying: boolean;
}

/**
 * A weeknote waiting to go to a blog: one per draft. Written in the same transaction as the
 * draft's text, and deleted in the same transaction that records the post on the draft.
 */
export interface PublishJob {
  draftId: string;
  destinationId: string;
  postStatus: 'draft' | 'publish';
  state: 'waiting' | 'sending' | 'failed';
  queuedAt: string;
  attempts: number;
  /** Not tried before this time (ISO 8601): the backoff after a failure. */
  notBefore: string;
  failure: PublishFailure | null;
  /** A token hidden in the post (an HTML comment), to find it if the blog's answer was lost. */
  marker: string;
  /**
   * Set before a new post is sent and cleared when the answer arrives: while set, the blog may
   * have made the post without our hearing, so the next attempt looks for it before making one.
   */
  uncertain: boolean;
  /** The writer chose to send it again although the blog could not be searched for it. */
  forceCreate?: boolean;
}

/** A credential sealed with this device's own key. */
export interface SealedSecret {
  id: string;
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

/** This device's key for sealing credentials: made in the browser, never extractable. */
export interface DeviceKey {
  id: 'secrets';
  key: CryptoKey;
}
