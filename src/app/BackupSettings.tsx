import { BackupDownload } from './BackupDownload';
import { BackupRestore } from './BackupRestore';
import './backup.css';

/** Everything on this device in one file, optionally encrypted, and restoring from such a file. */
export function BackupSettings() {
  return (
    <section class="settings-card" aria-labelledby="backup-settings">
      <h2 id="backup-settings">Backup</h2>
      <p>One file with every moment, draft and setting on this device.</p>
      <BackupDownload />
      <BackupRestore />
    </section>
  );
}
