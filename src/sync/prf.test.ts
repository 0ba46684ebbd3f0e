import { describe, expect, it } from 'vitest';
import { PRF_INPUT } from '../crypto/keks';
import { askPrf, takePrf } from './prf';

describe('the PRF extension', () => {
  it('asks for our input alongside any other extension the server asked for', () => {
    const asked = askPrf({ challenge: 'abc', extensions: { credProps: true } });
    expect(asked.extensions).toEqual({ credProps: true, prf: { eval: { first: PRF_INPUT } } });
    expect(asked.challenge).toBe('abc');
  });

  it('takes the output out of the response, so it is never sent to the server', () => {
    const first = new Uint8Array(32).fill(7);
    const response = {
      id: 'cred-1',
      clientExtensionResults: {
        prf: { enabled: true, results: { first } },
        credProps: { rk: true },
      },
    };
    const taken = takePrf(response);
    expect(taken.enabled).toBe(true);
    expect(taken.result?.credentialId).toBe('cred-1');
    expect(new Uint8Array(taken.result!.output)).toEqual(first);
    expect(response.clientExtensionResults).toEqual({ credProps: { rk: true } });
    expect(JSON.stringify(response)).not.toContain('prf');
  });

  it('tells a passkey with PRF but no results at creation from one without PRF', () => {
    expect(takePrf({ id: 'a', clientExtensionResults: { prf: { enabled: true } } })).toEqual({
      enabled: true,
      result: null,
    });
    expect(takePrf({ id: 'b', clientExtensionResults: {} })).toEqual({
      enabled: false,
      result: null,
    });
  });
});
