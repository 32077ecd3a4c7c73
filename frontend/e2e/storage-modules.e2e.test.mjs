// End-to-end, issue 9 points 7 and 3:
// 7. the admin's Storage page: a usage bar (used / quota), the plan and the extra storage, which only admins change;
// 3. module switches that work: with Documents off the customer's contact sees no documents in their hub (the hub
//    says why), staff still see them, and nothing can be sent; switched on again, everything is back.
// A share is set up through GraphQL (the share flow itself is in share-flow.e2e.test.mjs).
// Screenshots: screenshots/storage-*.png and screenshots/modules-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBackend, artifacts } from './support/backend.mjs';
import { stepper } from './support/steps.mjs';
import { closeBrowser, launch, newActor, snap, screenshotsDir, countOf } from './support/browser.mjs';
import { gql, ok, staffLogIn } from './support/api.mjs';

const RUN = Date.now().toString(36).slice(-5);
const CUSTOMER = `Borealis Freight ${RUN}`;
const INGA = { first: 'Inga', last: 'Berg', email: `inga.${RUN}@borealis.example` };
const GIB = 1024 ** 3;

let backend, browser, admin, anna, inga;
const actors = () => [admin, anna, inga].filter(Boolean);

async function hubLink(to) {
  const r = await gql(admin.page, 'query { devMailbox(first: 50) { to subject text } }');
  assert.ok(!r.errors, `devMailbox: ${JSON.stringify(r.errors)}`);
  const mail = r.data.devMailbox.find((m) => m.to.includes(to) && /shared documents/.test(m.subject));
  assert.ok(mail, `no share email to ${to}`);
  const m = mail.text.match(/https?:\/\/[^\s]+\/hub\/welcome\?token=[\w-]+/);
  assert.ok(m, `no hub link in: ${mail.text}`);
  return m[0].replace(/^https?:\/\/[^/]+/, backend.baseUrl);
}

before(async () => {
  backend = await startBackend();
  browser = await launch();
  admin = await newActor(browser, backend.baseUrl, 'admin');
  anna = await newActor(browser, backend.baseUrl, 'anna');
  inga = await newActor(browser, backend.baseUrl, 'inga');
  console.log(`e2e backend: ${backend.baseUrl}  screenshots: ${screenshotsDir}  artifacts: ${artifacts}`);
});

after(async () => {
  await closeBrowser(browser);
  await backend?.stop();
});

test('storage plans and module switches', async (t) => {
  const step = stepper(t, { actors, backend: () => backend });
  let customerUrl = '';

  await step('point 7: the admin sees how much is stored, of which quota, on which plan', async () => {
    await staffLogIn(admin, 'admin@northwind.example', 'portico-demo-admin');
    const { page } = admin;
    await page.getByRole('link', { name: 'Storage' }).click();
    await page.waitForURL(/\/admin\/storage$/);
    const bar = page.getByRole('progressbar', { name: 'Storage used' });
    await bar.waitFor();
    const used = Number(await bar.getAttribute('aria-valuenow'));
    assert.ok(used >= 0 && used < 80, `the demo uses little of its storage, got ${used} %`);
    assert.match(await page.getByTestId('storage-used').textContent(), /used$/);
    assert.match(await page.getByTestId('storage-plan').textContent(), /^Plus · 5\.0 GB$/);
    await snap(page, 'storage-usage');
  });

  await step('point 7: the admin switches to the 1 GB plan with 2 GB of extra storage; the quota follows', async () => {
    const { page } = admin;
    await page.getByLabel('Plan', { exact: true }).selectOption('STANDARD');
    await page.getByLabel(/Extra storage/).fill('2');
    assert.equal(await page.getByTestId('storage-new-quota').textContent(), '3.0 GB');
    await page.getByRole('button', { name: 'Save plan' }).click();
    await page.getByRole('status').filter({ hasText: 'Storage plan saved. The quota is now 3.0 GB.' }).waitFor();
    assert.equal(await page.getByTestId('storage-plan').textContent(), 'Standard · 1.0 GB');
    assert.equal(await page.getByTestId('storage-extra').textContent(), '2.0 GB');
    const r = await gql(page, '{ organization { storage { plan extraBytes quotaBytes } } }');
    assert.deepEqual(r.data.organization.storage, { plan: 'STANDARD', extraBytes: 2 * GIB, quotaBytes: 3 * GIB });
    await snap(page, 'storage-plan-saved');
  });

  await step('point 7: a rep has no Storage page and cannot change the plan', async () => {
    await staffLogIn(anna, 'anna@northwind.example', 'portico-demo-rep');
    const { page } = anna;
    assert.equal(await page.getByRole('link', { name: 'Storage' }).count(), 0);
    await page.goto('/admin/storage');
    await page.getByText('Admins only').waitFor();
    const r = await gql(page, `mutation { setStoragePlan(input: {plan: PLUS, extraGigabytes: 100}) { errors { code } } }`);
    assert.deepEqual(r.data.setStoragePlan.errors, [{ code: 'NOT_ALLOWED' }]);
  });

  await step('point 3: Anna shares with Inga, who opens her hub and sees the documents', async () => {
    const created = await ok(admin.page, `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) {
      customer { id } errors { code message } } }`, { input: { kind: 'COMPANY', name: CUSTOMER } }, 'createCustomer');
    const customerId = created.customer.id;
    customerUrl = `/customers/${encodeURIComponent(customerId)}`;
    const people = await gql(admin.page, '{ members { edges { node { id email } } } }');
    const annaId = people.data.members.edges.map((e) => e.node).find((m) => m.email.startsWith('anna@')).id;
    await ok(admin.page, `mutation($input: AccountManagersInput!) { assignAccountManagers(input: $input) { errors { code message } } }`,
      { input: { customerIds: [customerId], memberIds: [annaId] } }, 'assignAccountManagers');
    const pubs = await gql(anna.page, '{ publications(first: 10) { edges { node { id title } } } }');
    const price = pubs.data.publications.edges.find((e) => e.node.title === 'Price list 2027').node.id;
    await ok(anna.page, `mutation($input: ShareInput!) { shareDocuments(input: $input) { share { id } errors { code message } } }`,
      { input: { customerId, recipients: [{ firstName: INGA.first, lastName: INGA.last, email: INGA.email }], language: 'en', message: '', publicationIds: [price], uploadIds: [] } }, 'shareDocuments');
    await inga.page.goto(await hubLink(INGA.email));
    await inga.page.getByRole('button', { name: 'Not now, open my hub' }).click();
    await inga.page.waitForURL(/\/hub$/);
    await inga.page.getByTestId('hub-document').first().waitFor();
    assert.equal(await countOf(inga.page.getByTestId('hub-document'), 1), 1);
  });

  await step('point 3: the module switches say what they do; Documents off hides the documents from Inga', async () => {
    const { page } = admin;
    await page.goto(customerUrl);
    const documents = page.getByTestId('module-DOCUMENTS');
    await documents.waitFor();
    assert.ok(await documents.isChecked());
    await page.getByText('Contacts see the documents and folders shared with them in their hub.').waitFor();
    await page.getByText(/Contacts see no quotes in their hub|Contacts see the quotes sent to them/).first().waitFor();
    await documents.uncheck();
    await page.getByText('Contacts see no documents or folders, their links stop working, and nothing can be sent to this customer.').waitFor();
    assert.ok(await page.getByRole('button', { name: 'Send documents' }).isDisabled());
    // The switch answers at once; the save lands a moment later (the page also loads its quotes now).
    const customerId = decodeURIComponent(customerUrl.split('/').pop());
    let saved;
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; await page.waitForTimeout(250)) {
      saved = await gql(page, `query($id: ID!) { customer(id: $id) { modules } }`, { id: customerId });
      if (saved.data.customer.modules.length === 0) break;
    }
    assert.deepEqual(saved.data.customer.modules, []);
    await snap(page, 'modules-documents-off');
  });

  await step('point 3: Inga\'s hub says there are no documents, and her old link to the document is gone', async () => {
    const { page } = inga;
    await page.reload();
    await page.getByTestId('documents-off').waitFor();
    assert.equal(await page.getByTestId('hub-document').count(), 0);
    await page.getByText('No documents in your hub').waitFor();
    await snap(page, 'modules-hub-documents-off');
    const r = await gql(page, '{ myHub { modules folders { id } } }');
    assert.deepEqual(r.data.myHub, { modules: [], folders: [] });
  });

  await step('point 3: staff still see the hub\'s documents; sharing is refused with a clear message', async () => {
    const r = await gql(anna.page, `query($id: ID!) { customer(id: $id) { hub { folders { documents(first: 50) { edges { node { name } } } } } } }`,
      { id: decodeURIComponent(customerUrl.split('/').pop()) });
    assert.deepEqual(r.data.customer.hub.folders.flatMap((f) => f.documents.edges.map((e) => e.node.name)), ['Price list 2027']);
    const pubs = await gql(anna.page, '{ publications(first: 10) { edges { node { id title } } } }');
    const refused = await gql(anna.page, `mutation($input: ShareInput!) { shareDocuments(input: $input) { errors { code message } } }`,
      { input: { customerId: decodeURIComponent(customerUrl.split('/').pop()), recipients: [{ firstName: INGA.first, lastName: INGA.last, email: INGA.email }], language: 'en', message: '', publicationIds: [pubs.data.publications.edges[0].node.id], uploadIds: [] } });
    assert.equal(refused.data.shareDocuments.errors[0].code, 'MODULE_OFF');
  });

  await step('point 3: Documents on again: Inga sees her document again', async () => {
    await admin.page.getByTestId('module-DOCUMENTS').check();
    await admin.page.getByText('Contacts see the documents and folders shared with them in their hub.').waitFor();
    await inga.page.reload();
    await inga.page.getByTestId('hub-document').first().waitFor();
    assert.equal(await inga.page.getByTestId('documents-off').count(), 0);
    await snap(inga.page, 'modules-hub-documents-on');
  });
});
