// End-to-end: an admin writes an invitation template for a language without built-in texts (German): the
// editor names an unknown placeholder inline, asks for every fixed text, and previews the email beside the form;
// an email sent in German is German from greeting to footer. Then the admin uploads the organization's logo, and
// a contact who got a Danish share finds a Danish hub headed by the logo, with the rep's message beside the share.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBackend } from './support/backend.mjs';
import { stepper } from './support/steps.mjs';
import { gql } from './support/api.mjs';
import { closeBrowser, launch, newActor, snap, countOf } from './support/browser.mjs';
import { makePng } from './support/images.mjs';
import { fillGermanFixedTexts } from './support/templates.mjs';

const RUN = Date.now().toString(36).slice(-5);
const CONTACT = { firstName: 'Greta', lastName: 'Vogel', email: `greta.${RUN}@kunde.example` };
const DANISH = { firstName: 'Mette', lastName: 'Lund', email: `mette.${RUN}@kunde.example` };
const MESSAGE = `Hej Mette, her er prislisten, vi talte om. (${RUN})`;

let backend, browser, admin, contact;
const actors = () => [admin, contact].filter(Boolean);

before(async () => {
  backend = await startBackend();
  browser = await launch();
  admin = await newActor(browser, backend.baseUrl, 'admin');
});
after(async () => {
  await closeBrowser(browser);
  await backend?.stop();
});

test('invitation templates and branding: placeholders, fixed texts, live preview, one language per email and hub', async (t) => {
  const step = stepper(t, { actors, backend: () => backend });
  const { page } = admin;

  await step('admin signs in and opens the template editor', async () => {
    await page.goto('/login');
    await page.getByLabel('Email').fill('admin@northwind.example');
    await page.getByLabel('Password').fill('portico-demo-admin');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/libraries$/);
    await page.goto('/admin/templates');
    await page.getByRole('button', { name: 'Add language' }).click();
    const placeholders = page.getByRole('group', { name: 'Placeholders' });
    for (const token of ['{first_name}', '{sender_name}', '{organization}']) await placeholders.getByText(token).waitFor();
  });

  await step('an unknown placeholder is named inline; a new language asks for every fixed text', async () => {
    await page.getByLabel('Language code').fill('de');
    await page.getByLabel('Subject').fill('Neue Unterlagen von {organization}');
    await page.getByLabel('Body').fill('Hallo,\n\n{sender} hat Ihnen Unterlagen bereitgestellt.');
    const error = page.locator('.field-error', { hasText: '{sender} is not a placeholder' });
    await error.waitFor();
    assert.match(await error.textContent(), /\{sender_name\}/); // says what to use instead
    await page.getByText(/Missing: Greeting/).waitFor();
    await page.getByLabel('Body').fill('Hallo,\n\n');
    await page.getByRole('button', { name: 'Insert {sender_name}' }).click();
    // The editor gives the focus back to the body, caret after the token, on the next frame: type only then (on a
    // busy machine the first keystroke went to the button and was lost).
    await page.waitForFunction(() => {
      const el = document.activeElement;
      return el instanceof HTMLTextAreaElement && el.value.endsWith('{sender_name}') && el.selectionStart === el.value.length;
    });
    await page.keyboard.type(' hat Ihnen Unterlagen bereitgestellt.');
    assert.equal(await page.getByLabel('Body').inputValue(), 'Hallo,\n\n{sender_name} hat Ihnen Unterlagen bereitgestellt.');
  });

  await step('with every fixed text filled, the preview beside the editor is all German', async () => {
    await fillGermanFixedTexts(page);
    const frame = page.frameLocator('iframe[title="Template preview"]');
    await frame.getByText('Ihren Kundenbereich öffnen').waitFor();
    await frame.getByText('Alex Admin hat Ihnen Unterlagen bereitgestellt.').waitFor();
    await page.getByTestId('template-preview-subject').filter({ hasText: 'Neue Unterlagen von Northwind' }).waitFor();
    assert.equal(await page.locator('.field-error').count(), 0);
    const html = await frame.locator('body').innerText();
    for (const english of ['Hello', 'Open your hub', 'Message from', 'shared with you', 'Sent by']) {
      assert.ok(!html.includes(english), `English "${english}" in the preview`);
    }
    await page.getByLabel('Subject').scrollIntoViewIfNeeded();
    await snap(page, 'template-editor-preview');
    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByText('Template for Deutsch (de) saved.').waitFor();
  });

  await step('an email sent in German is German from greeting to footer', async () => {
    const found = await gql(page, '{ customers(first: 1) { edges { node { id } } } publications(first: 1) { edges { node { id } } } }');
    const customerId = found.data.customers.edges[0].node.id;
    const publicationId = found.data.publications.edges[0].node.id;
    const sent = await gql(page, `mutation($input: ShareInput!) { shareDocuments(input: $input) { share { id } errors { code message } } }`, {
      input: { customerId, recipients: [CONTACT], language: 'de', message: `Bis bald (${RUN})`, publicationIds: [publicationId], uploadIds: [] },
    });
    assert.deepEqual(sent.data.shareDocuments.errors, []);
    const box = await gql(page, '{ devMailbox(first: 20) { to subject text } }');
    const mail = box.data.devMailbox.find((m) => m.to === CONTACT.email);
    assert.ok(mail, 'the German email is in the outbox');
    assert.equal(mail.subject, 'Neue Unterlagen von Northwind Supplies');
    for (const german of ['Guten Tag Greta,', 'Nachricht von Alex Admin', 'Ihren Kundenbereich öffnen', 'Gesendet von Northwind Supplies mit Portico']) {
      assert.ok(mail.text.includes(german), `"${german}" missing from:\n${mail.text}`);
    }
    for (const english of ['Hello', 'Open your hub', 'Message from', 'Questions?', 'Sent by', 'You are receiving']) {
      assert.ok(!mail.text.includes(english), `English "${english}" in:\n${mail.text}`);
    }
  });

  await step('the admin uploads the logo; an SVG is refused with a clear message', async () => {
    await page.getByRole('link', { name: 'Branding' }).click();
    await page.getByRole('heading', { name: 'Branding' }).waitFor();
    const input = page.getByTestId('logo-input');
    await input.setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') });
    await page.getByRole('alert').filter({ hasText: 'A logo must be a PNG, JPEG, WebP or GIF image.' }).waitFor();
    await input.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: makePng() });
    await page.getByText(/Logo uploaded/).waitFor();
    const logo = page.getByTestId('branding-logo');
    await logo.waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="branding-logo"]')?.naturalWidth === 160);
    await snap(page, 'admin-branding');
  });

  await step('a Danish share: the contact signs in to a Danish hub with the logo and the message beside the share', async () => {
    const found = await gql(page, '{ customers(first: 1) { edges { node { id } } } publications(first: 2) { edges { node { id } } } }');
    const sent = await gql(page, `mutation($input: ShareInput!) { shareDocuments(input: $input) { share { id } errors { code message } } }`, {
      input: {
        customerId: found.data.customers.edges[0].node.id, recipients: [DANISH], language: 'da', message: MESSAGE,
        publicationIds: found.data.publications.edges.map((e) => e.node.id), uploadIds: [],
      },
    });
    assert.deepEqual(sent.data.shareDocuments.errors, []);
    const box = await gql(page, '{ devMailbox(first: 20) { to html text } }');
    const mail = box.data.devMailbox.find((m) => m.to === DANISH.email);
    const link = mail.text.match(/https?:\/\/[^\s]+\/hub\/welcome\?token=[^\s]+/);
    assert.ok(link, `no hub link in:\n${mail.text}`);
    contact = await newActor(browser, backend.baseUrl, 'contact');
    const hub = contact.page;
    await hub.goto(link[0].replace(/^https?:\/\/[^/]+/, backend.baseUrl));
    await hub.getByLabel('Password').fill('mette-hub-password-1');
    await hub.getByRole('button', { name: /Set password/ }).click();
    await hub.waitForURL(/\/hub$/);
    await hub.getByRole('heading', { name: 'Hej Mette' }).waitFor();
    const brand = hub.getByTestId('hub-brand');
    await brand.getByRole('img', { name: 'Northwind Supplies logo' }).waitFor();
    await hub.waitForFunction(() => document.querySelector('[data-testid="hub-brand"] img')?.naturalWidth === 160);
    const message = hub.getByTestId('share-message');
    await message.filter({ hasText: MESSAGE }).waitFor();
    assert.match(await message.textContent(), /Besked fra Alex Admin/);
    assert.equal(await countOf(hub.getByTestId('hub-document'), 2), 2);
    assert.equal(await countOf(hub.getByRole('button', { name: 'Log ud' }), 1), 1);
    assert.equal(await hub.evaluate(() => document.documentElement.lang), 'da');
    await snap(hub, 'hub-branded-message');
    // The logo is the organization's: a stranger gets nothing from its URL.
    const src = await brand.getByRole('img').getAttribute('src');
    const stranger = await fetch(`${backend.baseUrl}${src}`);
    assert.equal(stranger.status, 404);
  });

  await step('no console errors (but the refused SVG upload, on purpose)', async () => {
    const refused = /status of 415 .*\/branding\/logo/;
    assert.deepEqual(actors().flatMap((a) => a.problems).filter((p) => !refused.test(p)), []);
  });
});
