/**
 * The visitor's first minute, in headless Chromium against the built site on a plain static
 * server (loopback, so network time is nearly nil and what remains is the browser's own work):
 * the first C++ verdict with nothing cached and again after a reload with the toolchain cached,
 * Pyodide ready on a first visit and on a later one (from its start-up snapshot), the first Python
 * verdict after a reload, and the app's load with the network off —
 * each next to a native reference measured in the same run (g++ -O2 compile + run, python3 run,
 * a blank page from the same server) — and the bytes the host served for the first C++ and the
 * first Python verdict (the runtimes are shipped compressed; this host compresses nothing).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { PYODIDE_SNAPSHOT_CACHE } from '../src/exec/pyodideSnapshot/browserSnapshotStore';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/fixtures/chromium';
import { servePlainStatic } from '../tests/fixtures/servers/plainStaticServer';
import { type BenchSection, fmt, loadAverageLine, ratio, timed } from './benchSection';
import { productionSite } from './productionSite';

const CPP_AC = '#include <bits/stdc++.h>\nusing namespace std;\nint main() { long long a, b; cin >> a >> b; cout << a + b << "\\n"; }\n';
const PY_AC = 'a, b = map(int, input().split())\nprint(a + b)\n';
const SAMPLE_INPUT = '1 2\n';

/** Milliseconds from choosing the language (which starts its runtime) to the verdict on screen. */
async function firstVerdictMs(page: Page, language: 'python' | 'cpp', source: string): Promise<number> {
  return (await firstVerdict(page, language, source)).ms;
}

/**
 * A C++ first verdict split where the page can tell: choosing C++ until the view says C++ is ready
 * (worker start, clang's module from the cache and compiled, the prebuilt header and objects, the
 * program sandbox), the compile the verdict reports (clang's own time in its worker), and the rest
 * (waiting for the compile's turn, running the test in a fresh sandbox worker, showing the verdict).
 */
interface FirstVerdict {
  ms: number;
  readyMs?: number;
  compileMs?: number;
}

async function firstVerdict(page: Page, language: 'python' | 'cpp', source: string): Promise<FirstVerdict> {
  const timing = await timeFirstVerdict(page, language, source);
  const verdict = await page.getByTestId('judge-verdict').getAttribute('data-verdict');
  if (verdict !== 'AC') throw new Error(`the ${language} reference program got ${verdict}, not AC: the timing would mean nothing`);
  const compiled = /compiled in (\d+) ms/.exec((await page.getByTestId('judge-verdict').textContent()) ?? '');
  return { ...timing, ...(compiled ? { compileMs: Number(compiled[1]) } : {}) };
}

async function timeFirstVerdict(page: Page, language: 'python' | 'cpp', source: string): Promise<FirstVerdict> {
  await page.getByRole('link', { name: 'Judge' }).click();
  await page.getByTestId('judge-problem').selectOption('aplusb');
  if (language === 'cpp') {
    await page.getByTestId('judge-source').fill(source);
    // When the view turns to "C++ ready", relative to choosing C++ (a page clock: no round trips).
    await page.evaluate(() => {
      const runtime = document.querySelector('[data-testid="judge-runtime"]')!;
      const began = performance.now();
      const clock = window as unknown as { __cppReadyMs?: number };
      delete clock.__cppReadyMs;
      new MutationObserver((_, observer) => {
        if (runtime.getAttribute('data-cpp') !== 'ready') return;
        clock.__cppReadyMs = performance.now() - began;
        observer.disconnect();
      }).observe(runtime, { attributes: true });
    });
    const [, ms] = await timed(async () => {
      await page.getByTestId('judge-language').selectOption('cpp');
      await page.getByTestId('judge-run').click();
      await page.getByTestId('judge-verdict').waitFor({ timeout: 180_000 });
    });
    const readyMs = await page.evaluate(() => (window as unknown as { __cppReadyMs?: number }).__cppReadyMs);
    return { ms, ...(readyMs !== undefined ? { readyMs } : {}) };
  }
  await page.getByTestId('judge-source').fill(source);
  const [, ms] = await timed(async () => {
    await page.getByTestId('judge-run').click();
    await page.getByTestId('judge-verdict').waitFor({ timeout: 180_000 });
  });
  return { ms };
}

/** "ready 1.20 s, compile 0.95 s, rest 0.30 s" for a C++ first verdict. */
function stages(verdict: FirstVerdict): string {
  if (verdict.readyMs === undefined || verdict.compileMs === undefined) return 'stages not seen';
  const rest = verdict.ms - verdict.readyMs - verdict.compileMs;
  return `C++ ready ${fmt(verdict.readyMs)} · compile ${fmt(verdict.compileMs)} · the rest (run, verdict shown) ${fmt(rest)}`;
}

/**
 * Milliseconds from starting to load the page at the Judge view (which starts Pyodide: its files,
 * start-up and warm-up runs) until the view says Python is ready.
 */
async function pyodideReadyMs(page: Page, url: string): Promise<number> {
  await page.goto('about:blank');
  const [, ms] = await timed(async () => {
    await page.goto(`${url}#/judge`);
    await page.locator('[data-testid="judge-runtime"][data-python="ready"]').waitFor({ timeout: 180_000 });
  });
  return ms;
}

/** Waits until the page has kept Pyodide's start-up snapshot (the next visit starts from it). */
async function snapshotKept(page: Page): Promise<void> {
  await page.waitForFunction(async (name) => (await (await caches.open(name)).keys()).length > 0, PYODIDE_SNAPSHOT_CACHE, {
    timeout: 60_000,
    polling: 200,
  });
}

async function openControlled(browser: Browser, url: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
  return page;
}

function nativeReferences(): { cppMs: number; pyMs: number } {
  const dir = mkdtempSync(join(tmpdir(), 'critique-bench-native-'));
  try {
    writeFileSync(join(dir, 'a.cpp'), CPP_AC);
    const [, cppMs] = timedSync(() => {
      execFileSync('g++', ['-std=c++17', '-O2', '-o', join(dir, 'a'), join(dir, 'a.cpp')]);
      spawnSync(join(dir, 'a'), { input: SAMPLE_INPUT });
    });
    const [, pyMs] = timedSync(() => spawnSync('python3', ['-c', PY_AC], { input: SAMPLE_INPUT }));
    return { cppMs, pyMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function timedSync<T>(work: () => T): [T, number] {
  const began = performance.now();
  return [work(), performance.now() - began];
}

/** The runtimes' files, as built (and `.gz`, as shipped compressed). */
const RUNTIME_FILE = /^(pyodide\/|assets\/(llvm[.-]|stdcpp-pch-|memory-guard-o-|stdio-streams-o-))/;

/** Bytes the static host served since `start()`: all files, and the runtimes' part of them. */
class WireMeter {
  all = 0;
  runtime = 0;
  readonly served = (path: string, bytes: number): void => {
    this.all += bytes;
    if (RUNTIME_FILE.test(path)) this.runtime += bytes;
  };
  start(): void {
    this.all = 0;
    this.runtime = 0;
  }
  read(): { all: number; runtime: number } {
    return { all: this.all, runtime: this.runtime };
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

async function measure(url: string, browser: Browser, wire: WireMeter, print: (line: string) => void): Promise<void> {
  const native = nativeReferences();
  // Cold: a fresh profile; the page fetches clang and the header, decodes and keeps them.
  const cold = await openControlled(browser, url);
  wire.start();
  const cold1 = await firstVerdict(cold, 'cpp', CPP_AC);
  const cppWire = wire.read();
  // Cached: a new page load in the same profile, the toolchain served from Cache Storage.
  await cold.reload();
  const cached1 = await firstVerdict(cold, 'cpp', CPP_AC);
  // Chromium keeps a wasm module's compiled code once it has seen the module on two loads, and
  // uses it from the third on: clang's functions then start compiled.
  await cold.reload();
  const codeCached1 = await firstVerdict(cold, 'cpp', CPP_AC);
  const [cppCold, cppCached, cppCodeCached] = [cold1.ms, cached1.ms, codeCached1.ms];
  await cold.context().close();

  // Python: Pyodide ready on a first visit (it takes a start-up snapshot) and on the next one.
  const py = await (await browser.newContext()).newPage();
  wire.start();
  const pyReadyCold = await pyodideReadyMs(py, url);
  await firstVerdictMs(py, 'python', PY_AC);
  const pyWire = wire.read();
  await snapshotKept(py);
  const pyReadyCached = await pyodideReadyMs(py, url);
  await py.reload();
  const pyCached = await firstVerdictMs(py, 'python', PY_AC);

  // Offline repeat load: the network off, the app from the service worker, until Run is usable.
  const [, blankMs] = await timed(() => py.goto(`${url}icons/icon.svg`));
  await py.goto(url);
  await py.context().setOffline(true);
  const [, offlineMs] = await timed(async () => {
    await py.reload();
    await py.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Run' && !b.disabled));
  });
  await py.context().close();

  // Other work on the machine slows the browser and the references alike; the ratios hold better.
  print(loadAverageLine());
  print('');
  print('| measure (headless Chromium, plain static host on loopback) | time | native reference | vs native |');
  print('| --- | --- | --- | --- |');
  print(
    `| first C++ verdict, nothing cached (clang fetched + compiled, header fetched) | ${fmt(cppCold)} | g++ -O2 compile + run ${fmt(native.cppMs)} | ${ratio(cppCold, native.cppMs)} |`,
  );
  print(
    `| first C++ verdict after a reload, toolchain cached | ${fmt(cppCached)} | g++ -O2 compile + run ${fmt(native.cppMs)} | ${ratio(cppCached, native.cppMs)} |`,
  );
  print(
    `| the same after a second reload (the browser's compiled-code cache in use) | ${fmt(cppCodeCached)} | g++ -O2 compile + run ${fmt(native.cppMs)} | ${ratio(cppCodeCached, native.cppMs)} |`,
  );
  print(
    `| Pyodide ready, nothing cached (page load at the Judge view → Python ready) | ${fmt(pyReadyCold)} | python3 run ${fmt(native.pyMs)} | ${ratio(pyReadyCold, native.pyMs)} |`,
  );
  print(
    `| Pyodide ready on a later visit (start-up snapshot kept) | ${fmt(pyReadyCached)} | python3 run ${fmt(native.pyMs)} | ${ratio(pyReadyCached, native.pyMs)} |`,
  );
  print(
    `| first Python verdict after a reload (Pyodide start + judge) | ${fmt(pyCached)} | python3 run ${fmt(native.pyMs)} | ${ratio(pyCached, native.pyMs)} |`,
  );
  print(
    `| repeat load offline, until Run is usable | ${fmt(offlineMs)} | an icon from the same server ${fmt(blankMs)} | ${ratio(offlineMs, blankMs)} |`,
  );
  print('');
  print('Where the C++ first verdicts went:');
  print(`- nothing cached: ${stages(cold1)}`);
  print(`- after a reload: ${stages(cached1)}`);
  print(`- after a second reload: ${stages(codeCached1)}`);
  print('');
  print('| bytes over the wire (the host compresses nothing) | all files | of which runtime files |');
  print('| --- | --- | --- |');
  print(
    `| first C++ verdict, nothing cached (from choosing C++; the page already loaded) | ${megabytes(cppWire.all)} | ${megabytes(cppWire.runtime)} |`,
  );
  print(
    `| first Python verdict, first visit (the page, its app shell and Pyodide) | ${megabytes(pyWire.all)} | ${megabytes(pyWire.runtime)} |`,
  );
}

export const browserSection: BenchSection = {
  name: 'Chromium: first verdicts and offline load',
  async run(print) {
    const wire = new WireMeter();
    const host = await servePlainStatic(productionSite(), '/bench/', { onServed: wire.served });
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      await measure(host.url, browser, wire, print);
    } finally {
      await browser.close();
      await host.close();
    }
  },
};
