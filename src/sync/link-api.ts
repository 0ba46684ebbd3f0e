import { linkStateSchema, type LinkState } from '../crypto/key-store-protocol';
import { z } from '../validation/zod';
import { requestJson } from './remote';

/**
 * The server's relay for a link's key hand-over (server/auth/key-links.ts): what each device
 * writes there is opaque to the server (a commitment, public keys, a wrapped key).
 */
export interface LinkApi {
  /** The old device opens the relay for the link code it just made. */
  openLink(code: string): Promise<{ id: string }>;
  /** The new device, signed in with the code, joins with its commitment. */
  joinLink(code: string, commitment: string): Promise<{ id: string }>;
  readLink(id: string): Promise<LinkState>;
  writeStep(id: string, step: 'old-key' | 'new-key' | 'wrapped', value: string): Promise<LinkState>;
  closeLink(id: string): Promise<void>;
}

const opened = z.object({ id: z.string(), expiresAt: z.string() });
const path = (id: string): string => `/api/keys/links/${encodeURIComponent(id)}`;

export const httpLinkApi: LinkApi = {
  openLink: (code) => requestJson('/api/keys/links', opened, { method: 'POST', body: { code } }),
  joinLink: (code, commitment) =>
    requestJson('/api/keys/links/join', opened, { method: 'POST', body: { code, commitment } }),
  readLink: (id) => requestJson(path(id), linkStateSchema),
  writeStep: (id, step, value) =>
    requestJson(`${path(id)}/${step}`, linkStateSchema, {
      method: 'PUT',
      body: step === 'wrapped' ? { wrapped: value } : { publicKey: value },
    }),
  async closeLink(id) {
    await requestJson(path(id), z.object({}).loose(), { method: 'DELETE', body: {} });
  },
};
