// End-to-end, issue 7 points 1-3 (customer access):
// 1. the personal hub link works every time: its first use signs in; on a new device it asks for a code emailed to
//    the contact (or their password); contacts have their own "forgot password";
// 2. "share with a colleague" gives the colleague the one document, as the dialog says;
// 3. a hub opening is seen live by every rep whose share the contact can see.
// Shares are set up through GraphQL (the share flow itself is in share-flow.e2e.test.mjs); what the contact and the
// reps do is done in the browser. Screenshots: screenshots/hub-access-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBackend, artifacts } from './support/backend.mjs';
import { stepper } from './support/steps.mjs';
import { gql, ok, staffLogIn } from './support/api.mjs';
import { closeBrowser, launch, newActor, snap, screenshotsDir, countOf } from './support/browser.mjs';

const RUN = Date.now().toString(36).slice(-5);
const CUSTOMER = `Aurora Marine ${RUN}`;
const LINA = { first: 'Lina', last: 'Holt', email: `lina.${RUN}@aurora.example` };
const NORA = { first: 'Nora', last: 'Dahl', email: `nora.${RUN}@aurora.example` };
const NEW_PASSWORD = 'lina-new-password-1';

let backend, browser, admin, anna, ben, phone, laptop, tablet, nora;
const actors = () => [admin, anna, ben, phone, laptop, tablet, nora].filter(Boolean);

/** The newest email to `to` whose subject matches, read once from the dev mailbox (the admin may read it). */
async function newestEmail(to, subject) {
  const r = await gql(admin.page, 'query { devMailbox(first: 50) { to subject html text } }');
  assert.ok(!r.errors, `devMailbox: ${JSON.stringify(r.errors)}`);
  const mail = r.data.devMailbox.find((m) => m.to.includes(to) && subject.test(m.subject));
  assert.ok(mail, `no email to ${to} matching ${subject} (have: ${r.data.devMailbox.map((m) => `${m.to}: ${m.subject}`).join(' | ')})`);
  return mail;
}

function linkIn(mail, path) {
  const m = mail.text.match(new RegExp(`https?://[^\\s]+${path.replace(/[/?]/g, '\\$&')}\\?token=[\\w-]+`));
  assert.ok(m, `no ${path} link in: ${mail.text}`);
  return m[0].replace(/^https?:\/\/[^/]+/, backend.baseUrl);
}

before(async () => {
  backend = await startBackend();
  browser = await launch();
  for (const name of ['admin', 'anna', 'ben', 'phone', 'laptop', 'tablet', 'nora']) {
    const actor = await newActor(browser, backend.baseUrl, name);
    ({ admin, anna, ben, phone, laptop, tablet, nora } = { admin, anna, ben, phone, laptop, tablet, nora, [name]: actor });
  }
  console.log(`e2e backend: ${backend.baseUrl}  screenshots: ${screenshotsDir}  artifacts: ${artifacts}`);
});

after(async () => {
  await closeBrowser(browser);
  await backend?.stop();
});

test('customer access: personal hub link, colleague grant, hub openings for every rep', async (t) => {
  const step = stepper(t, { actors, backend: () => backend });
  let linaLink = '';

  await step('anna and ben each share with Lina, in the same hub (set up through GraphQL)', async () => {
    await staffLogIn(admin, 'admin@northwind.example', 'portico-demo-admin');
    await staffLogIn(anna, 'anna@northwind.example', 'portico-demo-rep');
    await staffLogIn(ben, 'ben@northwind.example', 'portico-demo-rep');
    const created = await ok(admin.page, `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) {
      customer { id } errors { code message } } }`, { input: { kind: 'COMPANY', name: CUSTOMER } }, 'createCustomer');
    const customerId = created.customer.id;
    const people = await gql(admin.page, '{ members { edges { node { id email } } } }');
    const memberIds = people.data.members.edges.map((e) => e.node).filter((m) => /^(anna|ben)@/.test(m.email)).map((m) => m.id);
    assert.equal(memberIds.length, 2);
    await ok(admin.page, `mutation($input: AccountManagersInput!) { assignAccountManagers(input: $input) { errors { code message } } }`,
      { input: { customerIds: [customerId], memberIds } }, 'assignAccountManagers');
    const pubs = await gql(anna.page, '{ publications(first: 10) { edges { node { id title } } } }');
    const byTitle = Object.fromEntries(pubs.data.publications.edges.map((e) => [e.node.title, e.node.id]));
    const send = `mutation($input: ShareInput!) { shareDocuments(input: $input) { share { id } errors { code message } } }`;
    const recipient = { firstName: LINA.first, lastName: LINA.last, email: LINA.email };
    await ok(anna.page, send, { input: { customerId, recipients: [recipient], language: 'en', message: '', publicationIds: [byTitle['Price list 2027'], byTitle['Installation guide']], uploadIds: [] } }, 'shareDocuments');
    await ok(ben.page, send, { input: { customerId, recipients: [recipient], language: 'en', message: '', publicationIds: [byTitle['Volume discounts']], uploadIds: [] } }, 'shareDocuments');
    linaLink = linkIn(await newestEmail(LINA.email, /shared documents/), '/hub/welcome');
    await anna.page.goto('/activity');
    await ben.page.goto('/activity');
    await anna.page.getByTestId('activity-feed').waitFor();
    await ben.page.getByTestId('activity-feed').waitFor();
  });

  await step('point 1: the first use of the link signs Lina in on her phone; a password is offered, not forced', async () => {
    const { page } = phone;
    await page.goto(linaLink);
    await page.getByRole('heading', { name: `Welcome, ${LINA.first}` }).waitFor();
    await snap(page, 'hub-access-first-use');
    await page.getByRole('button', { name: 'Not now, open my hub' }).click();
    await page.waitForURL(/\/hub$/);
    await page.getByTestId('hub-document').first().waitFor();
    assert.equal(await countOf(page.getByTestId('hub-document'), 3), 3);
  });

  await step('point 3: both reps see the opening live (not only the sender of the newest share)', async () => {
    for (const rep of [anna, ben]) {
      await rep.page.getByTestId('activity-item').filter({ hasText: `${LINA.first} ${LINA.last}` }).filter({ hasText: 'opened the hub' }).first().waitFor();
    }
    await snap(anna.page, 'hub-access-opening-anna');
    await snap(ben.page, 'hub-access-opening-ben');
  });

  await step('point 1: the same link on a laptop asks once; a code emailed to Lina signs her in', async () => {
    const { page } = laptop;
    await page.goto(linaLink);
    await page.getByRole('heading', { name: `Welcome back, ${LINA.first}` }).waitFor();
    assert.equal(await page.getByText('no longer works').count(), 0);
    await snap(page, 'hub-access-verify');
    await page.getByRole('button', { name: 'Email me a sign-in code' }).click();
    await page.getByRole('status').filter({ hasText: 'We sent a code to' }).waitFor();
    const mail = await newestEmail(LINA.email, /sign-in code/);
    const code = mail.subject.match(/(\d{6})/)[1];
    await page.getByLabel('Sign-in code').fill(code);
    await snap(page, 'hub-access-code');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/hub$/);
    await page.getByTestId('hub-document').first().waitFor();
  });

  await step('point 1: Lina forgets her password: her own reset page, a real email, a new password', async () => {
    const { page } = tablet;
    await page.goto('/hub/login');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL(/\/hub\/forgot-password$/);
    await page.getByLabel('Email').fill(LINA.email);
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page.getByRole('status').filter({ hasText: 'is on its way' }).waitFor();
    await snap(page, 'hub-access-forgot-password');
    await page.goto(linkIn(await newestEmail(LINA.email, /new password/), '/hub/reset-password'));
    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Save and open my hub' }).click();
    await page.waitForURL(/\/hub$/);
    await page.getByTestId('hub-document').first().waitFor();
  });

  await step('point 1: on yet another device the link now offers her password too', async () => {
    const fresh = await newActor(browser, backend.baseUrl, 'desktop');
    try {
      await fresh.page.goto(linaLink);
      await fresh.page.getByRole('heading', { name: `Welcome back, ${LINA.first}` }).waitFor();
      await fresh.page.getByLabel('Password').fill(NEW_PASSWORD);
      await snap(fresh.page, 'hub-access-verify-password');
      await fresh.page.getByRole('button', { name: 'Sign in' }).click();
      await fresh.page.waitForURL(/\/hub$/);
      await fresh.page.getByTestId('hub-document').first().waitFor();
      assert.deepEqual(fresh.problems, []);
    } finally {
      await fresh.context.close();
    }
  });

  await step('point 2: Lina shares one document with Nora; the dialog says so, and Nora gets just that one', async () => {
    const { page } = tablet; // the reset signed her other browsers out; the tablet is where she chose it
    await page.getByTestId('hub-document').filter({ hasText: 'Price list 2027' }).click();
    await page.getByRole('heading', { name: 'Price list 2027' }).waitFor();
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share with a colleague' });
    await dialog.getByText('and only to this document').waitFor();
    await dialog.getByLabel('First name').fill(NORA.first);
    await dialog.getByLabel('Last name').fill(NORA.last);
    await dialog.getByLabel('Email').fill(NORA.email);
    await snap(page, 'hub-access-colleague-dialog');
    await dialog.getByRole('button', { name: 'Share' }).click();
    await dialog.getByRole('status').filter({ hasText: 'only this one' }).waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();

    await nora.page.goto(linkIn(await newestEmail(NORA.email, /Price list 2027/), '/hub/welcome'));
    await nora.page.getByRole('button', { name: 'Not now, open my hub' }).click();
    await nora.page.waitForURL(/\/hub$/);
    await nora.page.getByTestId('hub-document').first().waitFor();
    assert.deepEqual(await nora.page.getByTestId('hub-document').locator('.name').allInnerTexts(), ['Price list 2027']);
    await snap(nora.page, 'hub-access-colleague-hub');
    // Her opening goes to anna (whose share the document came with), not to ben.
    await anna.page.getByTestId('activity-item').filter({ hasText: `${NORA.first} ${NORA.last}` }).first().waitFor();
    await ben.page.reload();
    await ben.page.getByTestId('activity-feed').waitFor();
    assert.equal(await ben.page.getByTestId('activity-item').filter({ hasText: `${NORA.first} ${NORA.last}` }).count(), 0);
  });

  await step('no console errors in any page', async () => {
    assert.deepEqual(actors().flatMap((a) => a.problems), []);
  });
});
