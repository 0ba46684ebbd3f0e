import type { DataKey } from '../crypto/data-key';
import { openPayload } from '../crypto/payload';

/**
 * A worker that opens a pulled page's payloads (ADR 0015), so a first sync's thousands of
 * decryptions run beside the page storing the previous page, not on its thread. Answers the
 * plaintext of each payload that opens, and null for any that does not: the page works those
 * out itself, with their reasons.
 */

interface Request {
  n: number;
  keys: DataKey[];
  records: { id: string; kind: string; payload: string }[];
}

const scope = globalThis as unknown as {
  addEventListener(type: 'message', listener: (e: MessageEvent<Request>) => void): void;
  postMessage(message: unknown): void;
};

scope.addEventListener('message', (e) => {
  const { n, keys, records } = e.data;
  void Promise.all(records.map((r) => openPayload(keys, r, r.payload).catch(() => null))).then(
    (out) => scope.postMessage({ n, out }),
  );
});
