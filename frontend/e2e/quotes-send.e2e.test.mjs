// End-to-end, issue 10 point 8: a rep sends a quote from the quotes list — one contact, a PDF and an attachment,
// amount, message, reminders and expiry — and follows it: the status chip, the timeline, the quotes list with its
// filters, a new version, the customer page's Send quote. The contact's email is in the outbox. The customer and
// its contacts are set up through GraphQL; the rest is done in the browser. Screenshots: screenshots/quotes-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBackend, artifacts } from './support/backend.mjs';
import { stepper } from './support/steps.mjs';
import { staffLogIn } from './support/api.mjs';
import { quoteCustomer, waitForMail } from './support/quotes.mjs';
import { closeBrowser, launch, makePdf, newActor, snap, screenshotsDir, countOf } from './support/browser.mjs';

const RUN = Date.now().toString(36).slice(-5);
const CUSTOMER = `Halcyon Builders ${RUN}`;
const JANE = { firstName: 'Jane', lastName: 'Moss', email: `jane.${RUN}@halcyon.example` };
const OLE = { firstName: 'Ole', lastName: 'Berg', email: `ole.${RUN}@halcyon.example` };
const NUMBER = `Q-${RUN}-1`;
const TITLE = `Office fit-out, 3rd floor (${RUN})`;

let backend, browser, admin, anna;
const actors = () => [admin, anna].filter(Boolean);

before(async () => {
  backend = await startBackend();
  browser = await launch();
  admin = await newActor(browser, backend.baseUrl, 'admin');
  anna = await newActor(browser, backend.baseUrl, 'anna');
  console.log(`e2e backend: ${backend.baseUrl}  screenshots: ${screenshotsDir}  artifacts: ${artifacts}`);
});

after(async () => {
  await closeBrowser(browser);
  await backend?.stop();
});

test('quotes: send a quote to one contact and follow it', async (t) => {
  const step = stepper(t, { actors, backend: () => backend });
  let customerId = '';

  await step('a customer with two contacts in the hub and the Quotes module on (through GraphQL)', async () => {
    await staffLogIn(admin, 'admin@northwind.example', 'portico-demo-admin');
    await staffLogIn(anna, 'anna@northwind.example', 'portico-demo-rep');
    ({ customerId } = await quoteCustomer({ admin, rep: anna, repEmail: 'anna@northwind.example', name: CUSTOMER, people: [JANE, OLE] }));
  });

  await step('anna opens Quotes from the navigation and sends a quote to Jane only', async () => {
    const { page } = anna;
    await page.getByRole('link', { name: 'Quotes' }).click();
    await page.getByRole('heading', { name: 'Quotes', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Send quote' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send quote' });
    // Sending an empty form says what is missing, in place.
    await dialog.getByRole('button', { name: 'Send quote' }).click();
    await dialog.getByText('Add the quote as a PDF.').waitFor();
    await dialog.getByLabel('Search customers').fill(CUSTOMER);
    await dialog.getByRole('button', { name: `Choose ${CUSTOMER}` }).click();
    await dialog.getByLabel('Quote number').fill(NUMBER);
    await dialog.getByLabel('Title').fill(TITLE);
    await dialog.getByLabel('Amount').fill('48 250,00');
    await dialog.getByLabel('Currency').fill('DKK');
    await dialog.getByTestId('quote-pdf-input').setInputFiles({ name: `${NUMBER}.pdf`, mimeType: 'application/pdf', buffer: makePdf(`Quote ${NUMBER}`) });
    await dialog.getByTestId('quote-attachments-input').setInputFiles({ name: 'Floor plan.pdf', mimeType: 'application/pdf', buffer: makePdf('Floor plan') });
    await dialog.getByText(/^Uploaded ·/).nth(1).waitFor();
    await dialog.getByLabel('Personal message').fill(`Hi Jane, the fit-out as we discussed. (${RUN})`);
    await dialog.getByRole('radio', { name: /One contact/ }).check();
    await dialog.getByLabel('Contact', { exact: true }).selectOption({ label: `${JANE.firstName} ${JANE.lastName} (${JANE.email})` });
    const in30 = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await dialog.getByLabel('Expires on', { exact: true }).fill(in30);
    await dialog.getByRole('checkbox', { name: 'Remind when not opened after' }).check();
    await dialog.getByRole('checkbox', { name: 'Remind', exact: true }).check();
    await snap(page, 'quotes-send-dialog');
    await dialog.getByRole('button', { name: 'Send quote' }).click();
    await page.waitForURL(/\/quotes\/[^/]+$/);
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await page.getByTestId('quote-status').filter({ hasText: 'Sent' }).first().waitFor();
    await page.getByTestId('timeline-item').filter({ hasText: 'sent the quote' }).first().waitFor();
    assert.match(await page.getByTestId('staff-quote-amount').textContent(), /48,250\.00/);
    await snap(page, 'quotes-page-sent');
  });

  await step('Jane got the quote email; Ole did not (one contact)', async () => {
    const mail = await waitForMail(admin.page, JANE.email, new RegExp(NUMBER.replace(/-/g, '\\-') + '|quote', 'i'));
    assert.ok(mail.text.includes('/hub'), 'the quote email links to the hub');
    const r = await admin.page.evaluate(async () => (await (await fetch('/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: '{ devMailbox(first: 100) { to subject } }' }) })).json()));
    assert.equal(r.data.devMailbox.filter((m) => m.to.includes(OLE.email) && /quote/i.test(m.subject)).length, 0, 'Ole got the quote email');
  });

  await step('anna uploads a new version on the quote page', async () => {
    const { page } = anna;
    await page.getByTestId('quote-version-input').setInputFiles({ name: `${NUMBER}-v2.pdf`, mimeType: 'application/pdf', buffer: makePdf(`Quote ${NUMBER} v2`) });
    await page.getByRole('button', { name: 'Publish version 2' }).click();
    await page.getByTestId('quote-version').filter({ hasText: 'Version 2' }).waitFor();
    await page.getByTestId('timeline-item').filter({ hasText: 'new version' }).first().waitFor();
    assert.equal(await countOf(page.getByTestId('quote-version'), 2), 2);
  });

  await step('the quotes list: status chips and filters', async () => {
    const { page } = anna;
    await page.getByRole('link', { name: 'Quotes' }).first().click();
    const row = page.getByTestId('quote-row').filter({ hasText: TITLE });
    await row.waitFor();
    await row.getByTestId('quote-status').filter({ hasText: 'Sent' }).waitFor();
    await snap(page, 'quotes-list');
    await page.getByRole('group', { name: 'Status' }).getByRole('button', { name: 'Accepted' }).click();
    await page.waitForURL(/status=ACCEPTED/);
    await page.getByText('No quotes match').waitFor();
    await page.getByRole('group', { name: 'Status' }).getByRole('button', { name: 'All' }).click();
    await row.waitFor();
    // Just sent: not yet "sent 3+ days ago, not opened".
    await page.getByLabel('Not opened').selectOption('3');
    await page.waitForURL(/notOpened=3/);
    await page.getByText('No quotes match').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Customer', { exact: true }).selectOption({ label: CUSTOMER });
    await page.waitForURL(/customer=/);
    // The demo's quotes go once the filtered list arrives.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="quote-row"]').length === 1);
    await row.waitFor();
  });

  await step('the customer page sends a quote too, with the customer chosen', async () => {
    const { page } = anna;
    await page.goto(`/customers/${encodeURIComponent(customerId)}`);
    await page.getByRole('heading', { name: CUSTOMER }).waitFor();
    await page.getByRole('button', { name: 'Send quote' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send quote' });
    await dialog.getByText(CUSTOMER, { exact: true }).waitFor();
    await dialog.getByTestId('all-contacts-count').filter({ hasText: '2 contacts with hub access' }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  await step('no console errors in any page', async () => {
    assert.deepEqual(actors().flatMap((a) => a.problems), []);
  });
});
