// End-to-end: customer management and admin screens against a real backend.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBackend } from './support/backend.mjs';
import { stepper } from './support/steps.mjs';
import { closeBrowser, launch, newActor, snap, makePdf } from './support/browser.mjs';
import { fillGermanFixedTexts } from './support/templates.mjs';

const RUN = Date.now().toString(36).slice(-5);
let backend, browser, admin;

before(async () => {
  backend = await startBackend();
  browser = await launch();
  admin = await newActor(browser, backend.baseUrl, 'admin');
});
after(async () => {
  await closeBrowser(browser);
  await backend?.stop();
});

test('customers, contacts, account managers and admin screens', async (t) => {
  const step = stepper(t, { actors: () => [admin].filter(Boolean), backend: () => backend });
  const { page } = admin;

  await step('admin signs in; a deep link survives the sign-in redirect', async () => {
    await page.goto('/customers?kind=COMPANY');
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('Email').fill('admin@northwind.example');
    await page.getByLabel('Password').fill('wrong-password-here');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.field-error, .alert-error').first().waitFor();
    await page.getByLabel('Password').fill('portico-demo-admin');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/customers\?kind=COMPANY$/);
    assert.equal(await page.getByLabel('Kind').inputValue(), 'COMPANY');
  });

  await step('filters and search narrow the customer list', async () => {
    await page.goto('/customers');
    await page.locator('tbody tr').first().waitFor();
    const all = await page.locator('tbody tr').count();
    await page.getByLabel('Search customers').fill('zzzz-no-such-customer');
    await page.getByText('No customers match').waitFor();
    await page.getByLabel('Search customers').fill('');
    await page.locator('tbody tr').nth(all - 1).waitFor();
  });

  await step('create a company customer, then add, edit and delete contacts inline', async () => {
    await page.getByRole('button', { name: 'New customer' }).click();
    const d = page.getByRole('dialog', { name: 'New customer' });
    await d.getByLabel('Company name').fill(`Borealis ${RUN}`);
    await d.getByRole('button', { name: 'Create customer' }).click();
    await page.getByRole('heading', { name: `Borealis ${RUN}` }).waitFor();
    await page.getByRole('button', { name: 'New contact' }).click();
    const form = page.getByRole('form', { name: 'New contact' });
    await form.getByLabel('First name').fill('Pia');
    await form.getByLabel('Last name').fill('Holm');
    await form.getByLabel('Email').fill(`pia.${RUN}@borealis.example`);
    await form.getByRole('button', { name: 'Save contact' }).click();
    await page.getByText('Pia Holm', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Edit name of Pia Holm' }).click();
    const edit = page.getByRole('form', { name: 'Edit name of Pia Holm' });
    await edit.getByLabel('Last name').fill('Holmberg');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Pia Holmberg', { exact: true }).waitFor();
  });

  await step('hub access, modules and account managers update', async () => {
    const hub = page.getByRole('switch', { name: 'Hub access for this customer' });
    const was = await hub.isChecked();
    await hub.click();
    assert.equal(await hub.isChecked(), !was);
    await page.getByRole('checkbox', { name: 'Quotes' }).check();
    await page.getByLabel('Member to assign').selectOption({ label: 'Ben Carter' });
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByRole('button', { name: 'Unassign Ben Carter' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Unassign Ben Carter' }).waitFor();
    assert.equal(await page.getByRole('checkbox', { name: 'Quotes' }).isChecked(), true);
    await snap(page, 'customer-admin');
    await page.getByRole('button', { name: 'Actions for Pia Holmberg' }).click();
    await page.getByRole('menuitem', { name: 'Delete contact' }).click();
    await page.getByRole('dialog', { name: 'Delete Pia Holmberg?' }).getByRole('button', { name: 'Delete contact' }).click();
    await page.getByText('Pia Holmberg', { exact: true }).waitFor({ state: 'detached' });
  });

  await step('admin creates the library "Brochures" and adds a PDF publication to it', async () => {
    await page.goto('/libraries');
    await page.getByRole('button', { name: 'New library' }).click();
    const nl = page.getByRole('dialog', { name: 'New library' });
    await nl.getByRole('button', { name: 'Create library' }).click();
    await nl.locator('.field-error').waitFor(); // name is required
    assert.equal(await nl.getByLabel('Name').getAttribute('aria-invalid'), 'true');
    await nl.getByLabel('Name').fill('Brochures');
    await nl.getByLabel('Description').fill(`Printed brochures ${RUN}`);
    await nl.getByRole('button', { name: 'Create library' }).click();
    await nl.waitFor({ state: 'detached' });
    const chip = page.getByRole('group', { name: 'Filter by library' }).getByRole('button', { name: /^Brochures/ });
    await page.waitForFunction(() => [...document.querySelectorAll('.chip[aria-pressed="true"]')].some((c) => c.textContent.startsWith('Brochures')));
    assert.equal(await chip.getAttribute('aria-pressed'), 'true');

    const title = `Spring brochure ${RUN}`;
    await page.getByRole('button', { name: 'Add publication' }).first().click();
    const d = page.getByRole('dialog', { name: 'Add publication' });
    assert.equal(await d.getByLabel('Library').evaluate((el) => el.selectedOptions[0].textContent), 'Brochures');
    await d.getByTestId('file-input').setInputFiles({ name: `${title}.pdf`, mimeType: 'application/pdf', buffer: makePdf(title) });
    assert.equal(await d.getByLabel('Title').inputValue(), title);
    await d.getByText(/Uploaded/).waitFor();
    await d.getByLabel('Tags').fill('brochure, spring');
    await snap(page, 'add-publication');
    await d.getByRole('button', { name: 'Add publication' }).click();
    await d.waitFor({ state: 'detached' });
    const card = page.getByTestId('publication').filter({ hasText: title });
    await card.waitFor();
    assert.match(await card.textContent(), /Brochures/);
    await card.getByText('spring', { exact: true }).waitFor();
    await page.getByText('1 publication', { exact: true }).waitFor();
    // The preview's link is minted on the click (openPublication), in a new tab; previewing does not pick the card.
    const [fetched] = await Promise.all([
      page.context().waitForEvent('request', (r) => r.url().includes('/files/')),
      card.getByRole('button', { name: `Preview ${title}` }).click(),
    ]);
    const preview = await page.request.get(fetched.url());
    assert.equal(preview.status(), 200);
    assert.ok((await preview.body()).equals(makePdf(title)), 'the preview serves the publication');
    assert.equal(await card.getByRole('checkbox').isChecked(), false);
    await Promise.all(page.context().pages().filter((p) => p !== page).map((p) => p.close()));
  });

  await step('settings: standard message is saved and prefills the send dialog', async () => {
    await page.goto('/settings');
    const msg = page.getByLabel('Standard message');
    await msg.fill(`Kind regards from the admin ${RUN}`);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    await page.goto('/customers');
    await page.locator('tbody tr').first().locator('a').first().click();
    await page.getByRole('button', { name: 'Send documents' }).click();
    const d = page.getByRole('dialog', { name: 'Send to customer' });
    await d.getByLabel('Personal message').waitFor();
    await page.waitForFunction((run) => document.querySelector('[role=dialog] textarea')?.value.includes(run), RUN);
    await d.getByRole('button', { name: 'Cancel' }).click();
  });

  await step('admin: invite a member, save a template, create and revoke an API key', async () => {
    await page.goto('/admin/members');
    await page.getByLabel('Email').fill(`new.rep.${RUN}@northwind.example`);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText(`Invitation sent to new.rep.${RUN}@northwind.example`).waitFor();
    await page.getByText(`new.rep.${RUN}@northwind.example`).nth(1).waitFor();

    await page.goto('/admin/templates');
    await page.getByRole('button', { name: 'Add language' }).click();
    await page.getByLabel('Language code').fill('de');
    await page.getByLabel('Subject').fill('Ihre Dokumente');
    await page.getByLabel('Body').fill('Hallo, hier sind Ihre Dokumente. Gruss, {sender}');
    // An unknown placeholder is named inline as you type, before anything is saved.
    await page.locator('.field-error', { hasText: '{sender} is not a placeholder' }).waitFor();
    await page.getByLabel('Body').fill('Hallo, hier sind Ihre Dokumente. Gruss, {sender_name}');
    await page.getByText(/needs every fixed text|Missing:/).first().waitFor();
    await fillGermanFixedTexts(page);
    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByText(/Template for Deutsch \(de\) saved/).waitFor();

    await page.goto('/admin/api-keys');
    await page.getByLabel('Name').fill(`CRM ${RUN}`);
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = await page.getByTestId('api-key-secret').textContent();
    assert.ok(secret && secret.length >= 20, 'secret shown once');
    await snap(page, 'admin-api-key-created');
    page.once('dialog', (dlg) => dlg.accept());
    await page.getByRole('button', { name: 'Revoke' }).first().click();
    await page.getByText('Revoked').first().waitFor();
  });

  await step('the invitation email leads to the accept-invitation page', async () => {
    // The first read shows the one-time link; the stored copy is redacted after it (issue 7 point 8), so the link
    // is taken from this read and the page, opened after, shows the redacted copy.
    const r = await page.evaluate(async () => {
      const res = await fetch('/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: '{ devMailbox(first: 20) { to html text } }' }) });
      return res.json();
    });
    const mail = r.data.devMailbox.find((m) => m.to.includes(`new.rep.${RUN}`));
    assert.ok(mail, 'invitation email in outbox');
    const link = (mail.html + mail.text).match(/\/accept-invitation\?token=[^\s"'<>&]+/);
    assert.ok(link, 'accept-invitation link in the email');
    await page.goto('/dev/mailbox');
    await page.getByTestId('mail-item').first().waitFor();
    await page.frameLocator('iframe[title="Email body"]').locator('a').first().waitFor();
    await snap(page, 'dev-mailbox-admin');
    const visitor = await newActor(browser, backend.baseUrl, 'invitee');
    await visitor.page.goto(link[0]);
    await visitor.page.getByLabel('First name').fill('Nora');
    await visitor.page.getByLabel('Last name').fill('Nyberg');
    await visitor.page.getByLabel('Password').fill('nora-password-123');
    await snap(visitor.page, 'accept-invitation');
    await visitor.page.getByRole('button', { name: 'Accept invitation' }).click();
    await visitor.page.waitForURL(/\/libraries$/);
    await visitor.page.getByText('Nora Nyberg').waitFor();
    assert.deepEqual(visitor.problems, []);
    await visitor.context.close();
  });

  await step('sign out, and sign-up / forgot-password screens render', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login$/);
    await page.goto('/libraries');
    await page.waitForURL(/\/login\?next=%2Flibraries/);
    await page.goto('/signup');
    await page.getByLabel('Organization name').waitFor();
    await snap(page, 'signup');
    await page.goto('/forgot-password');
    await page.getByLabel('Email').fill('admin@northwind.example');
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByText(/a reset link is on its way/).waitFor();
  });

  await step('no console errors', async () => {
    assert.deepEqual(admin.problems, []);
  });
});
