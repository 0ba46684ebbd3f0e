/**
 * An en-GB date formatter, built on first use. Building one costs a phone a few milliseconds
 * (the first in a page, tens), so a screen's modules build only the ones it draws with.
 */
export function dateFormat(options: Intl.DateTimeFormatOptions): {
  format: (date: Date) => string;
} {
  let built: Intl.DateTimeFormat | null = null;
  return { format: (date) => (built ??= new Intl.DateTimeFormat('en-GB', options)).format(date) };
}
