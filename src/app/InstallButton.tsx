import { useEffect, useState } from 'preact/hooks';
import { canOfferInstall, offerInstall, onInstallOfferChange } from '../pwa/install';

/** "Install Weeknotes", shown only while the browser offers to install it. */
export function InstallButton() {
  const [offered, setOffered] = useState(canOfferInstall);
  useEffect(() => onInstallOfferChange(() => setOffered(canOfferInstall())), []);
  if (!offered) return null;
  return (
    <button type="button" onClick={() => void offerInstall()}>
      Install Weeknotes
    </button>
  );
}
