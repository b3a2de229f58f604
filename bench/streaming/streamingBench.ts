/**
 * Streaming smoothness of the Demo board: the real pipeline and cards in headless Chromium, fed by
 * a scripted engine at a fixed total rate across parallel traces (default: 1,000 tokens/s over 10
 * traces of 20,000 tokens, about 200 s). Reports frames per second and main-thread long tasks
 * while streaming, against the same page idle in the same run. Figures, never pass/fail.
 *
 * STREAM_TOKENS / STREAM_TRACES / STREAM_RATE override the load (e.g. a quick look with fewer tokens).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { svelte, vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { build } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/fixtures/chromium';
import { servePlainStatic } from '../../tests/fixtures/servers/plainStaticServer';
import type { BenchSection } from '../benchSection';
import type { FrameReport } from './page/frameMeter';

interface PageResult {
  idle: FrameReport;
  streaming: FrameReport;
  tokens: number;
  seconds: number;
}

async function buildPage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: resolve('bench/streaming/page'),
    base: './',
    plugins: [svelte({ configFile: false, preprocess: vitePreprocess(), compilerOptions: { runes: true } })],
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
}

async function runPage(url: string): Promise<PageResult> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    return (await page.evaluate(() => (window as unknown as { benchResult: Promise<PageResult> }).benchResult)) as PageResult;
  } finally {
    await browser.close();
  }
}

const row = (name: string, r: FrameReport, run: PageResult | null) =>
  `| ${name} | ${r.seconds.toFixed(1)} s | ${run ? (run.tokens / run.seconds).toFixed(0) : '—'} | ${r.fps.toFixed(1)} | ${r.longestFrameMs.toFixed(0)} ms | ${r.longTasks} | ${r.longestTaskMs.toFixed(0)} ms |`;

export const streamingSection: BenchSection = {
  name: 'Streaming board (Chromium)',
  async run(print) {
    const traces = Number(process.env['STREAM_TRACES'] ?? 10);
    const tokens = Number(process.env['STREAM_TOKENS'] ?? 20_000);
    const rate = Number(process.env['STREAM_RATE'] ?? 1000);
    const outDir = await mkdtemp(join(tmpdir(), 'critique-lab-stream-bench-'));
    try {
      await buildPage(outDir);
      // The page loads the program highlighter only when the first program is done, minutes in.
      const server = await servePlainStatic(outDir, '/', { maxLifetimeMs: 30 * 60_000 });
      try {
        const query = `traces=${traces}&tokens=${tokens}&rate=${rate}`;
        const bare = await runPage(`${server.url}?${query}&board=0`);
        const result = await runPage(`${server.url}?${query}`);
        print(`Scripted engine: ${traces} parallel traces × ${tokens} tokens at ${rate} tokens/s in total, through the real pipeline.`);
        print('');
        print('| page | time | tokens/s | fps | longest frame | long tasks (> 50 ms) | longest task |');
        print('| --- | --- | --- | --- | --- | --- | --- |');
        print(row('idle page (reference)', result.idle, null));
        print(row('streaming, nothing rendered (reference)', bare.streaming, bare));
        print(row('streaming into the board of cards', result.streaming, result));
        print('');
        print(
          `fps streaming into the board / idle page: ${(result.streaming.fps / result.idle.fps).toFixed(2)}×; tokens/s achieved / asked: ${(result.tokens / result.seconds / rate).toFixed(2)}×.`,
        );
      } finally {
        await server.close();
      }
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  },
};
