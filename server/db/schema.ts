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
}
