/**
 * `npx tsx scripts/renderIcons.ts`: renders public/icons/icon.svg to the PNG sizes an install
 * needs (192 and 512 px; the maskable one on a full-bleed background so a platform's mask never
 * cuts the artwork), with the same Chromium the browser tests use. Run it after changing the SVG.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/fixtures/chromium';

const iconsDir = new URL('../public/icons/', import.meta.url).pathname;
const svg = await readFile(`${iconsDir}icon.svg`, 'utf8');
const renders = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
];

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  for (const { file, size, maskable } of renders) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    // Maskable: the platform may cut up to 20% off each edge, so the icon shrinks to the inner 80%.
    const inset = maskable ? size * 0.1 : 0;
    const html = `<body style="margin:0;background:${maskable ? '#1d3557' : 'transparent'}">
      <img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" style="position:absolute;left:${inset}px;top:${inset}px;width:${size - 2 * inset}px;height:${size - 2 * inset}px"></body>`;
    await page.setContent(html);
    await writeFile(`${iconsDir}${file}`, await page.screenshot({ omitBackground: !maskable }));
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`rendered ${renders.length} icons`);
