// End-to-end: an admin writes an invitation template for a language without built-in texts (German): the
// editor names an unknown placeholder inline, asks for every fixed text, and previews the email beside the form;
// an email sent in German is German from greeting to footer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBackend } from './support/backend.mjs';
import { stepper } from './support/steps.mjs';
import { launch, newActor, snap } from './support/browser.mjs';
import { fillGermanFixedTexts } from './support/templates.mjs';

const RUN = Date.now().toString(36).slice(-5);
const CONTACT = { firstName: 'Greta', lastName: 'Vogel', email: `greta.${RUN}@kunde.example` };

let backend, browser, admin;
const actors = () => [admin].filter(Boolean);

async function gql(page, query, variables = {}) {
  return page.evaluate(async ({ query, variables }) => {
    const r = await fetch('/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' }, credentials: 'same-origin', body: JSON.stringify({ query, variables }) });
    return r.json();
  }, { query, variables });
}

before(async () => {
  backend = await startBackend();
  browser = await launch();
  admin = await newActor(browser, backend.baseUrl, 'admin');
});
after(async () => {
  await browser?.close().catch(() => {});
  await backend?.stop();
});

test('invitation templates: placeholders, fixed texts, live preview, a whole email in one language', async (t) => {
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

  await step('no console errors', async () => {
    assert.deepEqual(actors().flatMap((a) => a.problems), []);
  });
});
