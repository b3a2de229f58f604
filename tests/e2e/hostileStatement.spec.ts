/**
 * Imported content is inert: packages whose statements (Markdown with HTML in it, and LaTeX) try
 * to restyle the app, draw over it, load from anywhere and run script are imported through the
 * Judge view's real import path and shown. Nothing outside the statement changes, no request
 * leaves the page, no script runs, and nothing of the kinds that load, run or restyle is left in
 * the statement. Then the page's Content-Security-Policy itself is checked: what a sanitiser slip
 * would put on the page is still refused.
 */
import { expect, test, type Page } from '@playwright/test';
import { HOSTILE_HOST, hostilePackages } from '../fixtures/packages/hostileStatements';
import { ILLUSTRATED, illustratedPackageZip } from '../fixtures/packages/illustratedStatement';

test.describe.configure({ mode: 'serial' });

let page: Page;
const leftThePage: string[] = [];
const reachedTheNetwork: string[] = [];

/**
 * How the app's own header, navigation and controls look and where they sit: a restyle would
 * hide, move or recolour them. Of the controls only the height counts: the imported-problems list
 * above them grows with each import, and the problem select widens with a long title.
 */
async function appLayout(): Promise<string> {
  return page.evaluate(() => {
    const shown = (selector: string, withTop: boolean) => {
      const element = document.querySelector(selector);
      if (!element) return `${selector}: missing`;
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      const place = withTop ? `${Math.round(box.x)},${Math.round(box.y + window.scrollY)} ${Math.round(box.width)}x` : 'height ';
      return `${selector}: ${place}${Math.round(box.height)} ${style.display} ${style.visibility} ${style.color} ${style.backgroundColor}`;
    };
    const body = getComputedStyle(document.body);
    return [
      `body: ${body.display} ${body.backgroundColor} ${body.fontFamily}`,
      shown('header', true),
      shown('nav', true),
      shown('[data-testid="judge-problem"]', false),
      shown('[data-testid="judge-run"]', false),
    ].join('\n');
  });
}

async function policyViolations(): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

test.beforeAll(async ({ browser, baseURL }) => {
  page = await browser.newPage();
  const origin = new URL(baseURL!).origin;
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:')) leftThePage.push(url);
  });
  // Chromium announces a request the policy then blocks, so the slip test asks the network layer:
  // anything for the hostile host that gets that far is answered here and counted.
  await page.route(`http://${HOSTILE_HOST}/**`, (route) => {
    reachedTheNetwork.push(route.request().url());
    return route.fulfill({ status: 204 });
  });
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = violations;
    document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.effectiveDirective} ${event.blockedURI}`));
  });
  await page.goto('./#/judge');
  await expect(page.getByTestId('judge-problem')).toHaveValue('aplusb');
  await page.getByTestId('problem-library').locator('summary').click();
  // The app itself lives within its policy: nothing of its own is refused.
  expect(await policyViolations()).toEqual([]);
});

test.afterAll(() => page.close());

for (const hostile of hostilePackages) {
  test(`${hostile.id}: shown, and nothing outside its box changes, loads or runs`, async () => {
    await expect(page.locator('.statement')).toBeVisible();
    const before = await appLayout();
    await page
      .getByTestId('import-zip')
      .setInputFiles({ name: `${hostile.id}.zip`, mimeType: 'application/zip', buffer: Buffer.from(hostile.zip) });
    await expect(page.getByTestId('import-notice')).toContainText(`Imported ${hostile.title}`);
    await expect(page.getByTestId('judge-problem')).toHaveValue(hostile.id);
    const statement = page.locator('.statement');
    if ((await statement.getAttribute('open')) === null) await statement.locator('summary').first().click();
    const body = statement.locator('.statement-body');
    await expect(body).toBeVisible();

    // What a statement needs is there: text, math, links as plain links, images named by their alt text.
    await expect(body).toContainText('Read a number');
    await expect(body.locator('.katex').first()).toBeVisible();
    if (hostile.id === 'hostile-markdown') {
      await expect(body.locator('table').first()).toBeVisible();
      await expect(body).toContainText('[image: remote figure]');
      await expect(body).toContainText('[image: markdown remote image]');
      await expect(body.getByRole('link', { name: 'plain link', exact: true })).toHaveAttribute('rel', /noopener/);
    }

    // Nothing outside typeset math carries style, class, id, data, sources or handlers; no element
    // of the kinds that load, run or restyle is left.
    const leftovers = await body.evaluate((root) =>
      [...root.querySelectorAll('*')]
        .filter((element) => !element.closest('.katex, .katex-display'))
        .flatMap((element) => {
          const kind =
            /^(style|link|meta|base|img|picture|source|video|audio|iframe|object|embed|svg|math|script|form|input|button)$/i.test(
              element.tagName,
            )
              ? [element.tagName]
              : [];
          const attributes = [...element.attributes]
            .map((a) => a.name)
            .filter((name) => !/^(href|title|colspan|rowspan|start|lang|dir|target|rel)$/.test(name));
          return [...kind, ...attributes.map((name) => `${element.tagName}[${name}]`)];
        }),
    );
    expect(leftovers).toEqual([]);
    // Links stay only as plain http(s)/mailto links (GFM turns bare URLs into links too), opened
    // in a new tab without referrer: they load nothing until clicked.
    const links = await body
      .locator('a[href]')
      .evaluateAll((anchors) => anchors.map((a) => `${a.getAttribute('href')} ${a.getAttribute('target')} ${a.getAttribute('rel')}`));
    expect(links.filter((link) => !/^(https?:|mailto:)\S* _blank noopener noreferrer nofollow$/.test(link))).toEqual([]);

    // The app looks and sits as before; the fake verdict and test id are gone; its Run button is on top.
    expect(await appLayout()).toBe(before);
    await expect(page.getByTestId('judge-verdict')).toHaveCount(0);
    const run = page.getByTestId('judge-run');
    const box = (await run.boundingBox())!;
    expect(
      await page.evaluate(
        ([x, y]) => document.elementFromPoint(x!, y!)?.closest('[data-testid="judge-run"]') !== null,
        [box.x + box.width / 2, box.y + box.height / 2],
      ),
    ).toBe(true);

    // Clicking what were javascript: and relative links does nothing.
    const url = page.url();
    await body.getByText('javascript link').click();
    await body.getByText('relative link').click();
    expect(page.url()).toBe(url);

    await page.waitForTimeout(500); // let anything that would load or run have its moment
    expect(await page.evaluate(() => (window as unknown as { __statementRan?: string[] }).__statementRan)).toBeUndefined();
    expect(leftThePage).toEqual([]);
  });
}

test("a statement shows its package's own image from an object URL, revoked when it goes away; other images as notes", async () => {
  await page
    .getByTestId('import-zip')
    .setInputFiles({ name: `${ILLUSTRATED.id}.zip`, mimeType: 'application/zip', buffer: Buffer.from(illustratedPackageZip()) });
  await expect(page.getByTestId('judge-problem')).toHaveValue(ILLUSTRATED.id);
  const statement = page.locator('.statement');
  if ((await statement.getAttribute('open')) === null) await statement.locator('summary').first().click();
  const body = statement.locator('.statement-body');
  const figure = body.locator('img');
  await expect(figure).toHaveCount(1);
  await expect(figure).toHaveAttribute('alt', "the package's own figure");
  await expect.poll(() => figure.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(ILLUSTRATED.figureWidth);
  const url = (await figure.getAttribute('src'))!;
  expect(url).toMatch(/^blob:/);
  expect(await figure.evaluate((img) => img.getAttributeNames().sort())).toEqual(['alt', 'src']);
  await expect(body).toContainText('[image: absent figure] (missing from the package)');
  await expect(body).toContainText('[image: remote figure] (not loaded');
  // Another problem's statement replaces it: the object URL, served until then, is revoked.
  const served = (blob: string) =>
    fetch(blob).then(
      () => 'still served',
      () => 'revoked',
    );
  expect(await page.evaluate(served, url)).toBe('still served');
  await page.getByTestId('judge-problem').selectOption('aplusb');
  await expect(body.locator('img')).toHaveCount(0);
  expect(await page.evaluate(served, url)).toBe('revoked');
  expect(leftThePage).toEqual([]);
});

test("the page's policy refuses what a sanitiser slip would let through", async () => {
  // The statement the test before chose (A plus B) renders after its problem loads, folded or not.
  const statement = page.locator('.statement');
  await expect(statement.locator('.statement-body')).toBeAttached();
  if ((await statement.getAttribute('open')) === null) await statement.locator('summary').first().click();
  await expect(statement.locator('.statement-body')).toBeVisible();
  const before = await appLayout();
  // Parsing the raw statements for the sanitiser already met the policy (handlers, <base>, inline
  // <style> in the parser's document): count only what this test puts on the live page.
  const earlier = (await policyViolations()).length;
  await page.evaluate((host) => {
    const body = document.querySelector('.statement-body')!;
    const slip = document.createElement('div');
    slip.innerHTML = `<img src="http://${host}/slip.png"><link rel="stylesheet" href="http://${host}/slip.css"><style>body{display:none!important}</style>`;
    body.append(slip);
    const script = document.createElement('script');
    script.textContent = "window.__statementRan = ['inline script']";
    body.append(script);
  }, HOSTILE_HOST);
  // Each directive once, however many of the page's two policies report it (a remote stylesheet
  // breaks both): that the style applied nowhere is what appLayout checks below.
  const refused = async () => [...new Set((await policyViolations()).slice(earlier).map((v) => v.split(' ')[0]))].sort();
  await expect.poll(refused).toEqual(['img-src', 'script-src-elem', 'style-src-elem']);
  expect(await appLayout()).toBe(before);
  expect(await page.evaluate(() => (window as unknown as { __statementRan?: string[] }).__statementRan)).toBeUndefined();
  await page.waitForTimeout(500);
  expect(reachedTheNetwork).toEqual([]);
});
