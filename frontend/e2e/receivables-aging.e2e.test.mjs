// End-to-end, issue 11 point 5: the aging report per account manager.
// Invoices in CHF (a currency the demo data does not use, so the figures are exactly this spec's) for customers of
// anna and of ben, due at chosen distances from today; the report's buckets equal the hand-computed figures, the
// chart draws them, an amount drills down to its invoices (with "opened"), the CSV export carries the same rows;
// anna (a MEMBER) sees only her own row. Screenshots: screenshots/receivables-aging-*.png (desktop + phone).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startBackend } from './support/backend.mjs';
import { stepper } from './support/steps.mjs';
import { staffLogIn } from './support/api.mjs';
import { closeBrowser, launch, newActor, snap, countOf } from './support/browser.mjs';
import { assign, customerWithContact, invoice, memberIds, unassign } from './support/receivables.mjs';

const RUN = Date.now().toString(36).slice(-5);
let backend, browser, admin, anna;
const actors = () => [admin, anna].filter(Boolean);

before(async () => {
  backend = await startBackend();
  browser = await launch();
  admin = await newActor(browser, backend.baseUrl, 'admin');
  anna = await newActor(browser, backend.baseUrl, 'anna');
});
after(async () => {
  await closeBrowser(browser);
  await backend?.stop();
});

const norm = (s) => s.replace(/\s+/g, ' ');

test('aging report per account manager', async (t) => {
  const step = stepper(t, { actors, backend: () => backend });

  await step('invoices in CHF for anna\'s and ben\'s customers, due at chosen distances from today', async () => {
    await staffLogIn(admin, 'admin@northwind.example', 'portico-demo-admin');
    const ids = await memberIds(admin.page);
    const a = await customerWithContact(admin.page, `Alpine Optics ${RUN}`, null);
    const b = await customerWithContact(admin.page, `Bern Tools ${RUN}`, null);
    await assign(admin.page, [a], [ids.anna]);
    await assign(admin.page, [b], [ids.ben]);
    await unassign(admin.page, [a, b], [ids.admin]); // their creator was their account manager too
    // anna: not due 100.00, 1-30 250.50, 61-90 75.25, >90 1000.00; ben: 31-60 40.00, not due 10.00
    const inv = (customerId, n, amount, dueInDays) => invoice(admin.page, { customerId, number: `CH-${RUN}-${n}`, amount, currency: 'CHF', dueInDays, issuedDaysAgo: 200 });
    await inv(a, 1, '100.00', 5);
    await inv(a, 2, '250.50', -3);
    await inv(a, 3, '75.25', -70);
    await inv(a, 4, '1000.00', -120);
    await inv(b, 5, '40.00', -45);
    await inv(b, 6, '10.00', 0);
  });

  await step('the admin reads the CHF aging: buckets equal the hand-computed figures, with a total line', async () => {
    const { page } = admin;
    await page.goto('/reports?currency=CHF');
    const table = page.getByTestId('aging-table');
    await table.waitFor();
    const annaRow = norm(await table.locator('tbody tr[data-owner="Anna Berg"]').innerText());
    assert.match(annaRow, /CHF\s?100\.00 .*CHF\s?250\.50 .*— .*CHF\s?75\.25 .*CHF\s?1,000\.00 .*CHF\s?1,425\.75/, annaRow);
    const benRow = norm(await table.locator('tbody tr[data-owner="Ben Carter"]').innerText());
    assert.match(benRow, /CHF\s?10\.00 .*— .*CHF\s?40\.00 .*— .*— .*CHF\s?50\.00/, benRow);
    assert.match(norm(await page.getByTestId('aging-total').innerText()), /CHF\s?1,475\.75/);
    assert.equal(await countOf(page.locator('[data-testid=aging-chart] g[data-owner]'), 2), 2);
    await snap(page, 'receivables-aging');
  });

  await step('an amount drills down to its invoices, each with whether the customer opened it', async () => {
    const { page } = admin;
    await page.getByRole('button', { name: /^Anna Berg, Over 90 days/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Invoices: Over 90 days, CHF' });
    const rows = dialog.getByTestId('aging-invoices').locator('tbody tr');
    await rows.first().waitFor();
    assert.equal(await countOf(rows, 1), 1);
    assert.match(norm(await rows.first().innerText()), new RegExp(`CH-${RUN}-4 .*Alpine Optics ${RUN}.*120 .*1,000\\.00 .*No`));
    await snap(page, 'receivables-aging-drilldown');
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  await step('the CSV export carries the same figures', async () => {
    const { page } = admin;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV' }).first().click()]);
    const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const line = text.split(/\r?\n/).find((l) => l.includes('anna@northwind.example') && l.includes('CHF'));
    assert.ok(line, text);
    assert.match(line, /100\.00.*250\.50.*0(\.00)?.*75\.25.*1000\.00/);
  });

  await step('anna, a MEMBER, sees only her own row', async () => {
    await staffLogIn(anna, 'anna@northwind.example', 'portico-demo-rep');
    const { page } = anna;
    await page.goto('/reports?currency=CHF');
    await page.getByTestId('aging-table').waitFor();
    assert.equal(await countOf(page.locator('[data-testid=aging-table] tbody tr'), 1), 1);
    await page.locator('tbody tr[data-owner="Anna Berg"]').waitFor();
    await snap(page, 'receivables-aging-member');
  });
});
