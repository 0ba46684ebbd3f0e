import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { kekForBox, kekFromBox } from '../crypto/box';
import { createDataKey, rewrapDataKey, unwrapDataKey } from '../crypto/data-key';
import { kekFromRecoveryKey } from '../crypto/keks';
import type { KeyStore, LinkState } from '../crypto/key-store-protocol';
import {
  keepsCommitment,
  linkCommitment,
  linkKek,
  newLinkKeys,
  safetyNumber,
  type LinkKeys,
} from '../crypto/link';
import { openPayload, sealPayload } from '../crypto/payload';
import { clearKeyring, readKeyring } from '../storage/keyring-store';
import { createAccountKey, type KeysApi } from './keyring';
import type { LinkApi } from './link-api';
import { LinkProblem, offerKey, receiveKey, waitForLink, type Deps } from './link-keys';
import { SyncError } from './remote';

const CODE = 'ABCD-EFGH';
const at = { id: 'draft-2026-11-16', kind: 'draft' };

/** The server's key store in memory, with its rules for boxes and copies left out. */
function memoryKeys(): KeysApi & { store: KeyStore } {
  const store: KeyStore = { currentKeyId: null, keys: [], boxes: [], copies: [] };
  return {
    store,
    fetchKeyStore: () => Promise.resolve(structuredClone(store)),
    registerBox(box) {
      const id = randomUUID();
      store.boxes.push({
        id,
        kind: box.kind,
        publicKey: box.publicKey,
        sealed: 'sealed' in box ? box.sealed : null,
        deviceId: null,
        credentialId: null,
        createdAt: new Date().toISOString(),
      });
      return Promise.resolve(id);
    },
    dropBox: () => Promise.resolve(),
    storeDataKey(keyId, _replaces, copies) {
      store.currentKeyId = keyId;
      store.keys.push({ keyId, createdAt: new Date().toISOString() });
      store.copies.push(...copies.map((c) => ({ ...c, keyId })));
      return Promise.resolve();
    },
    addCopies(keyId, copies) {
      store.copies.push(...copies.map((c) => ({ ...c, keyId })));
      return Promise.resolve();
    },
  };
}

/** The relay's rules (server/auth/key-links.ts) in memory: each device sees it through `as`. */
function memoryRelay() {
  const links = new Map<string, Omit<LinkState, 'role'> & { old: string; new: string | null }>();
  const missing = () => new SyncError('refused', 'No such link.', 404);
  const as = (device: string): LinkApi => {
    const view = (id: string): LinkState => {
      const row = links.get(id);
      const role = row?.old === device ? 'old' : row?.new === device ? 'new' : null;
      if (!row || !role) throw missing();
      const { old: _o, new: _n, ...state } = row;
      return { ...state, role };
    };
    return {
      openLink: () => {
        const id = randomUUID();
        links.set(id, {
          id,
          old: device,
          new: null,
          commitment: null,
          oldPublicKey: null,
          newPublicKey: null,
          wrapped: null,
          expiresAt: '2099-01-01T00:00:00.000Z',
        });
        return Promise.resolve({ id });
      },
      joinLink: (_code, commitment) => {
        const row = [...links.values()].find((l) => l.new === null && l.old !== device);
        if (!row) return Promise.reject(missing());
        Object.assign(row, { new: device, commitment });
        return Promise.resolve({ id: row.id });
      },
      readLink: (id) => Promise.resolve().then(() => view(id)),
      writeStep: (id, step, value) =>
        Promise.resolve().then(() => {
          const row = links.get(id)!;
          const [field, by, after] = {
            'old-key': ['oldPublicKey', 'old', row.commitment],
            'new-key': ['newPublicKey', 'new', row.oldPublicKey],
            wrapped: ['wrapped', 'old', row.newPublicKey],
          }[step] as ['oldPublicKey' | 'newPublicKey' | 'wrapped', string, string | null];
          if (view(id).role !== by || row[field] || !after) throw new SyncError('refused', '', 409);
          row[field] = value;
          return view(id);
        }),
      closeLink: (id) => Promise.resolve().then(() => void (view(id) && links.delete(id))),
    };
  };
  return { as, links };
}

const deps = (links: LinkApi, keys: KeysApi): Deps => ({
  links,
  keys,
  interval: 1,
  signal: new AbortController().signal,
});

/** Waits for what `pick` finds on the relay, as a scripted device does. */
async function until<T>(api: LinkApi, id: () => string | undefined, pick: (l: LinkState) => T) {
  for (;;) {
    const linkId = id();
    const found = linkId ? pick(await api.readLink(linkId)) : null;
    if (found) return found;
    await new Promise((r) => setTimeout(r, 1));
  }
}

beforeEach(() => clearKeyring());

describe('the new device receiving the key', () => {
  /** An account whose key an old device holds (scripted here with the crypto module). */
  async function account() {
    const keys = memoryKeys();
    const recovery = await kekFromRecoveryKey(crypto.getRandomValues(new Uint8Array(32)));
    const { dataKey, wrapped } = await createDataKey([{ kek: recovery, kind: 'recovery' }]);
    keys.store.currentKeyId = dataKey.id;
    keys.store.keys.push({ keyId: dataKey.id, createdAt: '2026-11-16T09:00:00.000Z' });
    return { keys, recovery, dataKey, copy: wrapped[0]!.text };
  }

  /** The old device's side, honest unless told to wrap the relay's copy with another key. */
  async function oldSide(
    relay: ReturnType<typeof memoryRelay>,
    acc: Awaited<ReturnType<typeof account>>,
    shown: Promise<string>,
    options: { wrapWith?: LinkKeys } = {},
  ) {
    const api = relay.as('old-device');
    const { id } = await api.openLink(CODE);
    const commitment = await until(
      api,
      () => id,
      (l) => l.commitment,
    );
    const own = await newLinkKeys();
    await api.writeStep(id, 'old-key', own.publicKey);
    const newKey = await until(
      api,
      () => id,
      (l) => l.newPublicKey,
    );
    expect(await keepsCommitment(newKey, commitment)).toBe(true);
    expect(await shown).toBe(await safetyNumber(own.publicKey, newKey));
    const box = acc.keys.store.boxes.find((b) => b.publicKey === newKey)!;
    const to = await kekForBox(box.publicKey);
    const copy = await rewrapDataKey(acc.copy, acc.recovery, to.kek, 'device');
    await acc.keys.addCopies(acc.dataKey.id, [
      { boxId: box.id, sender: to.sender, wrapped: copy.text },
    ]);
    const forLink = await linkKek(options.wrapWith ?? own, newKey, 'old');
    const relayed = await rewrapDataKey(acc.copy, acc.recovery, forLink, 'device');
    await api.writeStep(id, 'wrapped', relayed.text);
  }

  it('commits to its box, shows the safety number and ends up holding the key', async () => {
    const acc = await account();
    const relay = memoryRelay();
    let show!: (n: string) => void;
    const shown = new Promise<string>((resolve) => (show = resolve));
    const old = oldSide(relay, acc, shown);
    const state = await receiveKey(
      CODE,
      'new-device',
      show,
      deps(relay.as('new-device'), acc.keys),
    );
    await old;
    expect(state).toBe('open');
    const ring = await readKeyring();
    expect(ring.current?.id).toBe(acc.dataKey.id);
    const sealed = await sealPayload(acc.dataKey, at, '{"body":"Monday"}');
    expect(await openPayload(ring.current!, at, sealed)).toBe('{"body":"Monday"}');
    // The key it committed to is its box's, registered before it joined.
    const [link] = [...relay.links.values()];
    expect(link!.newPublicKey).toBe(ring.box!.keys.publicKey);
    expect(link!.commitment).toBe(await linkCommitment(ring.box!.keys.publicKey));
  });

  it('refuses a wrapped key on the relay not made with the key it agreed with the old device', async () => {
    const acc = await account();
    const relay = memoryRelay();
    let show!: (n: string) => void;
    const shown = new Promise<string>((resolve) => (show = resolve));
    const old = oldSide(relay, acc, shown, { wrapWith: await newLinkKeys() });
    const received = receiveKey(CODE, 'new-device', show, deps(relay.as('new-device'), acc.keys));
    await expect(received).rejects.toThrow(/server changed what the two devices sent/);
    await old;
    expect((await readKeyring()).current).toBeNull();
  });

  it('says the link was stopped when the old device closes it', async () => {
    const acc = await account();
    const relay = memoryRelay();
    const api = relay.as('old-device');
    const { id } = await api.openLink(CODE);
    const received = receiveKey(
      CODE,
      'new-device',
      () => undefined,
      deps(relay.as('new-device'), acc.keys),
    );
    await until(
      api,
      () => id,
      (l) => l.commitment,
    );
    await api.closeLink(id);
    await expect(received).rejects.toThrow(LinkProblem);
    await expect(received).rejects.toThrow(/stopped on your other device/);
  });

  it('says the other device is not handing over when no relay was opened', async () => {
    const acc = await account();
    const relay = memoryRelay();
    const received = receiveKey(
      CODE,
      'new-device',
      () => undefined,
      deps(relay.as('new-device'), acc.keys),
    );
    await expect(received).rejects.toThrow(/not handing over the key/);
  });
});

describe('the old device offering the key', () => {
  /** This device holds the account's first key; a new device scripted with the crypto module. */
  async function setUp(options: { commitTo?: LinkKeys } = {}) {
    const keys = memoryKeys();
    await createAccountKey(keys, 'old-device', []);
    const relay = memoryRelay();
    const newBox = await newLinkKeys();
    const boxId = await keys.registerBox({ kind: 'device', publicKey: newBox.publicKey });
    let linkId: string | undefined;
    const newSide = (async () => {
      const api = relay.as('new-device');
      const committed = options.commitTo ?? newBox;
      for (;;) {
        try {
          linkId = (await api.joinLink(CODE, await linkCommitment(committed.publicKey))).id;
          break;
        } catch {
          await new Promise((r) => setTimeout(r, 1));
        }
      }
      const oldKey = await until(
        api,
        () => linkId,
        (l) => l.oldPublicKey,
      );
      await api.writeStep(linkId, 'new-key', newBox.publicKey);
      return safetyNumber(oldKey, newBox.publicKey);
    })();
    return { keys, relay, newBox, boxId, newSide, id: () => linkId };
  }

  it('hands every key over for the new box once the writer says the numbers match', async () => {
    const t = await setUp();
    let asked: string | null = null;
    const result = await offerKey(
      CODE,
      async (n) => {
        asked = n;
        return n === (await t.newSide);
      },
      () => undefined,
      deps(t.relay.as('old-device'), t.keys),
    );
    expect(result).toBe('linked');
    expect(asked).toMatch(/^\d{3} \d{3}$/);
    const ring = await readKeyring();
    const copy = t.keys.store.copies.find((c) => c.boxId === t.boxId)!;
    const opened = await unwrapDataKey(copy.wrapped, await kekFromBox(t.newBox, copy.sender));
    expect(opened.id).toBe(ring.current!.id);
    const link = t.relay.links.get(t.id()!)!;
    const fromRelay = await unwrapDataKey(
      link.wrapped!,
      await linkKek(t.newBox, link.oldPublicKey!, 'new'),
    );
    expect(fromRelay.id).toBe(ring.current!.id);
  });

  it('stops and hands nothing over when the writer says they do not match', async () => {
    const t = await setUp();
    const result = await offerKey(
      CODE,
      async () => {
        await t.newSide;
        return false;
      },
      () => undefined,
      deps(t.relay.as('old-device'), t.keys),
    );
    expect(result).toBe('stopped');
    expect(t.relay.links.size).toBe(0);
    expect(t.keys.store.copies.filter((c) => c.boxId === t.boxId)).toEqual([]);
  });

  it('refuses a new key that is not the one committed to, without asking', async () => {
    const t = await setUp({ commitTo: await newLinkKeys() });
    let asked = false;
    const offered = offerKey(
      CODE,
      () => {
        asked = true;
        return Promise.resolve(true);
      },
      () => undefined,
      deps(t.relay.as('old-device'), t.keys),
    );
    await expect(offered).rejects.toThrow(/server changed what the two devices sent/);
    expect(asked).toBe(false);
    expect(t.relay.links.size).toBe(0);
    expect(t.keys.store.copies.filter((c) => c.boxId === t.boxId)).toEqual([]);
  });
});

describe('waiting on the relay', () => {
  const state = (wrapped: string | null): LinkState => ({
    id: 'l',
    role: 'new',
    commitment: 'c',
    oldPublicKey: null,
    newPublicKey: null,
    wrapped,
    expiresAt: '2099-01-01T00:00:00.000Z',
  });
  /** A relay that answers each look with the next of `answers` (an Error is thrown). */
  function scripted(answers: (LinkState | Error)[]): LinkApi & { looks: number } {
    const api = {
      looks: 0,
      readLink: () => {
        const next = answers[Math.min(api.looks++, answers.length - 1)]!;
        return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
      },
    };
    return api as unknown as LinkApi & { looks: number };
  }
  const wrapped = (l: LinkState) => l.wrapped;

  it('looks again until the step is there, waiting out a lost connection', async () => {
    const api = scripted([
      state(null),
      new SyncError('offline', 'No connection.'),
      state(null),
      state('wnk.x'),
    ]);
    expect(await waitForLink(deps(api, memoryKeys()), 'l', wrapped)).toBe('wnk.x');
    expect(api.looks).toBe(4);
  });

  it('says the link is gone, in the words given, when the relay no longer has it', async () => {
    const api = scripted([state(null), new SyncError('refused', 'No such link.', 404)]);
    const waiting = waitForLink(deps(api, memoryKeys()), 'l', wrapped, 'Gone.');
    await expect(waiting).rejects.toThrow(new LinkProblem('Gone.'));
  });

  it('passes on other refusals, and stops looking when the screen goes', async () => {
    const signedOut = scripted([new SyncError('signed-out', 'Signed out.', 401)]);
    await expect(waitForLink(deps(signedOut, memoryKeys()), 'l', wrapped)).rejects.toThrow(
      'Signed out.',
    );
    const stop = new AbortController();
    const api = scripted([state(null)]);
    const waiting = waitForLink(
      { ...deps(api, memoryKeys()), interval: 50, signal: stop.signal },
      'l',
      wrapped,
    );
    stop.abort(new DOMException('Left', 'AbortError'));
    await expect(waiting).rejects.toThrow('Left');
    const looks = api.looks;
    await new Promise((r) => setTimeout(r, 120));
    expect(api.looks).toBe(looks);
  });
});
