import type { UploadProgress } from '../storage/sync-upload';

const count = new Intl.NumberFormat('en-GB');

/** "Uploading 12,000 of 26,520…": the sign-up upload, where the sync status is shown. */
export function uploadMessage(upload: UploadProgress): string {
  return `Uploading ${count.format(upload.done)} of ${count.format(upload.total)}…`;
}
