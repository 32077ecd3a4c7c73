// End-to-end (issue 9, points 1-2, seed 001): an admin allows contacts without email and writes the welcome email;
// a rep creates a private person with hub access and the welcome email in one form, and a company, which gets hub
// access only once it has a contact; saving a contact while hub access is on offers the welcome email at once;
// names and emails are edited in place; the actions menu sends, re-sends (throttled) and deletes, and says why a
// contact without email gets no welcome; each contact shows never invited / invited / signed in. The emails are
// read from the dev mailbox, and the person signs in with the welcome link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBackend } from './support/backend.mjs';
import { stepper } from './support/steps.mjs';
import { gql } from './support/api.mjs';
import { closeBrowser, launch, newActor, snap } from './support/browser.mjs';

const RUN = Date.now().toString(36).slice(-5);
const PERSON = { first: 'Carla', last: 'Jensen', email: `carla.${RUN}@jensen.example` };
const COMPANY = `Borealis ${RUN}`;
const PIA = { first: 'Pia', last: 'Holm', email: `pia.${RUN}@borealis.example` };
const OLE = { first: 'Ole', last: 'Berg', email: `ole.${RUN}@borealis.example` };
const SUBJECT = `Your hub at {organization} is ready (${RUN})`;

let backend, browser, admin, rep, carla;
const actors = () => [admin, rep, carla].filter(Boolean);

/** The dev mailbox shows a link once (then the stored copy is redacted): read each email once, keep what we need. */
async function emailsTo(to) {
  const r = await gql(admin.page, 'query { devMailbox(first: 100) { to subject text } }');
  assert.ok(!r.errors, `devMailbox: ${JSON.stringify(r.errors)}`);
  return r.data.devMailbox.filter((m) => m.to.includes(to));
}

function welcomeLink(mail) {
  const m = mail.text.match(/https?:\/\/[^\s]+\/hub\/welcome\?token=[\w-]+/);
  assert.ok(m, `no hub link in: ${mail.text}`);
  return m[0].replace(/^https?:\/\/[^/]+/, backend.baseUrl);
}

async function logIn(actor, email, password) {
  await actor.page.goto('/login');
  await actor.page.getByLabel('Email').fill(email);
  await actor.page.getByLabel('Password').fill(password);
  await actor.page.getByRole('button', { name: 'Sign in' }).click();
  await actor.page.waitForURL(/\/libraries$/);
}

/** Waits until a switch or checkbox is checked (the page shows the server's value after a reload). */
async function checked(locator) {
  for (let i = 0; i < 60; i++) {
    if (await locator.isChecked().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.fail('the switch never became checked');
}

function row(page, name) {
  return page.locator('.contacts-table tbody tr', { has: page.getByText(name, { exact: true }) });
}

before(async () => {
  backend = await startBackend();
  browser = await launch();
  admin = await newActor(browser, backend.baseUrl, 'admin');
  rep = await newActor(browser, backend.baseUrl, 'rep');
});
after(async () => {
  await closeBrowser(browser);
  await backend?.stop();
});

test('customers and contacts: person and company, hub access, inline edits, welcome emails and statuses', async (t) => {
  const step = stepper(t, { actors, backend: () => backend });

  await step('the admin allows contacts without email and writes the English welcome email', async () => {
    await logIn(admin, 'admin@northwind.example', 'portico-demo-admin');
    await admin.page.getByRole('link', { name: 'Welcome emails' }).click();
    const page = admin.page;
    const allow = page.getByRole('switch', { name: 'Allow contacts without an email address' });
    await allow.click();
    assert.equal(await allow.isChecked(), true);
    const form = page.getByRole('form', { name: 'Edit welcome email' });
    await form.getByLabel('Subject').fill(SUBJECT);
    await form.getByLabel('Text').fill('Hello from {sender_name}: {organization} now shares your documents in one place.');
    await page.getByTestId('welcome-preview-subject').filter({ hasText: `Your hub at Northwind Supplies is ready (${RUN})` }).waitFor();
    await form.getByLabel('Text').fill('Hello {name}');
    await form.locator('.field-error', { hasText: '{name} is not a placeholder' }).waitFor();
    await form.getByLabel('Text').fill('Hello from {sender_name}: {organization} now shares your documents in one place.');
    await form.getByRole('button', { name: 'Save welcome email' }).click();
    await page.getByText(/^Welcome email for English.* saved.$/).waitFor();
    await snap(page, 'welcome-emails');
  });

  await step('a rep creates a private person with hub access and the welcome email in one form', async () => {
    await logIn(rep, 'anna@northwind.example', 'portico-demo-rep');
    const page = rep.page;
    await page.getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('button', { name: 'New customer' }).click();
    const d = page.getByRole('dialog', { name: 'New customer' });
    await d.getByLabel('Private person').check();
    await d.getByLabel('First name').fill(PERSON.first);
    await d.getByLabel('Last name').fill(PERSON.last);
    await d.getByLabel('Email').fill(PERSON.email);
    await d.getByRole('switch', { name: 'Hub access' }).check();
    assert.equal(await d.getByLabel('Send the welcome email now').isChecked(), true);
    await snap(page, 'new-person');
    await d.getByRole('button', { name: 'Create customer' }).click();
    await page.getByRole('heading', { name: `${PERSON.first} ${PERSON.last}` }).waitFor();
    await row(page, `${PERSON.first} ${PERSON.last}`).getByText(/^Invited /).waitFor();
  });

  let carlaLink = '';
  await step('the welcome email is the admin\'s, with a personal link that signs Carla in', async () => {
    const [mail] = await emailsTo(PERSON.email);
    assert.ok(mail, 'no welcome email to Carla');
    assert.equal(mail.subject, `Your hub at Northwind Supplies is ready (${RUN})`);
    assert.match(mail.text, /Hello from Anna Berg: Northwind Supplies now shares your documents in one place\./);
    carlaLink = welcomeLink(mail);
    carla = await newActor(browser, backend.baseUrl, 'carla');
    await carla.page.goto(carlaLink);
    await carla.page.getByRole('heading', { name: `Welcome, ${PERSON.first}` }).waitFor();
    await rep.page.reload();
    await row(rep.page, `${PERSON.first} ${PERSON.last}`).getByText(/^Signed in /).waitFor();
  });

  await step('a company gets hub access only once it has a contact', async () => {
    const page = rep.page;
    await page.goto('/customers');
    await page.getByRole('button', { name: 'New customer' }).click();
    const d = page.getByRole('dialog', { name: 'New customer' });
    await d.getByLabel('Company name').fill(COMPANY);
    assert.equal(await d.getByRole('switch', { name: 'Hub access' }).isDisabled(), true);
    await d.getByText('A company needs a contact before it can have hub access.').waitFor();
    await d.getByRole('button', { name: 'Create customer' }).click();
    await page.getByRole('heading', { name: COMPANY }).waitFor();
    await page.getByRole('switch', { name: 'Hub access for this customer' }).click();
    await page.getByText('Add a contact with hub access before switching on hub access for this company.').waitFor();
    assert.equal(await page.getByRole('switch', { name: 'Hub access for this customer' }).isChecked(), false);
  });

  await step('a contact saved while hub access is on is offered the welcome email at once', async () => {
    const page = rep.page;
    const addContact = async (p, email) => {
      await page.getByRole('button', { name: 'New contact' }).click();
      const form = page.getByRole('form', { name: 'New contact' });
      await form.getByLabel('First name').fill(p.first);
      await form.getByLabel('Last name').fill(p.last);
      await form.getByLabel('Email').fill(email);
      await form.getByRole('button', { name: 'Save contact' }).click();
    };
    await addContact(PIA, PIA.email);
    await row(page, 'Pia Holm').getByText('Never invited').waitFor();
    await page.getByRole('switch', { name: 'Hub access for this customer' }).click();
    await page.reload();
    await checked(page.getByRole('switch', { name: 'Hub access for this customer' }));
    await addContact(OLE, OLE.email);
    const offer = page.getByRole('dialog', { name: 'Send the welcome email now?' });
    await offer.getByText(`Hub access is on for ${COMPANY}.`).waitFor();
    await snap(page, 'offer-welcome');
    await offer.getByRole('button', { name: 'Send welcome email' }).click();
    await page.getByText(`Welcome email sent to Ole Berg (${OLE.email}).`).waitFor();
    await row(page, 'Ole Berg').getByText(/^Invited /).waitFor();
    await row(page, 'Pia Holm').getByText('Never invited').waitFor();
    const [mail] = await emailsTo(OLE.email);
    assert.ok(mail && /Your hub at Northwind Supplies/.test(mail.subject), 'no welcome email to Ole');
  });

  await step('names and emails are edited in place; an emptied email is removed where allowed', async () => {
    const page = rep.page;
    await row(page, 'Pia Holm').getByText('Pia Holm', { exact: true }).dblclick();
    const edit = page.getByRole('form', { name: 'Edit name of Pia Holm' });
    await edit.getByLabel('Last name').fill('Holmberg');
    await snap(page, 'contact-inline-edit');
    await edit.getByLabel('Last name').press('Enter');
    await page.getByText('Pia Holmberg', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Edit email of Pia Holmberg' }).click();
    const email = page.getByRole('form', { name: 'Edit email of Pia Holmberg' });
    await email.getByLabel('Email').fill('not an address');
    await email.getByRole('button', { name: 'Save' }).click();
    await email.locator('.field-error', { hasText: 'is not a valid email address' }).waitFor();
    await email.getByLabel('Email').fill('');
    await email.getByRole('button', { name: 'Save' }).click();
    await row(page, 'Pia Holmberg').getByText('No email').waitFor();
  });

  await step('the actions menu says why Pia gets no welcome, throttles a re-send and deletes', async () => {
    const page = rep.page;
    await page.getByRole('button', { name: 'Actions for Pia Holmberg' }).click();
    const menu = page.getByRole('menu', { name: 'Actions for Pia Holmberg' });
    const send = menu.getByRole('menuitem', { name: /Send welcome email/ });
    assert.equal(await send.getAttribute('aria-disabled'), 'true');
    await send.getByText(/has no email address, so no welcome email can be sent/).waitFor();
    await snap(page, 'contacts-actions');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Actions for Ole Berg' }).click();
    await page.getByRole('menuitem', { name: /Re-send welcome email/ }).click();
    await page.getByText(/A welcome email was just sent to Ole Berg\. You can send it again in \d+ seconds\./).waitFor();

    await page.getByRole('button', { name: 'Actions for Pia Holmberg' }).click();
    await page.getByRole('menuitem', { name: 'Delete contact' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete Pia Holmberg?' });
    await confirm.getByRole('button', { name: 'Delete contact' }).click();
    await page.getByText('Pia Holmberg was deleted.').waitFor();
    await page.getByText('Pia Holmberg', { exact: true }).waitFor({ state: 'detached' });
    await snap(page, 'customer-contacts');
  });

  await step('no browser reported errors', async () => {
    for (const a of actors()) assert.deepEqual(a.problems, [], `${a.name}: ${a.problems.join('\n')}`);
  });
});
