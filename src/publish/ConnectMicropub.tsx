import { useEffect, useRef, useState } from 'preact/hooks';
import { ConnectForm } from './ConnectForm';
import { ConnectInput } from './ConnectInput';
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

  useEffect(() => siteRef.current?.focus(), []);

  async function submit(): Promise<void> {
    const url = await connect.attempt(
      () => beginSignIn(site, location.origin, new Date()),
      () => Promise.resolve(),
    );
    if (url) location.assign(url);
  }

  return (
    <ConnectForm
      id="connect-micropub"
      heading="Connect a Micropub site"
      submitLabel="Sign in with your site"
      connect={connect}
      onSubmit={submit}
      onCancel={onCancel}
    >
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
    </ConnectForm>
  );
}
