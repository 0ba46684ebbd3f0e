import { randomBytes } from 'node:crypto';

/**
 * For tests: values shaped as the crypto module makes them (src/crypto/). The server checks
 * shapes only, so random bytes do; tests/integration/key-store-crypto.test.ts runs the real
 * crypto through the same routes.
 */
export const fakeKeys = {
  publicKey: () => Buffer.concat([Buffer.of(4), randomBytes(64)]).toString('base64url'),
  keyId: () => randomBytes(8).toString('hex'),
  wrapped: () => `wnk.${randomBytes(70).toString('base64url')}`,
  sealed: () => `wnb.${randomBytes(240).toString('base64url')}`,
  commitment: () => randomBytes(32).toString('base64url'),
};
