/** Whether this browser shows a number on the installed app's icon. */
export function badgeSupported(): boolean {
  return 'setAppBadge' in navigator;
}

/** Shows a count on the app's icon where the browser can; 0 clears it. Never throws. */
export function showBadge(count: number): void {
  if (!badgeSupported()) return;
  void navigator.setAppBadge(count).catch(() => undefined);
}
