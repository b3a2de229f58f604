/** Steps the Model view specs share. */
import { expect, type Page } from '@playwright/test';

/**
 * Clicks "Download/Copy and load". The test browser's profile may store only 4 GB, so the device
 * check can mark a 4.4 GB model ✗; the person's way past that is "Try anyway", and so is the test's.
 */
export async function startLoad(page: Page): Promise<void> {
  const button = page.getByTestId('load-button');
  await expect(page.getByTestId('fit')).toBeVisible();
  const tryAnyway = page.getByTestId('try-anyway').getByRole('checkbox');
  if (await tryAnyway.isVisible()) {
    await expect(button).toBeDisabled();
    await tryAnyway.check();
  }
  await button.click();
}

/** Connects the Model view to an OpenAI-compatible server and waits until it is ready. */
export async function connectEndpoint(page: Page, url: string, model: string): Promise<void> {
  await page.goto('./#/model');
  await page.getByLabel('Endpoint URL').fill(url);
  await page.getByLabel('Endpoint model').fill(model);
  await page.getByRole('button', { name: 'Use this server' }).click();
  await expect(page.getByTestId('endpoint-ready')).toContainText(model);
}
