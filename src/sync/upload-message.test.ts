import { describe, expect, it } from 'vitest';
import { uploadMessage } from './upload-message';

describe('uploadMessage', () => {
  it.each([
    [{ done: 0, total: 451 }, 'Uploading 0 of 451…'],
    [{ done: 12000, total: 26520 }, 'Uploading 12,000 of 26,520…'],
    [{ done: 26520, total: 26520 }, 'Uploading 26,520 of 26,520…'],
  ])('shows %o as %s', (upload, text) => {
    expect(uploadMessage(upload)).toBe(text);
  });
});
