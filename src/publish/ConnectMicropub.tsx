import { useEffect, useRef, useState } from 'preact/hooks';
import { ConnectInput } from './ConnectInput';
import { ConnectProblemText } from './ConnectProblemText';
import { beginSignIn } from './indieauth';
import { useConnect } from './use-connect';

/**
 * Connects a Micropub site through IndieAuth: finds the site's endpoints, then sends the writer
 * to their own site to sign in. They come back to /settings/blog-signed-in (BlogSignedIn).
 */
export function ConnectMicropub({ onCancel }: { onCancel: () => void }) {
  const [site, setSite] = useState('');
  const siteRef = useRef<HTMLInputElement>(null);
  const connect = useConnect({ site: siteRef });
  const { busy } = connect;

  useEffect(() => siteRef.current?.focus(), []);

  async function submit(): Promise<void> {
    const url = await connect.attempt(
      () => beginSignIn(site, location.origin, new Date()),
      () => Promise.resolve(),
    );
    if (url) location.assign(url);
  }

  return (
    <form
      class="panel blog-connect"
      aria-labelledby="connect-micropub-heading"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void submit();
      }}
    >
      <h3 id="connect-micropub-heading">Connect a Micropub site</h3>
      <ConnectInput
        id="micropub-site"
        label="Site address"
        field="site"
        kind="address"
        connect={connect}
        inputRef={siteRef}
        value={site}
        onValue={setSite}
        hint="Your site must offer IndieAuth sign-in and Micropub. You sign in on your site, then come back here."
      />
      <ConnectProblemText connect={connect} field={null} />
      <div class="row">
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Sign in with your site'}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
