// End-to-end, issue 10 gaps: a rep saves a quote as a draft from the Send quote dialog (nobody sees it), finds it in
// /quotes under Draft and sends it later; the contact reads it on a phone (390 px: the PDF first, a sticky answer
// bar at the foot of the screen), declines it with a reason from that bar, and the rep sees Declined live on the
// quote page and the sentence in the activity feed. Screenshots: screenshots/quotes-decline-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBackend, artifacts } from './support/backend.mjs';
import { stepper } from './support/steps.mjs';
import { gql, staffLogIn } from './support/api.mjs';
import { hubWelcomeLinks, quoteCustomer } from './support/quotes.mjs';
import { closeBrowser, launch, makePdf, newActor, snap, screenshotsDir } from './support/browser.mjs';

const RUN = Date.now().toString(36).slice(-5);
const CUSTOMER = `Fjeld Bakery ${RUN}`;
const LENA = { firstName: 'Lena', lastName: 'Berg', email: `lena.${RUN}@fjeld.example` };
const NUMBER = `Q-${RUN}-D`;
const TITLE = `Oven servicing (${RUN})`;
const REASON = `We chose a local firm (${RUN})`;
const PHONE_390 = { width: 390, height: 844 };

let backend, browser, admin, anna, lena;
const actors = () => [admin, anna, lena].filter(Boolean);

before(async () => {
  backend = await startBackend();
  browser = await launch();
  admin = await newActor(browser, backend.baseUrl, 'admin');
  anna = await newActor(browser, backend.baseUrl, 'anna');
  lena = await newActor(browser, backend.baseUrl, 'lena');
  console.log(`e2e backend: ${backend.baseUrl}  screenshots: ${screenshotsDir}  artifacts: ${artifacts}`);
});

after(async () => {
  await closeBrowser(browser);
  await backend?.stop();
});

test('quotes: a draft found under Draft and sent later; the contact declines it from the phone bar, live', async (t) => {
  const step = stepper(t, { actors, backend: () => backend });
  let quoteUrl = '';

  await step('a customer with Lena in the hub', async () => {
    await staffLogIn(admin, 'admin@northwind.example', 'portico-demo-admin');
    await staffLogIn(anna, 'anna@northwind.example', 'portico-demo-rep');
    await quoteCustomer({ admin, rep: anna, repEmail: 'anna@northwind.example', name: CUSTOMER, people: [LENA] });
    const [link] = await hubWelcomeLinks(admin.page, [LENA.email]);
    await lena.page.goto(link.replace(/^https?:\/\/[^/]+/, backend.baseUrl));
    await lena.page.getByRole('button', { name: 'Not now, open my hub' }).click();
    await lena.page.waitForURL(/\/hub$/);
  });

  await step('anna saves the quote as a draft: nobody is told, Lena does not see it', async () => {
    const { page } = anna;
    await page.goto('/quotes?new=1');
    const dialog = page.getByRole('dialog', { name: 'Send quote' });
    await dialog.getByLabel('Search customers').fill(CUSTOMER);
    await dialog.getByRole('button', { name: `Choose ${CUSTOMER}` }).click();
    await dialog.getByLabel('Quote number').fill(NUMBER);
    await dialog.getByLabel('Title').fill(TITLE);
    await dialog.getByLabel('Amount').fill('7450');
    await dialog.getByTestId('quote-pdf-input').setInputFiles({ name: `${NUMBER}.pdf`, mimeType: 'application/pdf', buffer: makePdf(`Quote ${NUMBER}`) });
    await dialog.getByText(/^Uploaded ·/).waitFor();
    await dialog.getByRole('button', { name: 'Save as draft' }).click();
    await page.waitForURL(/\/quotes\/[^/?]+$/);
    quoteUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await page.getByTestId('quote-status').filter({ hasText: 'Draft' }).first().waitFor();
    const seen = await gql(lena.page, '{ myQuotes { number } }');
    assert.deepEqual(seen.data.myQuotes.map((q) => q.number).filter((n) => n === NUMBER), [], 'Lena sees a draft');
    const mails = await gql(admin.page, '{ devMailbox(first: 100) { to subject } }');
    assert.equal(mails.data.devMailbox.filter((m) => m.to.includes(LENA.email) && m.subject.includes(NUMBER)).length, 0);
  });

  await step('later, anna finds it in /quotes under Draft and sends it', async () => {
    const { page } = anna;
    await page.goto('/quotes');
    await page.getByRole('group', { name: 'Status' }).getByRole('button', { name: 'Draft' }).click();
    await page.waitForURL(/status=DRAFT/);
    const row = page.getByTestId('quote-row').filter({ hasText: TITLE });
    await row.getByTestId('quote-status').filter({ hasText: 'Draft' }).waitFor();
    // Only drafts once the filtered list arrived (the demo has sent quotes too).
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="quote-row"]')].every((r) => r.querySelector('[data-testid="quote-status"]')?.textContent?.includes('Draft')));
    await snap(page, 'quotes-decline-drafts');
    await row.getByRole('link', { name: new RegExp(TITLE.replace(/[()]/g, '\\$&')) }).first().click();
    await page.waitForURL((u) => u.pathname === quoteUrl);
    await page.getByRole('button', { name: 'Send now' }).click();
    await page.getByTestId('quote-status').filter({ hasText: 'Sent' }).first().waitFor();
    await page.getByTestId('timeline-item').filter({ hasText: 'sent the quote' }).first().waitFor();
    await page.evaluate(() => { window.__noReload = true; });
  });

  await step('Lena opens it on a 390 px phone: the PDF first, the answer bar at the foot of the screen', async () => {
    const { page } = lena;
    await page.setViewportSize(PHONE_390);
    await page.reload();
    const card = page.getByTestId('hub-quote').filter({ hasText: TITLE });
    await card.click();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await page.locator('[data-testid="pdf-pages"] canvas').first().waitFor();
    const bar = page.getByTestId('quote-answer-bar');
    await bar.waitFor();
    const pdfBox = await page.getByTestId('pdf-pages').boundingBox();
    const panelBox = await page.getByTestId('quote-decision').boundingBox();
    assert.ok(pdfBox.y < panelBox.y, `the PDF (${pdfBox.y}) is not above the answer panel (${panelBox.y})`);
    assert.match(await bar.innerText(), /EUR\s7,450\.00/);
    const barBox = await bar.boundingBox();
    assert.ok(barBox.height < 80, `the bar takes ${barBox.height} px: more than one line`);
    assert.ok(barBox.y >= pdfBox.y + pdfBox.height - 1 && barBox.y + barBox.height <= PHONE_390.height, `the bar is not below the PDF, on screen: ${JSON.stringify(barBox)}`);
    await page.screenshot({ path: `${screenshotsDir}/quotes-decline-phone-390.png` });
    // A shorter screen, where the PDF runs past its foot: the bar stays at the foot while the PDF is read.
    await page.setViewportSize({ width: 390, height: 600 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const stuck = await bar.boundingBox();
    assert.ok(Math.abs(stuck.y + stuck.height - 600) <= 2, `the bar is not at the foot of the screen: ${JSON.stringify(stuck)}`);
    await page.screenshot({ path: `${screenshotsDir}/quotes-decline-phone-390-short.png` });
    await page.setViewportSize(PHONE_390);
  });

  await step('Lena declines from the bar with a reason', async () => {
    const { page } = lena;
    await page.getByTestId('quote-answer-bar').getByRole('button', { name: 'Decline' }).click();
    const reason = page.getByLabel('Reason (optional)');
    await reason.waitFor();
    assert.equal(await page.getByTestId('quote-answer-bar').count(), 0, 'the bar stays while answering');
    await reason.fill(REASON);
    await page.screenshot({ path: `${screenshotsDir}/quotes-decline-reason-phone-390.png` });
    await page.getByRole('button', { name: 'Decline quote' }).click();
    await page.getByTestId('quote-closed').filter({ hasText: 'Quote declined' }).waitFor();
    await page.screenshot({ path: `${screenshotsDir}/quotes-decline-done-phone-390.png`, fullPage: true });
  });

  await step('anna sees Declined live, with the reason, and the activity feed says it in a sentence', async () => {
    const { page } = anna;
    await page.getByTestId('quote-status').filter({ hasText: 'Declined' }).first().waitFor();
    await page.getByTestId('timeline-item').filter({ hasText: REASON }).first().waitFor();
    assert.equal(await page.evaluate(() => window.__noReload), true, "anna's page was reloaded");
    await snap(page, 'quotes-decline-staff');
    await page.goto('/activity');
    const line = page.getByTestId('activity-item').filter({ hasText: `${LENA.firstName} ${LENA.lastName} declined quote ${NUMBER}: “${REASON}”` });
    await line.waitFor();
    assert.equal(await line.locator('.feed-icon').getAttribute('class'), 'feed-icon declined');
    await page.getByTestId('activity-item').filter({ hasText: `Anna` }).filter({ hasText: `sent quote ${NUMBER}` }).first().waitFor();
    await page.getByTestId('activity-item').filter({ hasText: `${LENA.firstName} ${LENA.lastName} opened quote ${NUMBER} (version 1)` }).first().waitFor();
    await snap(page, 'quotes-decline-activity');
  });

  await step('no console errors in any page', async () => {
    assert.deepEqual(actors().flatMap((a) => a.problems).filter((p) => !/status of 4\d\d/.test(p)), []);
  });
});
