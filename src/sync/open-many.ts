import type { DataKey } from '../crypto/data-key';

/**
 * Opens many payloads in a worker (open-worker.ts), where there are workers: each answer is the
 * plaintext, or null for a payload to be worked out on the page. Null as a whole where no worker
 * can run (Node, or a worker that failed to start), and the page opens everything itself.
 */

let worker: Worker | null | undefined;
const waiting = new Map<number, (out: (string | null)[] | null) => void>();
let next = 0;

function start(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === 'undefined') return (worker = null);
  try {
    worker = new Worker(new URL('./open-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return (worker = null);
  }
  worker.addEventListener('message', (e: MessageEvent<{ n: number; out: (string | null)[] }>) => {
    waiting.get(e.data.n)?.(e.data.out);
    waiting.delete(e.data.n);
  });
  worker.addEventListener('error', () => {
    // A worker that cannot run: everything waiting, and everything after, opens on the page.
    worker = null;
    for (const done of waiting.values()) done(null);
    waiting.clear();
  });
  return worker;
}

export function openMany(
  keys: readonly DataKey[],
  records: readonly { id: string; kind: string; payload: string }[],
): Promise<(string | null)[] | null> {
  const w = start();
  if (!w || records.length === 0) return Promise.resolve(null);
  const n = ++next;
  return new Promise((resolve) => {
    waiting.set(n, resolve);
    w.postMessage({
      n,
      keys: keys.map((k) => ({ id: k.id, key: k.key })),
      records: records.map((r) => ({ id: r.id, kind: r.kind, payload: r.payload })),
    });
  });
}
