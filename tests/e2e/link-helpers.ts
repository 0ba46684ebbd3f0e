import { expect, type Page } from '@playwright/test';

/**
 * The key hand-over while linking: both devices show the same safety number, and the writer
 * confirms on the device that made the code.
 */
export async function confirmSafetyNumber(oldDevice: Page, newDevice: Page): Promise<string> {
  const onNew = newDevice
    .getByRole('region', { name: 'Unlocking this device' })
    .locator('.safety-number');
  await expect(onNew).toHaveText(/^\d{3} \d{3}$/, { timeout: 15_000 });
  const number = (await onNew.textContent()) ?? '';
  await expect(
    oldDevice.getByRole('region', { name: 'Link another device' }).locator('.safety-number'),
  ).toHaveText(number);
  await oldDevice.getByRole('button', { name: 'The numbers match' }).click();
  await expect(oldDevice.getByText('Linked. Your other device can now read')).toBeVisible();
  await expect(newDevice.getByText('Unlocked. This device can now read')).toBeVisible();
  return number;
}
