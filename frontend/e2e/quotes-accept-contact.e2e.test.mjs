// End-to-end, issue 10 points 5 and 7: a contact opens her hub's Quotes section (at phone width too), views the
// quote with pdf.js, downloads it, and accepts it: a 6-digit code emailed to her own address (read from the dev
// mailbox) and her full name. The certificate is there for both sides; the rep watches it happen live on the quote
// page. A colleague the quote was not for does not see it. Screenshots: screenshots/quotes-hub-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBackend, artifacts } from './support/backend.mjs';
import { stepper } from './support/steps.mjs';
import { gql, ok, staffLogIn } from './support/api.mjs';
import { acceptanceCode, quoteCustomer, upload, hubWelcomeLinks } from './support/quotes.mjs';
import { PHONE, closeBrowser, launch, makePdf, newActor, snap, screenshotsDir } from './support/browser.mjs';

const RUN = Date.now().toString(36).slice(-5);
const CUSTOMER = `Nordlys Retail ${RUN}`;
const JANE = { firstName: 'Jane', lastName: 'Holm', email: `jane.${RUN}@nordlys.example` };
const OLE = { firstName: 'Ole', lastName: 'Vik', email: `ole.${RUN}@nordlys.example` };
const NUMBER = `Q-${RUN}-7`;
const TITLE = `Store lighting upgrade (${RUN})`;

let backend, browser, admin, anna, jane, ole;
const actors = () => [admin, anna, jane, ole].filter(Boolean);

async function openHub(actor, link) {
  await actor.page.goto(link.replace(/^https?:\/\/[^/]+/, backend.baseUrl));
  await actor.page.getByRole('button', { name: 'Not now, open my hub' }).click();
  await actor.page.waitForURL(/\/hub$/);
}

before(async () => {
  backend = await startBackend();
  browser = await launch();
  for (const name of ['admin', 'anna', 'jane', 'ole']) {
    const actor = await newActor(browser, backend.baseUrl, name);
    ({ admin, anna, jane, ole } = { admin, anna, jane, ole, [name]: actor });
  }
  console.log(`e2e backend: ${backend.baseUrl}  screenshots: ${screenshotsDir}  artifacts: ${artifacts}`);
});

after(async () => {
  await closeBrowser(browser);
  await backend?.stop();
});

test('quotes: a contact accepts a quote with an emailed code; the rep sees it live', async (t) => {
  const step = stepper(t, { actors, backend: () => backend });
  let quoteId = '';

  await step('a customer with Jane and Ole in the hub; anna sends Jane a quote (through GraphQL)', async () => {
    await staffLogIn(admin, 'admin@northwind.example', 'portico-demo-admin');
    await staffLogIn(anna, 'anna@northwind.example', 'portico-demo-rep');
    const { customerId } = await quoteCustomer({ admin, rep: anna, repEmail: 'anna@northwind.example', name: CUSTOMER, people: [JANE, OLE] });
    const [janeLink, oleLink] = await hubWelcomeLinks(admin.page, [JANE.email, OLE.email]);
    const contacts = (await gql(anna.page, 'query($id: ID!) { customer(id: $id) { contacts { id email } } }', { id: customerId })).data.customer.contacts;
    const janeId = contacts.find((c) => c.email === JANE.email).id;
    const uploadId = await upload(anna.page, `${NUMBER}.pdf`, makePdf(`Quote ${NUMBER}`));
    const attachmentId = await upload(anna.page, 'Fixture list.pdf', makePdf('Fixture list'));
    const expiresOn = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    const made = await ok(anna.page, `mutation($input: CreateQuoteInput!) { createQuote(input: $input) { quote { id } errors { code field message } } }`, { input: {
      customerId, number: NUMBER, title: TITLE, amount: '12900.00', currency: 'EUR', message: `Dear Jane, as promised. (${RUN})`,
      visibility: 'ONE_CONTACT', contactId: janeId, uploadId, attachmentUploadIds: [attachmentId], expiresOn, notifyOnPublish: true,
      publish: true,
    } }, 'createQuote');
    quoteId = made.quote.id;
    await openHub(jane, janeLink);
    await openHub(ole, oleLink);
  });

  await step('anna keeps the quote page open (its timeline is live)', async () => {
    await anna.page.goto(`/quotes/${encodeURIComponent(quoteId)}`);
    await anna.page.getByTestId('quote-timeline').waitFor();
    await anna.page.evaluate(() => { window.__noReload = true; });
  });

  await step('Jane finds the quote in her hub and views it inline (QUOTE_OPENED live for anna)', async () => {
    const { page } = jane;
    const card = page.getByTestId('hub-quote').filter({ hasText: TITLE });
    await card.waitFor();
    await snap(page, 'quotes-hub-home');
    await card.click();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await page.locator('[data-testid="pdf-pages"] canvas').first().waitFor();
    await page.getByText('Fixture list.pdf').waitFor();
    await anna.page.getByTestId('timeline-item').filter({ hasText: 'opened the quote' }).first().waitFor();
    await anna.page.getByTestId('quote-status').filter({ hasText: 'Opened' }).first().waitFor();
    await snap(page, 'quotes-hub-quote');
  });

  await step('Jane downloads the PDF (QUOTE_DOWNLOADED live)', async () => {
    const { page } = jane;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('quote-download').click()]);
    assert.ok(await download.path());
    await anna.page.getByTestId('timeline-item').filter({ hasText: 'downloaded the PDF' }).first().waitFor();
  });

  await step('Jane accepts at phone width: a code to her own address, then the code and her full name', async () => {
    const { page } = jane;
    await page.setViewportSize(PHONE);
    // On a phone the PDF comes first; the sticky answer bar leads to the answer panel.
    await page.getByTestId('quote-answer-bar').getByRole('button', { name: 'Accept quote' }).click();
    await page.getByRole('button', { name: 'Email me a code' }).click();
    await page.getByText(/We sent a code to/).waitFor();
    const code = await acceptanceCode(admin.page, JANE.email);
    // A wrong code first: refused, in place.
    await page.getByLabel('6-digit code').fill(code === '000000' ? '111111' : '000000');
    await page.getByLabel('Your full name').fill(`${JANE.firstName} ${JANE.lastName}`);
    await page.getByRole('button', { name: 'Accept quote' }).click();
    await page.locator('.field-error, [role=alert]').first().waitFor();
    await page.getByLabel('6-digit code').fill(code);
    await page.screenshot({ path: `${screenshotsDir}/quotes-hub-accept-code-phone.png`, fullPage: true });
    await page.getByRole('button', { name: 'Accept quote' }).click();
    await page.getByTestId('quote-accepted').waitFor();
    await page.getByTestId('certificate-link').waitFor();
    await page.setViewportSize({ width: 1280, height: 800 });
    await snap(page, 'quotes-hub-accepted');
  });

  await step('anna sees the acceptance live: status, timeline, the record and the certificate', async () => {
    const { page } = anna;
    await page.getByTestId('timeline-item').filter({ hasText: 'accepted the quote' }).first().waitFor();
    await page.getByTestId('acceptance-record').waitFor();
    await page.getByTestId('quote-status').filter({ hasText: 'Accepted' }).first().waitFor();
    assert.match(await page.getByTestId('acceptance-record').textContent(), new RegExp(`${JANE.firstName} ${JANE.lastName}`));
    await page.getByText('The accepted version is frozen').waitFor();
    assert.equal(await page.evaluate(() => window.__noReload), true, "anna's page was reloaded");
    const [cert] = await Promise.all([page.waitForEvent('download'), page.getByTestId('staff-certificate').click()]);
    assert.ok(await cert.path());
    await snap(page, 'quotes-page-accepted');
  });

  await step('Ole, a colleague the quote was not for, does not see it', async () => {
    const { page } = ole;
    await page.reload();
    await page.getByRole('heading', { name: /Hello/ }).waitFor();
    assert.equal(await page.getByTestId('hub-quote').count(), 0);
    await page.goto(`/hub/quotes/${encodeURIComponent(quoteId)}`);
    await page.getByText('This quote is not available').waitFor();
  });

  await step('no console errors in any page', async () => {
    assert.deepEqual(actors().flatMap((a) => a.problems).filter((p) => !/status of 4\d\d/.test(p)), []);
  });
});
