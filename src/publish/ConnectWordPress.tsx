import { useEffect, useRef, useState } from 'preact/hooks';
import { saveDestination, type Destination } from '../storage/publishing';
import { ConnectProblemText } from './ConnectProblemText';
import { useConnect } from './use-connect';
import { connectWordPress } from './wordpress';

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
  const { busy, fieldProps } = connect;

  useEffect(() => siteRef.current?.focus(), []);

  async function submit(): Promise<void> {
    const kept = await connect.attempt(
      () => connectWordPress({ site, username, password }, new Date()),
      (destination) => saveDestination(destination, password),
    );
    if (kept) onConnected(kept);
  }

  return (
    <form
      class="panel blog-connect"
      aria-labelledby="connect-wordpress-heading"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void submit();
      }}
    >
      <h3 id="connect-wordpress-heading">Connect a WordPress blog</h3>
      <div class="settings-field">
        <label for="wordpress-site">Site address</label>
        <input
          id="wordpress-site"
          ref={siteRef}
          type="text"
          inputMode="url"
          autoComplete="url"
          autoCapitalize="none"
          spellcheck={false}
          value={site}
          onInput={(e) => setSite(e.currentTarget.value)}
          {...fieldProps('site', 'wordpress-site-hint')}
        />
        <p id="wordpress-site-hint" class="hint">
          For example https://example.blog
        </p>
        <ConnectProblemText connect={connect} field="site" />
      </div>
      <div class="settings-field">
        <label for="wordpress-username">User name</label>
        <input
          id="wordpress-username"
          ref={usernameRef}
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          spellcheck={false}
          value={username}
          onInput={(e) => setUsername(e.currentTarget.value)}
          {...fieldProps('username')}
        />
        <ConnectProblemText connect={connect} field="username" />
      </div>
      <div class="settings-field">
        <label for="wordpress-password">Application password</label>
        <input
          id="wordpress-password"
          ref={passwordRef}
          type="password"
          autoComplete="off"
          autoCapitalize="none"
          spellcheck={false}
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
          {...fieldProps('password', 'wordpress-password-hint')}
        />
        <p id="wordpress-password-hint" class="hint">
          Make one on your blog under Users → Profile → Application Passwords. It is kept on this
          device only.
        </p>
        <ConnectProblemText connect={connect} field="password" />
      </div>
      <ConnectProblemText connect={connect} field={null} />
      <div class="row">
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Connect'}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
