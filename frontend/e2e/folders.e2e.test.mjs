// End-to-end, issue 9 points 5 and 6 (seed 003): a rep builds a customer's folder tree with permissions, uploads
// several files and a new version; a contact uploads into the folder that lets her (at phone width); the primary
// contact, once the customer lets her, changes a folder's permissions for a colleague; the rep sees the upload live.
// The customer, its contacts and the first share (for the hub links) are set up through GraphQL; the rest is done
// in the browser. Screenshots: screenshots/folders-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startBackend, artifacts } from './support/backend.mjs';
import { stepper } from './support/steps.mjs';
import { gql, ok, staffLogIn } from './support/api.mjs';
import { PHONE, closeBrowser, launch, makePdf, newActor, snap, screenshotsDir, countOf } from './support/browser.mjs';

const RUN = Date.now().toString(36).slice(-5);
const CUSTOMER = `Borealis Foods ${RUN}`;
const LINA = { firstName: 'Lina', lastName: 'Holt', email: `lina.${RUN}@borealis.example` };
const NORA = { firstName: 'Nora', lastName: 'Dahl', email: `nora.${RUN}@borealis.example` };

let backend, browser, admin, anna, lina, nora;
const actors = () => [admin, anna, lina, nora].filter(Boolean);

/** The hub links of the share emails, read once (the dev mailbox shows a one-time link once, then redacts it). */
async function hubLinks(...to) {
  const r = await gql(admin.page, 'query { devMailbox(first: 50) { to subject text } }');
  return to.map((address) => {
    const mail = r.data.devMailbox.find((m) => m.to.includes(address));
    assert.ok(mail, `no email to ${address}`);
    const m = mail.text.match(/https?:\/\/[^\s]+\/hub\/welcome\?token=[\w-]+/);
    assert.ok(m, `no hub link in: ${mail.text}`);
    return m[0].replace(/^https?:\/\/[^/]+/, backend.baseUrl);
  });
}

async function openHub(actor, link) {
  await actor.page.goto(link);
  await actor.page.getByRole('button', { name: 'Not now, open my hub' }).click();
  await actor.page.waitForURL(/\/hub$/);
}

/** A staff folder of the tree, by its name; the tree card's own buttons. */
const treeItem = (page, name) => page.getByRole('treeitem').filter({ hasText: name }).first();
const treeButton = (page, name) => page.getByTestId('folder-tree').getByRole('button', { name, exact: true });

async function createFolder(page, name, access, parent) {
  if (parent) {
    await treeItem(page, parent).getByRole('button').last().click();
    await treeButton(page, 'Subfolder').click();
  } else {
    await treeButton(page, 'New folder').click();
  }
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Folder name').fill(name);
  await dialog.getByLabel('What the customer may do').selectOption(access);
  await dialog.getByRole('button', { name: 'Create folder' }).click();
  await dialog.waitFor({ state: 'detached' });
  await treeItem(page, name).waitFor();
}

before(async () => {
  backend = await startBackend();
  browser = await launch();
  for (const name of ['admin', 'anna', 'lina', 'nora']) {
    const actor = await newActor(browser, backend.baseUrl, name);
    ({ admin, anna, lina, nora } = { admin, anna, lina, nora, [name]: actor });
  }
  console.log(`e2e backend: ${backend.baseUrl}  screenshots: ${screenshotsDir}  artifacts: ${artifacts}`);
});

after(async () => {
  await closeBrowser(browser);
  await backend?.stop();
});

test('folders: tree with permissions, uploads with progress, versions, the primary contact manages permissions', async (t) => {
  const step = stepper(t, { actors, backend: () => backend });
  let customerId = '';
  let linaLink = '';
  let noraLink = '';

  await step('a customer with two contacts, Lina the primary one, who got a first share (through GraphQL)', async () => {
    await staffLogIn(admin, 'admin@northwind.example', 'portico-demo-admin');
    await staffLogIn(anna, 'anna@northwind.example', 'portico-demo-rep');
    const created = await ok(admin.page, `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) {
      customer { id } errors { code message } } }`, { input: { kind: 'COMPANY', name: CUSTOMER } }, 'createCustomer');
    customerId = created.customer.id;
    const people = await gql(admin.page, '{ members { edges { node { id email } } } }');
    const annaId = people.data.members.edges.map((e) => e.node).find((m) => m.email.startsWith('anna@')).id;
    await ok(admin.page, `mutation($input: AccountManagersInput!) { assignAccountManagers(input: $input) { errors { code message } } }`,
      { input: { customerIds: [customerId], memberIds: [annaId] } }, 'assignAccountManagers');
    const pubs = await gql(anna.page, '{ publications(first: 10) { edges { node { id title } } } }');
    const price = pubs.data.publications.edges.find((e) => e.node.title === 'Price list 2027').node.id;
    await ok(anna.page, `mutation($input: ShareInput!) { shareDocuments(input: $input) { share { id } errors { code message } } }`,
      { input: { customerId, recipients: [LINA, NORA], language: 'en', message: '', publicationIds: [price], uploadIds: [] } }, 'shareDocuments');
    [linaLink, noraLink] = await hubLinks(LINA.email, NORA.email);
  });

  await step('point 5: anna builds the tree on the customer page: folders, a subfolder, permissions per contact', async () => {
    const { page } = anna;
    await page.goto(`/customers/${encodeURIComponent(customerId)}`);
    await page.getByTestId('folder-tree').waitFor();
    await createFolder(page, 'Contracts', 'VIEW');
    await createFolder(page, 'Inbox', 'VIEW_AND_UPLOAD');
    await createFolder(page, 'Signed 2027', 'VIEW', 'Contracts');
    // Inbox: only Nora may view and upload.
    await treeItem(page, 'Inbox').getByRole('button').last().click();
    await treeButton(page, 'Permissions').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Only these contacts').check();
    await dialog.getByLabel('Nora Dahl').check();
    await snap(page, 'folders-permissions-staff');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('folder-access').filter({ hasText: 'Customer views & uploads' }).waitFor();
    await page.getByTestId('folder-tree').getByText('Nora Dahl', { exact: true }).waitFor();
  });

  await step('point 6: several files at once with progress, then a new version with its history', async () => {
    const { page } = anna;
    await treeItem(page, 'Contracts').getByRole('button').last().click();
    await page.getByTestId('folder-upload-input').setInputFiles([
      { name: 'Master agreement.pdf', mimeType: 'application/pdf', buffer: makePdf(`Master agreement ${RUN}`) },
      { name: 'Annex A.pdf', mimeType: 'application/pdf', buffer: makePdf(`Annex A ${RUN}`) },
    ]);
    await page.getByTestId('folder-document').filter({ hasText: 'Annex A.pdf' }).waitFor();
    assert.equal(await countOf(page.getByTestId('folder-document'), 2), 2);
    const annex = page.getByTestId('folder-document').filter({ hasText: 'Annex A.pdf' });
    await annex.getByLabel('New version Annex A.pdf').setInputFiles({ name: 'Annex A v2.pdf', mimeType: 'application/pdf', buffer: makePdf(`Annex A, second edition ${RUN}`) });
    await annex.getByText('Version 2').waitFor();
    await annex.getByRole('button', { name: 'Versions (2)' }).click();
    await page.getByTestId('document-versions').getByText('Annex A.pdf').waitFor();
    await snap(page, 'folders-versions');
    // The earlier version's link is minted on the click (openDocumentVersion) and serves version 1's bytes.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('document-versions').getByRole('button', { name: 'Download Version 1' }).click(),
    ]);
    assert.ok((await readFile(await download.path())).equals(makePdf(`Annex A ${RUN}`)), 'version 1 downloaded');
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    assert.equal(await treeItem(page, 'Contracts').locator('.badge').innerText(), '2');
    await snap(page, 'folders-staff');
  });

  await step('point 5: rename, move to the top (no cycles offered), delete with its contents', async () => {
    const { page } = anna;
    await treeItem(page, 'Signed 2027').getByRole('button').last().click();
    await treeButton(page, 'Rename').click();
    await page.getByRole('dialog').getByLabel('Folder name').fill('Archive 2027');
    await page.getByRole('dialog').getByRole('button', { name: 'Rename' }).click();
    await treeItem(page, 'Archive 2027').waitFor();
    await treeButton(page, 'Move').click();
    const options = await page.getByRole('dialog').getByLabel('Put it in').locator('option').allInnerTexts();
    assert.ok(!options.includes('Contracts / Archive 2027'), 'a folder is never offered as its own parent');
    await page.getByRole('dialog').getByLabel('Put it in').selectOption({ label: 'The top of the hub' });
    await page.getByRole('dialog').getByRole('button', { name: 'Move' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await treeButton(page, 'Delete').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete folder and contents' }).click();
    await treeItem(page, 'Archive 2027').waitFor({ state: 'detached' });
  });

  await step('point 6: Nora, on her phone, uploads into Inbox; Lina does not even see Inbox', async () => {
    await nora.page.setViewportSize(PHONE);
    await openHub(nora, noraLink);
    await nora.page.getByTestId('hub-folder').filter({ hasText: 'Inbox' }).waitFor();
    const inbox = nora.page.getByTestId('hub-folder').filter({ hasText: 'Inbox' });
    await inbox.getByRole('button', { name: /Inbox/ }).click();
    await inbox.getByTestId('folder-upload-input').setInputFiles({ name: 'Delivery note.pdf', mimeType: 'application/pdf', buffer: makePdf(`Delivery note ${RUN}`) });
    await inbox.getByTestId('folder-document').filter({ hasText: 'Delivery note.pdf' }).waitFor();
    await snap(nora.page, 'folders-contact');
    await openHub(lina, linaLink);
    await lina.page.getByTestId('hub-folder').filter({ hasText: 'Contracts' }).waitFor();
    assert.equal(await lina.page.getByTestId('hub-folder').filter({ hasText: 'Inbox' }).count(), 0);
  });

  await step("the rep sees Nora's upload in the customer's activity", async () => {
    await anna.page.reload();
    await anna.page.getByTestId('activity-item').filter({ hasText: 'Nora Dahl uploaded Delivery note.pdf' }).first().waitFor();
  });

  await step('seed 003: anna lets the primary contact manage permissions; Lina narrows Inbox for Nora', async () => {
    await anna.page.getByLabel('The primary contact manages folder permissions for their colleagues').check();
    await anna.page.waitForTimeout(300);
    await lina.page.reload();
    const inbox = lina.page.getByTestId('hub-folder').filter({ hasText: 'Inbox' });
    await inbox.waitFor();
    await inbox.getByRole('button', { name: /Inbox/ }).click();
    await inbox.getByRole('button', { name: 'Permissions' }).click();
    const dialog = lina.page.getByRole('dialog');
    await dialog.getByLabel('View', { exact: true }).check();
    await snap(lina.page, 'folders-permissions-primary');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Nora may still view Inbox, no longer upload; Lina still sees none of its documents.
    await nora.page.reload();
    const noraInbox = nora.page.getByTestId('hub-folder').filter({ hasText: 'Inbox' });
    await noraInbox.getByRole('button', { name: /Inbox/ }).click();
    await noraInbox.getByTestId('folder-document').first().waitFor();
    assert.equal(await noraInbox.getByTestId('folder-upload-input').count(), 0);
  });
});
