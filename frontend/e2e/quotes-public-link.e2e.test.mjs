// End-to-end, issue 10 points 2 and 5: a rep sends a quote as a public link with a password (the link shown once);
// a visitor without a hub account opens it, is refused a wrong password, sees that one quote, and accepts it with
// their name, email and the code emailed to that address. The rep revokes the link: it stops opening. The page
// speaks the quote's language (not the browser's) and, once the password is given, is headed by the organization.
// Screenshots: screenshots/quotes-link-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBackend, artifacts } from './support/backend.mjs';
import { stepper } from './support/steps.mjs';
import { gql, staffLogIn } from './support/api.mjs';
import { acceptanceCode } from './support/quotes.mjs';
import { PHONE, closeBrowser, launch, makePdf, newActor, snap, screenshotsDir } from './support/browser.mjs';

const RUN = Date.now().toString(36).slice(-5);
const CUSTOMER = `Skylark Events ${RUN}`;
const NUMBER = `Q-${RUN}-L`;
const TITLE = `Conference catering (${RUN})`;
const PASSWORD = 'sunflower-meadow-7';
const VISITOR = { name: 'Vera Lund', email: `vera.${RUN}@skylark.example` };

let backend, browser, admin, anna, visitor;
const actors = () => [admin, anna, visitor].filter(Boolean);

before(async () => {
  backend = await startBackend();
  browser = await launch();
  admin = await newActor(browser, backend.baseUrl, 'admin');
  anna = await newActor(browser, backend.baseUrl, 'anna');
  visitor = await newActor(browser, backend.baseUrl, 'visitor');
  console.log(`e2e backend: ${backend.baseUrl}  screenshots: ${screenshotsDir}  artifacts: ${artifacts}`);
});

after(async () => {
  await closeBrowser(browser);
  await backend?.stop();
});

test('quotes: a public-link visitor opens a quote with its password and accepts it', async (t) => {
  const step = stepper(t, { actors, backend: () => backend });
  let linkUrl = '';

  await step('anna creates the customer and sends the quote as a public link with a password', async () => {
    await staffLogIn(admin, 'admin@northwind.example', 'portico-demo-admin');
    await staffLogIn(anna, 'anna@northwind.example', 'portico-demo-rep');
    const created = await gql(anna.page, `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } errors { message } } }`, { input: { kind: 'COMPANY', name: CUSTOMER } });
    assert.deepEqual(created.data.createCustomer.errors, []);
    const { page } = anna;
    await page.goto('/quotes?new=1');
    const dialog = page.getByRole('dialog', { name: 'Send quote' });
    await dialog.getByLabel('Search customers').fill(CUSTOMER);
    await dialog.getByRole('button', { name: `Choose ${CUSTOMER}` }).click();
    await dialog.getByLabel('Quote number').fill(NUMBER);
    await dialog.getByLabel('Title').fill(TITLE);
    await dialog.getByLabel('Amount').fill('3400');
    await dialog.getByTestId('quote-pdf-input').setInputFiles({ name: `${NUMBER}.pdf`, mimeType: 'application/pdf', buffer: makePdf(`Quote ${NUMBER}`) });
    await dialog.getByText(/^Uploaded ·/).waitFor();
    await dialog.getByRole('radio', { name: /Public link/ }).check();
    await dialog.getByLabel('Link password').fill('short');
    await dialog.getByRole('button', { name: 'Send quote' }).click();
    await dialog.getByText(/needs at least 10 characters/).waitFor();
    await dialog.getByLabel('Link password').fill(PASSWORD);
    await snap(page, 'quotes-link-send-dialog');
    await dialog.getByRole('button', { name: 'Send quote' }).click();
    const ready = page.getByRole('dialog', { name: 'Quote ready' });
    linkUrl = (await ready.getByTestId('quote-link-url').textContent()).trim();
    assert.match(linkUrl, /\/quote-link\/[\w-]+$/);
    await snap(page, 'quotes-link-ready');
    await ready.getByRole('button', { name: 'Open the quote' }).click();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await page.getByTestId('quote-link').first().waitFor();
  });

  await step('the visitor opens the link: a wrong password is refused, the right one shows that quote only', async () => {
    const { page } = visitor;
    await page.goto(linkUrl.replace(/^https?:\/\/[^/]+/, backend.baseUrl));
    await page.getByRole('heading', { name: 'Open your quote' }).waitFor();
    // Before the password the token tells the page the quote's language only: the sender is not named yet.
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.doesNotMatch(await page.locator('body').innerText(), /Northwind/);
    await snap(page, 'quotes-link-password');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Open quote' }).click();
    await page.getByText('The password is wrong.').waitFor();
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Open quote' }).click();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await page.locator('[data-testid="pdf-pages"] canvas').first().waitFor();
    // With the visit, the header names the organization that sent it, like the hub's.
    const brand = page.getByTestId('visitor-brand');
    await brand.filter({ hasText: 'Northwind Supplies' }).waitFor();
    assert.match(await brand.innerText(), new RegExp(`Quote ${NUMBER}`));
    // A browser set to Swedish still gets the quote's language (English) on the password page.
    const swedish = await browser.newContext({ baseURL: backend.baseUrl, locale: 'sv-SE' });
    const sv = await swedish.newPage();
    await sv.goto(linkUrl.replace(/^https?:\/\/[^/]+/, backend.baseUrl));
    await sv.getByRole('heading', { name: 'Open your quote' }).waitFor();
    assert.equal(await sv.evaluate(() => navigator.language), 'sv-SE');
    await swedish.close();
    // Nothing else: the hub and the staff pages are not theirs.
    const r = await gql(page, '{ viewer { kind } customers(first: 5) { edges { node { id } } } }');
    assert.ok(r.errors || (r.data?.customers?.edges ?? []).length === 0, `a visitor listed customers: ${JSON.stringify(r.data)}`);
  });

  await step('the visitor accepts at phone width with name, email and the emailed code', async () => {
    const { page } = visitor;
    await page.setViewportSize(PHONE);
    await page.getByTestId('quote-decision').getByRole('button', { name: 'Accept quote' }).click();
    await page.getByLabel('Your full name').fill(VISITOR.name);
    await page.getByLabel('Your email').fill(VISITOR.email);
    await page.getByRole('button', { name: 'Email me a code' }).click();
    await page.getByText(/We sent a code to/).waitFor();
    const code = await acceptanceCode(admin.page, VISITOR.email);
    await page.getByLabel('6-digit code').fill(code);
    await page.screenshot({ path: `${screenshotsDir}/quotes-link-accept-phone.png`, fullPage: true });
    await page.getByRole('button', { name: 'Accept quote' }).click();
    await page.getByTestId('quote-accepted').waitFor();
    await page.setViewportSize({ width: 1280, height: 800 });
    await snap(page, 'quotes-link-accepted');
  });

  await step('anna sees the acceptance by the visitor, then revokes the link: it stops opening', async () => {
    const { page } = anna;
    await page.getByTestId('acceptance-record').filter({ hasText: VISITOR.email }).waitFor({ timeout: 20_000 });
    await snap(page, 'quotes-link-staff');
    await page.getByRole('button', { name: 'Revoke' }).click();
    await page.getByTestId('quote-link').filter({ hasText: 'Revoked' }).waitFor();
    const fresh = await newActor(browser, backend.baseUrl, 'late-visitor');
    await fresh.page.goto(linkUrl.replace(/^https?:\/\/[^/]+/, backend.baseUrl));
    await fresh.page.getByLabel('Password').fill(PASSWORD);
    await fresh.page.getByRole('button', { name: 'Open quote' }).click();
    await fresh.page.getByText(/withdrawn/).waitFor();
    await fresh.context.close();
  });

  await step('no console errors in any page', async () => {
    assert.deepEqual(actors().flatMap((a) => a.problems).filter((p) => !/status of 4\d\d/.test(p)), []);
  });
});
