import type { UploadProgress } from '../storage/sync-upload';

const count = new Intl.NumberFormat('en-GB');

/**
 * "Uploading 12,000 of 26,520…": the sign-up upload, where the sync status is shown; "Encrypting
 * …" while an account's records are re-sealed under its first data key.
 */
export function uploadMessage(upload: UploadProgress): string {
  const doing = upload.all ? 'Encrypting' : 'Uploading';
  return `${doing} ${count.format(upload.done)} of ${count.format(upload.total)}…`;
}
