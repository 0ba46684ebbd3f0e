import { describe, expect, it } from 'vitest';
import { keepSubscription } from './resubscribe';

const key = new Uint8Array([4, 1, 2, 3]).buffer;
const sub = (endpoint: string) => ({
  endpoint,
  options: { userVisibleOnly: true, applicationServerKey: key },
  toJSON: () => ({ endpoint, keys: { p256dh: 'p', auth: 'a' } }),
});

function server(status = 200) {
  const calls: [string, unknown][] = [];
  const send = (method: 'PUT' | 'DELETE', body: unknown) => {
    calls.push([method, body]);
    return Promise.resolve(new Response('{}', { status }));
  };
  return { calls, send };
}

const noSubscribe = {
  subscribe: () => Promise.reject(new Error('must not subscribe')),
};

describe('keepSubscription', () => {
  it('sends the replacement and forgets the old endpoint', async () => {
    const { calls, send } = server();
    await keepSubscription(noSubscribe, sub('https://push/old'), sub('https://push/new'), send);
    expect(calls).toEqual([
      ['PUT', { endpoint: 'https://push/new', keys: { p256dh: 'p', auth: 'a' } }],
      ['DELETE', { endpoint: 'https://push/old' }],
    ]);
  });

  it('subscribes again with the old options when the browser gave no replacement', async () => {
    const { calls, send } = server();
    let asked: PushSubscriptionOptionsInit | null = null;
    const pushManager = {
      subscribe: (options: PushSubscriptionOptionsInit) => {
        asked = options;
        return Promise.resolve(sub('https://push/again'));
      },
    };
    await keepSubscription(pushManager, sub('https://push/old'), null, send);
    expect(asked).toEqual({ userVisibleOnly: true, applicationServerKey: key });
    expect(calls.map(([m, b]) => [m, (b as { endpoint: string }).endpoint])).toEqual([
      ['PUT', 'https://push/again'],
      ['DELETE', 'https://push/old'],
    ]);
  });

  it('fails (so the browser sees it) when the server does not keep the new one', async () => {
    const { calls, send } = server(401);
    await expect(
      keepSubscription(noSubscribe, sub('https://push/old'), sub('https://push/new'), send),
    ).rejects.toThrow('(401)');
    expect(calls).toHaveLength(1);
  });

  it('does nothing with neither an old nor a new subscription', async () => {
    const { calls, send } = server();
    await keepSubscription(noSubscribe, null, null, send);
    expect(calls).toEqual([]);
  });
});
