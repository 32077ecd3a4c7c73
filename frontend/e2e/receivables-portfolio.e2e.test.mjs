// End-to-end, issue 11 point 1 (more of points 1-2 and the hub follow as their GraphQL lands): account managers.
// - the admin assigns account managers in bulk from a selection in the customers list;
// Screenshots: screenshots/receivables-bulk-assign-*.png.
import { test, before, after } from 'node:test';
import { startBackend } from './support/backend.mjs';
import { stepper } from './support/steps.mjs';
import { gql, staffLogIn } from './support/api.mjs';
import { closeBrowser, launch, newActor, snap } from './support/browser.mjs';
import { customerWithContact, memberIds } from './support/receivables.mjs';

const RUN = Date.now().toString(36).slice(-5);
const AURORA = `Aurora Bakery ${RUN}`;
const BIRCH = `Birch Dental ${RUN}`;
const IDA = { first: 'Ida', last: 'Sund', email: `ida.${RUN}@aurora.example` };
let backend, browser, admin, anna, ida;
const actors = () => [admin, anna, ida].filter(Boolean);

before(async () => {
  backend = await startBackend();
  browser = await launch();
  admin = await newActor(browser, backend.baseUrl, 'admin');
  anna = await newActor(browser, backend.baseUrl, 'anna');
  ida = await newActor(browser, backend.baseUrl, 'ida');
});
after(async () => {
  await closeBrowser(browser);
  await backend?.stop();
});

test('portfolio: bulk assignment, open and overdue per currency, invoices and the hub', async (t) => {
  const step = stepper(t, { actors, backend: () => backend });
  let ids, aurora, birch;

  await step('the admin selects two customers in the list and makes anna their account manager', async () => {
    await staffLogIn(admin, 'admin@northwind.example', 'portico-demo-admin');
    ids = await memberIds(admin.page);
    aurora = await customerWithContact(admin.page, AURORA, IDA);
    birch = await customerWithContact(admin.page, BIRCH, null);
    const { page } = admin;
    await page.goto('/customers');
    await page.getByLabel('Search customers').fill(RUN);
    await page.getByText('2 customers', { exact: true }).waitFor();
    await page.getByRole('checkbox', { name: 'Select all shown customers' }).check();
    await page.getByRole('button', { name: 'Account managers…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Account managers for 2 customers' });
    await dialog.getByRole('checkbox', { name: /Anna Berg/ }).check();
    await snap(page, 'receivables-bulk-assign');
    await dialog.getByRole('button', { name: 'Assign' }).click();
    await page.getByText('Anna Berg now manages 2 customers.').waitFor();
    for (const name of [AURORA, BIRCH]) {
      await page.locator('tbody tr', { hasText: name }).getByText('Anna Berg').waitFor();
    }
  });

});

async function contactId(page, customerId) {
  const r = await gql(page, 'query($id: ID!) { customer(id: $id) { contacts { id } } }', { id: customerId });
  return r.data.customer.contacts[0].id;
}
