import type { UploadProgress } from '../storage/sync-upload';

import { formatNumber } from '../text/numbers';

/**
 * "Uploading 12,000 of 26,520…": the sign-up upload, where the sync status is shown; "Encrypting
 * …" while an account's records are re-sealed under its first data key.
 */
export function uploadMessage(upload: UploadProgress): string {
  const doing = upload.all ? 'Encrypting' : 'Uploading';
  return `${doing} ${formatNumber(upload.done)} of ${formatNumber(upload.total)}…`;
}
