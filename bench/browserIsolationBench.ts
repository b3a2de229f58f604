/**
 * What isolation costs per candidate in the browser: every submission gets a fresh worker in the
 * sandbox frame (a Pyodide start for Python), with one spare started ahead. The built site is
 * served from a plain static host and driven in headless Chromium through the Judge view, as a
 * visitor would: candidates judged one after another with no pause (start-up paid in full), then
 * with a pause between them as a model generating them leaves. Reference: the native judge of the
 * same program in the same run (isolationBench.ts).
 */
import { chromium, type Page } from '@playwright/test';
import type { Submission } from '../src/core/judging/executor';
import { readProblemDir } from '../src/exec/node/problemDir';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/fixtures/chromium';
import { servePlainStatic } from '../tests/fixtures/servers/plainStaticServer';
import { judgeInJudgeView } from '../tests/e2e/judgeViewSteps';
import { type BenchSection, fmt, mean, median, ratio, timed } from './benchSection';
import { CANDIDATES, GENERATION_PAUSE_MS, nativeJudgeMs, submission } from './isolationBench';
import { productionSite } from './productionSite';

function judgeInPage(page: Page, candidate: Submission): Promise<string> {
  return judgeInJudgeView(page, 'aplusb', candidate.language, candidate.source);
}

/** ms per candidate, judged CANDIDATES times after one warm-up judge (runtime download, compile). */
async function perCandidateMs(page: Page, candidate: Submission, pauseMs: number): Promise<number[]> {
  await judgeInPage(page, candidate);
  const times: number[] = [];
  for (let i = 0; i < CANDIDATES; i++) {
    if (pauseMs > 0) await page.waitForTimeout(pauseMs);
    const [verdict, ms] = await timed(() => judgeInPage(page, candidate));
    if (verdict !== 'AC') throw new Error(`bench candidate got ${verdict}`);
    times.push(ms);
  }
  return times;
}

export const browserIsolationSection: BenchSection = {
  name: 'isolation-chromium',
  async run(print) {
    const host = await servePlainStatic(productionSite(), '/app/');
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const problem = await readProblemDir(new URL('../public/problems/aplusb', import.meta.url).pathname);
      print(
        `### Isolation cost per candidate, headless Chromium (a fresh sandbox worker per submission; A+B, ${problem.tests.length} tests, ${CANDIDATES} candidates after a warm-up, mean)`,
      );
      print('');
      print(
        `| language | back to back (start-up paid) | with a ${GENERATION_PAUSE_MS / 1000} s pause (start-up hidden) | native judge | paid vs native | hidden vs native |`,
      );
      print('| --- | --- | --- | --- | --- | --- |');
      for (const [label, candidate] of [
        ['Python (Pyodide per worker)', submission('python', 'ac.py')],
        ['C++ (compile cached; WASI runner per worker)', submission('cpp', 'ac.cpp')],
      ] as const) {
        const page = await browser.newPage();
        await page.goto(`${host.url}#/judge`);
        const paid = mean(await perCandidateMs(page, candidate, 0));
        const hidden = mean(await perCandidateMs(page, candidate, GENERATION_PAUSE_MS));
        await page.close();
        const native = median(Array.from({ length: 3 }, () => nativeJudgeMs(problem, candidate)));
        print(`| ${label} | ${fmt(paid)} | ${fmt(hidden)} | ${fmt(native)} | ${ratio(paid, native)} | ${ratio(hidden, native)} |`);
      }
      print('');
      print(
        'Times are from the click on Judge to the verdict on screen, on a plain static host (no cross-origin isolation: Python time limits kill and replace the worker).',
      );
      print('');
    } finally {
      await browser.close();
      await host.close();
    }
  },
};
