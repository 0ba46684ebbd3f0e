let formatter: Intl.NumberFormat | null = null;

/**
 * A number with en-GB digits: "7", "1,500", "2.25" (at most two decimals). Whole numbers from 0
 * to 999 need no grouping and are written as they are: the first number formatter a page builds
 * costs tens of milliseconds on a phone (the browser loads its number data), and most numbers on
 * screen are small counts. The formatter is built on first need, not when a screen loads.
 */
export function formatNumber(n: number): string {
  if (Number.isInteger(n) && n >= 0 && n < 1000) return String(n);
  formatter ??= new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
  return formatter.format(n);
}
