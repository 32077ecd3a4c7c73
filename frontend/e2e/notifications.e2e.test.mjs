// End-to-end, issue 9 point 8 (personal notification settings, seed 003):
// - a rep chooses, in their settings, to hear of hub activity on their shares immediately;
// - a contact, on a phone, chooses a daily digest for documents shared with them, in their own time zone;
// - the contact opens the hub: the rep's notification email arrives (the notifications job of the running server
//   composes it into the outbox) and is read in the dev mailbox;
// - its one-click unsubscribe link: the page only asks, the button unsubscribes, and exactly that one setting is now
//   "Never" in the rep's settings.
// Screenshots: screenshots/notifications-*.png (desktop and phone width).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBackend, artifacts } from './support/backend.mjs';
import { stepper } from './support/steps.mjs';
import { closeBrowser, launch, newActor, snap, screenshotsDir, countOf } from './support/browser.mjs';
import { gql, ok, staffLogIn } from './support/api.mjs';

const RUN = Date.now().toString(36).slice(-5);
const CUSTOMER = `Birch Dental ${RUN}`;
const EVA = { first: 'Eva', last: 'Lind', email: `eva.${RUN}@birch.example` };

let backend, browser, admin, anna, phone, scanner;
const actors = () => [admin, anna, phone, scanner].filter(Boolean);

/** The newest email to `to` whose subject matches, from the dev mailbox; waits up to `seconds` for it. */
async function waitForEmail(to, subject, seconds = 5) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const r = await gql(admin.page, 'query { devMailbox(first: 50) { to subject html text } }');
    assert.ok(!r.errors, `devMailbox: ${JSON.stringify(r.errors)}`);
    const mail = r.data.devMailbox.find((m) => m.to.includes(to) && subject.test(m.subject));
    if (mail) return mail;
    if (Date.now() > deadline) {
      assert.fail(`no email to ${to} matching ${subject} (have: ${r.data.devMailbox.map((m) => `${m.to}: ${m.subject}`).join(' | ')})`);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const local = (url) => url.replace(/^https?:\/\/[^/]+/, backend.baseUrl);

before(async () => {
  backend = await startBackend();
  browser = await launch();
  for (const name of ['admin', 'anna', 'phone', 'scanner']) {
    const actor = await newActor(browser, backend.baseUrl, name);
    ({ admin, anna, phone, scanner } = { admin, anna, phone, scanner, [name]: actor });
  }
  await phone.page.setViewportSize({ width: 375, height: 812 });
  console.log(`e2e backend: ${backend.baseUrl}  screenshots: ${screenshotsDir}  artifacts: ${artifacts}`);
});

after(async () => {
  await closeBrowser(browser);
  await backend?.stop();
});

test('notification settings: staff and contacts choose; an email arrives; one click unsubscribes one setting', async (t) => {
  const step = stepper(t, { actors, backend: () => backend });
  let evaLink = '';

  await step('anna chooses "immediately" for hub activity on her shares, in her settings', async () => {
    await staffLogIn(admin, 'admin@northwind.example', 'portico-demo-admin');
    await staffLogIn(anna, 'anna@northwind.example', 'portico-demo-rep');
    const { page } = anna;
    await page.goto('/settings');
    await page.getByRole('link', { name: 'Notifications' }).click();
    await page.waitForURL(/\/settings\/notifications$/);
    const activity = page.getByRole('radiogroup', { name: 'Hub activity on my shares' });
    assert.ok(await activity.getByLabel('Daily digest').isChecked(), 'the default for hub activity is the digest');
    await activity.getByLabel('Immediately').check();
    await page.getByRole('button', { name: 'Save notification settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Notification settings saved.' }).waitFor();
    await snap(page, 'notifications-staff-settings');
    await page.reload();
    assert.ok(await page.getByRole('radiogroup', { name: 'Hub activity on my shares' }).getByLabel('Immediately').isChecked());
  });

  await step('anna shares with Eva (set up through GraphQL); the share email has arrived', async () => {
    const created = await ok(admin.page, `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) {
      customer { id } errors { code message } } }`, { input: { kind: 'COMPANY', name: CUSTOMER } }, 'createCustomer');
    const people = await gql(admin.page, '{ members { edges { node { id email } } } }');
    const annaId = people.data.members.edges.map((e) => e.node).find((m) => /^anna@/.test(m.email)).id;
    await ok(admin.page, `mutation($input: AccountManagersInput!) { assignAccountManagers(input: $input) { errors { code message } } }`,
      { input: { customerIds: [created.customer.id], memberIds: [annaId] } }, 'assignAccountManagers');
    const pubs = await gql(anna.page, '{ publications(first: 10) { edges { node { id title } } } }');
    const byTitle = Object.fromEntries(pubs.data.publications.edges.map((e) => [e.node.title, e.node.id]));
    await ok(anna.page, `mutation($input: ShareInput!) { shareDocuments(input: $input) { share { id } errors { code message } } }`,
      { input: { customerId: created.customer.id, recipients: [{ firstName: EVA.first, lastName: EVA.last, email: EVA.email }],
        language: 'en', message: '', publicationIds: [byTitle['Price list 2027']], uploadIds: [] } }, 'shareDocuments');
    const mail = await waitForEmail(EVA.email, /shared documents/);
    evaLink = local(mail.text.match(/https?:\/\/\S+\/hub\/welcome\?token=[\w-]+/)[0]);
  });

  await step('Eva, on her phone, opens her hub and picks a daily digest at 07:15 in her own time zone', async () => {
    const { page } = phone;
    await page.goto(evaLink);
    await page.getByRole('button', { name: 'Not now, open my hub' }).click();
    await page.waitForURL(/\/hub$/);
    await page.getByTestId('hub-document').first().waitFor();
    await page.getByTestId('hub-notifications-link').click();
    await page.waitForURL(/\/hub\/notifications$/);
    const shared = page.getByRole('radiogroup', { name: 'Documents shared with me' });
    await shared.waitFor();
    assert.equal(await countOf(page.getByRole('radiogroup'), 1), 1, 'a contact has one kind of notification');
    await shared.getByLabel('Daily digest').check();
    await page.getByLabel('Time of day').fill('07:15');
    await page.getByLabel('Time zone').selectOption('Europe/Stockholm');
    await page.getByRole('button', { name: 'Save notification settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Notification settings saved.' }).waitFor();
    // Nothing overflows sideways at phone width.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no horizontal scroll on a phone');
    await snap(page, 'notifications-hub-settings');
    const saved = await gql(page, '{ myNotificationSettings { choices { kind delivery } timezone digestTime } }');
    assert.deepEqual(saved.data.myNotificationSettings, { choices: [{ kind: 'DOCUMENTS_SHARED_WITH_ME', delivery: 'DAILY_DIGEST' }], timezone: 'Europe/Stockholm', digestTime: '07:15' });
  });

  let unsubscribeUrl = '';
  await step("Eva's hub opening reaches anna as an email at once; it reads well in the dev mailbox", async () => {
    // The running server's notifications job (every 10 s) composes it; the SPA's openHub recorded the opening.
    const mail = await waitForEmail('anna@northwind.example', /new activity on your shares/, 40);
    assert.match(mail.subject, new RegExp(CUSTOMER));
    assert.match(mail.text, new RegExp(`${EVA.first} ${EVA.last} opened the hub`));
    const m = mail.text.match(/Unsubscribe from these emails: (\S+)/);
    assert.ok(m, `no unsubscribe link in: ${mail.text}`);
    unsubscribeUrl = local(m[1]);
    await admin.page.goto('/dev/mailbox');
    await admin.page.getByTestId('mail-item').filter({ hasText: 'new activity on your shares' }).first().click();
    await admin.page.frameLocator('iframe[title="Email body"]').getByText(`${EVA.first} ${EVA.last} opened the hub`).waitFor();
    await snap(admin.page, 'notifications-email');
  });

  await step('the unsubscribe link asks first (a link scanner changes nothing), then one click unsubscribes', async () => {
    const { page } = scanner; // not signed in: the link needs no account
    await page.goto(unsubscribeUrl);
    await page.getByRole('heading', { name: 'Unsubscribe' }).waitFor();
    await page.getByText('activity on the documents you shared').waitFor();
    const before = await gql(anna.page, '{ myNotificationSettings { choices { kind delivery } } }');
    assert.deepEqual(before.data.myNotificationSettings.choices.find((c) => c.kind === 'HUB_ACTIVITY_ON_MY_SHARES'), { kind: 'HUB_ACTIVITY_ON_MY_SHARES', delivery: 'IMMEDIATELY' });
    await snap(page, 'notifications-unsubscribe-confirm');
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await page.getByRole('heading', { name: 'Unsubscribed' }).waitFor();
    await snap(page, 'notifications-unsubscribed');

    await anna.page.goto('/settings/notifications');
    await anna.page.getByTestId('notification-settings').waitFor();
    assert.ok(await anna.page.getByRole('radiogroup', { name: 'Hub activity on my shares' }).getByLabel('Never').isChecked());
    assert.ok(await anna.page.getByRole('radiogroup', { name: 'Customer uploads' }).getByLabel('Immediately').isChecked(), 'only that one setting changed');
  });

  await step('no browser errors', async () => {
    for (const a of actors()) assert.deepEqual(a.problems, [], a.name);
  });
});
