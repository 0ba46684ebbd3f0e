import { isCryptoProblem } from '../crypto/crypto-problem';
import type { DataKey } from '../crypto/data-key';
import { isSealedPayload, openPayload, payloadKeyId, sealPayload } from '../crypto/payload';
import { openMany } from './open-many';
import type { Mutation, SyncRecord } from './protocol';
import type { ReceivedPage, ReceivedRecord, Remote } from './remote';

/**
 * The server, with every payload sealed on the way out and opened on the way in (ADR 0015), so
 * the store and the merges keep working on plaintext. A payload that does not open reaches the
 * store with `problem` saying why, and fails alone: nothing local is overwritten with it.
 */
export interface SealingKeys {
  /** Seals every payload pushed. */
  current: DataKey;
  /** Opens payloads: the current key and any kept from before a rotation. */
  keys: readonly DataKey[];
  /**
   * Asked when a payload names a key this device does not hold: fetches the keys again. Answers
   * the keys now held, and whether that key is one of the account's (so worth waiting for).
   */
  missing(keyId: string): Promise<{ keys: readonly DataKey[]; accountHas: boolean }>;
  /**
   * Given while this device re-seals an account from before encryption: a plaintext payload
   * (another device's, pushed just before the account's key was made) is read, and told here so
   * it is sealed too. Without it, plaintext is refused.
   */
  plaintext?: (record: Pick<SyncRecord, 'id' | 'kind'>) => void;
}

type Opened = ReceivedRecord | { wait: string };

export function sealedRemote(inner: Remote, sealing: SealingKeys): Remote {
  let keys = sealing.keys;
  // Records sealed with one missing key arrive together: the keys are fetched once for them.
  const asked = new Map<string, ReturnType<SealingKeys['missing']>>();
  const missing = (keyId: string) => {
    let answer = asked.get(keyId);
    if (!answer) {
      answer = sealing.missing(keyId);
      asked.set(keyId, answer);
    }
    return answer;
  };

  async function open(record: SyncRecord): Promise<Opened> {
    if (record.payload === '') return record;
    if (!isSealedPayload(record.payload)) {
      if (sealing.plaintext) {
        sealing.plaintext(record);
        return record;
      }
      return {
        ...record,
        payload: '',
        problem: 'it is not encrypted, and this account’s records must be',
        replaceable: true,
      };
    }
    try {
      return { ...record, payload: await openPayload(keys, record, record.payload) };
    } catch (err) {
      if (!isCryptoProblem(err)) throw err;
      if (err.reason === 'unknown-key') {
        const keyId = payloadKeyId(record.payload);
        const found = await missing(keyId);
        if (found.keys.some((k) => k.id === keyId)) {
          keys = found.keys;
          return open(record);
        }
        if (found.accountHas)
          return { wait: 'sealed with a newer key this device has not been given yet' };
        return {
          ...record,
          payload: '',
          problem: 'it is sealed with a key that is not this account’s',
          replaceable: true,
        };
      }
      return { ...record, payload: '', problem: err.message, replaceable: true };
    }
  }

  const seal = (mutations: Mutation[]): Promise<Mutation[]> =>
    Promise.all(
      mutations.map(async (m) =>
        m.payload === '' ? m : { ...m, payload: await sealPayload(sealing.current, m, m.payload) },
      ),
    );
  // Batches sealed ahead, while the one before is on the network.
  const ready = new WeakMap<Mutation[], Promise<Mutation[]>>();

  return {
    prepare(mutations) {
      const sealed = seal(mutations);
      sealed.catch(() => undefined); // met when pushed, not as an unhandled rejection
      ready.set(mutations, sealed);
    },
    async push(mutations) {
      const sealed = await (ready.get(mutations) ?? seal(mutations));
      ready.delete(mutations);
      const results = await inner.push(sealed);
      // What the server applied is what was sealed: its plaintext is at hand, not to be opened.
      const sent = new Map(mutations.map((m) => [m.mutationId, m.payload]));
      return Promise.all(
        results.map(async (r) => {
          const mine = sent.get(r.mutationId);
          if ((r.status === 'applied' || r.replayed === 'applied') && mine !== undefined) {
            return { ...r, record: { ...r.record, payload: mine } };
          }
          const opened = await open(r.record);
          const record: ReceivedRecord =
            'wait' in opened ? { ...r.record, payload: '', problem: opened.wait } : opened;
          return { ...r, record };
        }),
      );
    },
    async pull(since, limit) {
      const page = await inner.pull(since, limit);
      // Opened in a worker where there is one; what it could not open is worked out here.
      const fast = (await openMany(keys, page.changes)) ?? [];
      const opened = await Promise.all(
        page.changes.map(async (c, i): Promise<Opened> => {
          const plain = fast[i];
          return typeof plain === 'string' ? { ...c, payload: plain } : open(c);
        }),
      );
      const changes: ReceivedRecord[] = [];
      for (const [i, one] of opened.entries()) {
        if ('wait' in one) {
          // The cursor must not pass it: the page ends before it, and it is pulled again.
          const change = page.changes[i]!;
          return {
            changes,
            cursor: changes.at(-1)?.seq ?? since,
            more: false,
            heldBack: { id: change.id, kind: change.kind, reason: one.wait },
          } satisfies ReceivedPage;
        }
        changes.push(one);
      }
      return { ...page, changes };
    },
  };
}
