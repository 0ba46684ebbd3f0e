/**
 * Generated sync histories: what devices do (capture, edit, delete, draft edits, going offline,
 * sync rounds over a faulty network), as plain data fast-check can generate and shrink.
 */
import fc from 'fast-check';

/** What can go wrong with the first request of a sync round. */
export type Fault =
  | 'none'
  /** The request never reaches the server. */
  | 'drop-request'
  /** The server handles it; the answer is lost. */
  | 'drop-response'
  /** The request reaches the server twice. */
  | 'duplicate'
  /** The request is held in the network and reaches the server later, out of order. */
  | 'delay'
  /** The server handles it; the device is killed before it stores the answer. */
  | 'kill'
  /** No fault, but the writer edits a moment and the draft between the push and the pull. */
  | 'write-between';

export type Step =
  | { t: 'capture'; d: number }
  | { t: 'edit'; d: number; pick: number }
  | { t: 'delete'; d: number; pick: number }
  | { t: 'draft-append'; d: number; week: number }
  | { t: 'draft-remove'; d: number; week: number; pick: number }
  | { t: 'network'; d: number; online: boolean }
  | { t: 'sync'; d: number; fault: Fault }
  /** The oldest request held in the network finally reaches the server. */
  | { t: 'deliver' };

export interface History {
  devices: number;
  steps: Step[];
}

const fault = fc.constantFrom<Fault>(
  'none',
  'none',
  'none',
  'drop-request',
  'drop-response',
  'duplicate',
  'delay',
  'kill',
  'write-between',
);

const step = (devices: number): fc.Arbitrary<Step> => {
  const d = fc.nat(devices - 1);
  const pick = fc.nat(50);
  const week = fc.nat(1);
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ t: fc.constant('capture' as const), d }) },
    { weight: 3, arbitrary: fc.record({ t: fc.constant('edit' as const), d, pick }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('delete' as const), d, pick }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant('draft-append' as const), d, week }) },
    {
      weight: 1,
      arbitrary: fc.record({ t: fc.constant('draft-remove' as const), d, week, pick }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ t: fc.constant('network' as const), d, online: fc.boolean() }),
    },
    { weight: 5, arbitrary: fc.record({ t: fc.constant('sync' as const), d, fault }) },
    { weight: 1, arbitrary: fc.constant({ t: 'deliver' as const }) },
  );
};

/** Two to six devices and up to `maxSteps` things happening to them. */
export function history(maxSteps: number): fc.Arbitrary<History> {
  return fc.integer({ min: 2, max: 6 }).chain((devices) =>
    fc.record({
      devices: fc.constant(devices),
      steps: fc.array(step(devices), { minLength: 1, maxLength: maxSteps }),
    }),
  );
}
