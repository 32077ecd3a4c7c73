import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './backend.mjs';

export const screenshotsDir = join(repoRoot, 'screenshots');
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 812 };

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A browser context for one person, collecting console errors and page errors. */
export async function newActor(browser, baseUrl, name) {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: DESKTOP, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`[${name}] console.error: ${m.text()} (${m.location().url ?? ''})`); });
  page.on('pageerror', (e) => problems.push(`[${name}] page error: ${e.message}`));
  page.setDefaultTimeout(15_000);
  return { name, context, page, problems };
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
