/** The server's tables, as Kysely sees them. Times are ISO 8601 text; booleans are 0/1. */
export interface UsersTable {
  id: string;
  /** The last change number given to this user's records. */
  seq: number;
  created_at: string;
}

export interface DevicesTable {
  id: string;
  user_id: string;
  name: string;
  created_at: string;
  last_seen_at: string;
  revoked_at: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the session token; the token itself is only ever in the cookie. */
  id_hash: string;
  user_id: string;
  device_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface CredentialsTable {
  /** The passkey's credential id (base64url). */
  id: string;
  user_id: string;
  public_key: string;
  counter: number;
  transports: string;
  created_at: string;
  last_used_at: string | null;
}

export interface RecoveryCodesTable {
  code_hash: string;
  user_id: string;
  used_at: string | null;
}

export interface LinkCodesTable {
  code_hash: string;
  user_id: string;
  expires_at: string;
  used_at: string | null;
}

export interface ChallengesTable {
  id: string;
  challenge: string;
  purpose: string;
  user_id: string | null;
  expires_at: string;
}

export interface RecordsTable {
  user_id: string;
  id: string;
  kind: string;
  version: number;
  seq: number;
  updated_at: string;
  deleted: number;
  payload: string;
}

export interface MutationsTable {
  user_id: string;
  mutation_id: string;
  result: string;
  created_at: string;
}

/** The server's VAPID key pair (base64url, as the web-push package takes them): one row, id 1. */
export interface VapidKeysTable {
  id: number;
  public_key: string;
  /** Never logged nor sent anywhere. */
  private_key: string;
  created_at: string;
}

/** A browser's push subscription, for one device of one writer. */
export interface PushSubscriptionsTable {
  endpoint: string;
  user_id: string;
  device_id: string;
  /** The browser's P-256 public key and auth secret (base64url), for RFC 8291 encryption. */
  p256dh: string;
  auth: string;
  created_at: string;
}

/** When a writer wants to be reminded, in their own time zone. */
export interface ReminderSettingsTable {
  user_id: string;
  enabled: number;
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
  /** HH:MM, local time in time_zone. */
  time: string;
  /** IANA time zone, e.g. Europe/London. */
  time_zone: string;
  nudge_weekday: number | null;
  nudge_time: string | null;
  /** The device shows the nudge when fewer than this many moments were captured this week. */
  nudge_fewer_than: number | null;
  updated_at: string;
}

/** The next instant each reminder is due: one row per writer and kind ('weekly' or 'nudge'). */
export interface ReminderScheduleTable {
  user_id: string;
  kind: string;
  /** ISO 8601 in UTC (toISOString), so text order is time order. */
  due_at: string;
}

/** An account's data key (ADR 0015), by id; the one not replaced is current. */
export interface DataKeysTable {
  user_id: string;
  key_id: string;
  created_at: string;
  replaced_at: string | null;
}

/** A way in to the data key: a device's box, or a passkey's or the recovery key's, sealed. */
export interface KeyBoxesTable {
  id: string;
  user_id: string;
  /** 'device', 'prf' or 'recovery'. */
  kind: string;
  public_key: string;
  /** The box's private key sealed with a PRF or recovery KEK; null for a device's box. */
  sealed: string | null;
  device_id: string | null;
  credential_id: string | null;
  created_at: string;
}

/** A copy of a data key wrapped for a box: opaque to the server. */
export interface WrappedKeysTable {
  box_id: string;
  key_id: string;
  user_id: string;
  sender: string;
  wrapped: string;
  created_at: string;
}

/** A link's relay between the old device and the new one: public keys and a wrapped key. */
export interface KeyLinksTable {
  id: string;
  user_id: string;
  /** SHA-256 of the link code both devices know. */
  code_hash: string;
  old_device_id: string;
  new_device_id: string | null;
  commitment: string | null;
  old_public_key: string | null;
  new_public_key: string | null;
  wrapped: string | null;
  expires_at: string;
}

export interface Database {
  users: UsersTable;
  devices: DevicesTable;
  sessions: SessionsTable;
  credentials: CredentialsTable;
  recovery_codes: RecoveryCodesTable;
  link_codes: LinkCodesTable;
  challenges: ChallengesTable;
  records: RecordsTable;
  mutations: MutationsTable;
  vapid_keys: VapidKeysTable;
  push_subscriptions: PushSubscriptionsTable;
  reminder_settings: ReminderSettingsTable;
  reminder_schedule: ReminderScheduleTable;
  data_keys: DataKeysTable;
  key_boxes: KeyBoxesTable;
  wrapped_keys: WrappedKeysTable;
  key_links: KeyLinksTable;
}
