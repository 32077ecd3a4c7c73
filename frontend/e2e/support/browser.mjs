import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './backend.mjs';

export const screenshotsDir = join(repoRoot, 'screenshots');
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 812 };

// Why the three measures below (the CI flake "Frame has been detached", an unhandled rejection after a spec ended):
// headless Chromium's renderer crashes when print() is called on a PDF in a frame (the hub's Print button does
// exactly that, in a hidden iframe), and tearing the browser down with that crashed page and its contexts still
// open let Playwright reject promises nobody awaited. So: (1) every context records print() instead of running it,
// (2) teardown closes every context before the browser, (3) errors that Playwright raises for closed or crashed
// targets once teardown has begun are reported as notes, not as a failed run; anything else still fails it.
let tearingDown = false;
const TEARDOWN_NOISE = /Target page, context or browser has been closed|Target closed|Frame has been detached|Target crashed|Browser has been closed|browser has disconnected/i;

function isTeardownNoise(reason) {
  return tearingDown && TEARDOWN_NOISE.test(String(reason?.message ?? reason));
}

/** Routes the test runner's handlers for stray rejections through a filter for teardown noise (installed once). */
function tolerateTeardownNoise() {
  if (process.__porticoTeardownFilter) return;
  process.__porticoTeardownFilter = true;
  for (const event of ['unhandledRejection', 'uncaughtException']) {
    const runners = process.listeners(event);
    process.removeAllListeners(event);
    process.on(event, (reason, ...rest) => {
      if (isTeardownNoise(reason)) {
        console.log(`note: ignored after teardown began: ${String(reason?.message ?? reason).split('\n')[0]}`);
        return;
      }
      if (runners.length === 0) throw reason;
      for (const listener of runners) listener.call(process, reason, ...rest);
    });
  }
}

/** Stands in for window.print in every frame of a context: records the request on the top page. */
function recordPrints() {
  window.print = () => {
    try {
      (window.top.__printRequests ??= []).push(location.href);
    } catch {
      /* a cross-origin frame: nothing to record on */
    }
  };
}

/** The print() calls a page made (recorded by recordPrints, never run). */
export async function printRequests(page) {
  return page.evaluate(() => window.__printRequests ?? []);
}

/** Closes every context, then the browser (the order that lets Playwright finish what is pending). */
export async function closeBrowser(browser) {
  tearingDown = true;
  if (!browser) return;
  for (const context of browser.contexts()) await context.close().catch(() => {});
  await browser.close().catch(() => {});
}

export async function launch() {
  tolerateTeardownNoise();
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A browser context for one person, collecting console errors and page errors. */
export async function newActor(browser, baseUrl, name) {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: DESKTOP, acceptDownloads: true });
  await context.addInitScript(recordPrints);
  const page = await context.newPage();
  const problems = [];
  page.on('crash', () => problems.push(`[${name}] the page crashed`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`[${name}] console.error: ${m.text()} (${m.location().url ?? ''})`); });
  page.on('pageerror', (e) => problems.push(`[${name}] page error: ${e.message}`));
  page.setDefaultTimeout(15_000);
  return { name, context, page, problems };
}

/** How many elements `locator` matches once that number is `expected`, or after 10 s whatever it is then (assert it):
 * lists fill in as their queries answer (a cached list first, then the server's), so a count read at once can be a
 * moment early. */
export async function countOf(locator, expected, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let n = await locator.count();
  while (n !== expected && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    n = await locator.count();
  }
  return n;
}

/** Screenshot of the current screen at desktop and phone widths: screenshots/<name>-desktop.png, -phone.png. */
export async function snap(page, name) {
  mkdirSync(screenshotsDir, { recursive: true });
  const before = page.viewportSize();
  await page.setViewportSize(DESKTOP);
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(screenshotsDir, `${name}-desktop.png`) });
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(250);
  const modal = (await page.locator('[role=dialog]').count()) > 0;
  await page.screenshot({ path: join(screenshotsDir, `${name}-phone.png`), fullPage: !modal });
  await page.setViewportSize(before ?? DESKTOP);
  await page.waitForTimeout(100);
}

/** A small valid one-page PDF, built with correct xref offsets. */
export function makePdf(text) {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = `BT /F1 28 Tf 72 760 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  objs[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let out = '%PDF-1.4\n';
  const offsets = [];
  objs.forEach((o, i) => { offsets.push(out.length); out += `${i + 1} 0 obj\n${o}\nendobj\n`; });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
