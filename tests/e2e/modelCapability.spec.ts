/**
 * The Model view's device check against a real adapter: Chromium's SwiftShader WebGPU (started by
 * playwright.config.ts with --enable-unsafe-webgpu --use-webgpu-adapter=swiftshader), which has no
 * shader-f16 and 1 GiB storage buffers. No stub of navigator.gpu: every catalog model's verdict is
 * what this adapter really reports — q4f16_1 builds refused for the missing shader-f16, q4f32_1
 * builds judged on memory (and on being a software renderer), never on shader-f16.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const catalog = JSON.parse(readFileSync('models/catalog.json', 'utf8')) as { models: { label: string; quantization: string }[] };

test('every catalog model gets the verdict the real SwiftShader adapter warrants', async ({ page }) => {
  await page.goto('./#/model');
  await expect(page.getByTestId('webgpu-status')).toContainText('WebGPU available');
  await expect(page.getByTestId('shader-f16')).toContainText('no');
  const fit = page.getByTestId('fit');
  expect(catalog.models.length).toBeGreaterThan(1);
  for (const model of catalog.models) {
    await page.getByLabel(model.label, { exact: true }).check();
    await expect(fit, model.label).toContainText('GB of GPU memory');
    const text = (await fit.textContent()) ?? '';
    if (model.quantization.startsWith('q4f16')) {
      await expect(fit, model.label).toHaveAttribute('data-verdict', 'no');
      expect(text, model.label).toContain(`This GPU lacks shader-f16, which ${model.quantization} needs`);
    } else {
      expect(text, model.label).not.toContain('shader-f16');
      // 1 GiB buffers hold any embedding table here; what speaks is memory and the software renderer.
      expect(text, model.label).not.toContain('storage buffers of');
      expect(text, model.label).toContain('software renderer');
      await expect(fit, model.label).toHaveAttribute('data-verdict', /^(warn|no)$/);
      if ((await fit.getAttribute('data-verdict')) === 'no') expect(text, model.label).toContain('the weights need');
    }
  }
});
