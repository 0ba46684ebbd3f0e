import { describe, expect, it } from 'vitest';
import type { LinkState } from '../crypto/key-store-protocol';
import { LinkTampered, newDeviceStep, oldDeviceStep } from './link-steps';

const OLD = 'O'.repeat(87);
const NEW = 'N'.repeat(87);
const OTHER = 'X'.repeat(87);
const COMMITMENT = 'c'.repeat(43);
const WRAPPED = 'wnk.abc';

const link = (role: 'old' | 'new', parts: Partial<LinkState> = {}): LinkState => ({
  id: '00000000-0000-4000-8000-000000000000',
  role,
  commitment: null,
  oldPublicKey: null,
  newPublicKey: null,
  wrapped: null,
  expiresAt: '2026-11-16T10:10:00.000Z',
  ...parts,
});

describe('the old device’s next step', () => {
  const cases: [string, LinkState, string | null, unknown][] = [
    ['nobody joined yet', link('old'), null, { step: 'wait-for-join' }],
    ['a commitment arrived', link('old', { commitment: COMMITMENT }), null, { step: 'send-key' }],
    [
      'its key is sent, the new one is not',
      link('old', { commitment: COMMITMENT, oldPublicKey: OLD }),
      OLD,
      { step: 'wait-for-key' },
    ],
    [
      'the new key arrived',
      link('old', { commitment: COMMITMENT, oldPublicKey: OLD, newPublicKey: NEW }),
      OLD,
      { step: 'check', commitment: COMMITMENT, newPublicKey: NEW },
    ],
    [
      'the key is wrapped',
      link('old', {
        commitment: COMMITMENT,
        oldPublicKey: OLD,
        newPublicKey: NEW,
        wrapped: WRAPPED,
      }),
      OLD,
      { step: 'done' },
    ],
  ];
  it.each(cases)('%s', (_, state, sent, expected) => {
    expect(oldDeviceStep(state, sent)).toEqual(expected);
  });

  const refused: [string, LinkState, string | null][] = [
    ['the link says it is the new device', link('new', { commitment: COMMITMENT }), null],
    ['keys without a commitment', link('old', { oldPublicKey: OLD }), null],
    ['its sent key is missing', link('old', { commitment: COMMITMENT }), OLD],
    ['a key it never sent', link('old', { commitment: COMMITMENT, oldPublicKey: OTHER }), OLD],
    ['a key before it sent one', link('old', { commitment: COMMITMENT, oldPublicKey: OLD }), null],
    ['a new key before its own', link('old', { commitment: COMMITMENT, newPublicKey: NEW }), null],
  ];
  it.each(refused)('refuses %s', (_, state, sent) => {
    expect(() => oldDeviceStep(state, sent)).toThrow(LinkTampered);
  });
});

describe('the new device’s next step', () => {
  const joined = { commitment: COMMITMENT };
  const cases: [string, LinkState, boolean, unknown][] = [
    ['the old key is not there yet', link('new', joined), false, { step: 'wait-for-key' }],
    [
      'the old key arrived',
      link('new', { ...joined, oldPublicKey: OLD }),
      false,
      { step: 'send-key', oldPublicKey: OLD },
    ],
    [
      'both keys are there',
      link('new', { ...joined, oldPublicKey: OLD, newPublicKey: NEW }),
      true,
      { step: 'wait-for-confirmation', oldPublicKey: OLD },
    ],
    [
      'the key is wrapped',
      link('new', { ...joined, oldPublicKey: OLD, newPublicKey: NEW, wrapped: WRAPPED }),
      true,
      { step: 'take-key', oldPublicKey: OLD, wrapped: WRAPPED },
    ],
  ];
  it.each(cases)('%s', (_, state, sent, expected) => {
    expect(newDeviceStep(state, NEW, sent)).toEqual(expected);
  });

  const refused: [string, LinkState, boolean][] = [
    ['the link says it is the old device', link('old', joined), false],
    ['its commitment is gone', link('new', { oldPublicKey: OLD }), false],
    ['the old key vanished after it sent its own', link('new', joined), true],
    ['its sent key is missing', link('new', { ...joined, oldPublicKey: OLD }), true],
    [
      'a key that is not its own',
      link('new', { ...joined, oldPublicKey: OLD, newPublicKey: OTHER }),
      true,
    ],
    [
      'a wrapped key before its own key',
      link('new', { ...joined, oldPublicKey: OLD, wrapped: WRAPPED }),
      false,
    ],
  ];
  it.each(refused)('refuses %s', (_, state, sent) => {
    expect(() => newDeviceStep(state, NEW, sent)).toThrow(LinkTampered);
  });
});
