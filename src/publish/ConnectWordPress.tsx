import { useEffect, useRef, useState } from 'preact/hooks';
import { saveDestination, type Destination } from '../storage/publishing';
import { ConnectForm } from './ConnectForm';
import { ConnectInput } from './ConnectInput';
import { useConnect } from './use-connect';
import { connectWordPress } from './wordpress-connect';

interface Props {
  onConnected: (destination: Destination) => void;
  onCancel: () => void;
}

/**
 * Connects a WordPress blog with an Application Password: checked against the blog at once, then
 * kept, sealed, on this device only. The password is never logged and never put in an address.
 */
export function ConnectWordPress({ onConnected, onCancel }: Props) {
  const [site, setSite] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const siteRef = useRef<HTMLInputElement>(null);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const connect = useConnect({ site: siteRef, username: usernameRef, password: passwordRef });

  useEffect(() => siteRef.current?.focus(), []);

  async function submit(): Promise<void> {
    const kept = await connect.attempt(
      () => connectWordPress({ site, username, password }, new Date()),
      (destination) => saveDestination(destination, password),
    );
    if (kept) onConnected(kept);
  }

  return (
    <ConnectForm
      id="connect-wordpress"
      heading="Connect a WordPress blog"
      submitLabel="Connect"
      connect={connect}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <ConnectInput
        id="wordpress-site"
        label="Site address"
        field="site"
        kind="address"
        connect={connect}
        inputRef={siteRef}
        value={site}
        onValue={setSite}
        hint="For example https://example.blog"
      />
      <ConnectInput
        id="wordpress-username"
        label="User name"
        field="username"
        kind="name"
        connect={connect}
        inputRef={usernameRef}
        value={username}
        onValue={setUsername}
      />
      <ConnectInput
        id="wordpress-password"
        label="Application password"
        field="password"
        kind="secret"
        connect={connect}
        inputRef={passwordRef}
        value={password}
        onValue={setPassword}
        hint="Make one on your blog under Users → Profile → Application Passwords. It is kept on this device only."
      />
    </ConnectForm>
  );
}
