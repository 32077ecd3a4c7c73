// End-to-end, issue 11 point 3: a reminder workflow built in the SPA.
// The admin creates a workflow (errors by step first), makes it the default, words one email step in Danish, and
// gives one customer its own workflow with reminders paused on the customer page.
// Screenshots: screenshots/receivables-workflow-*.png (desktop + phone).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBackend } from './support/backend.mjs';
import { stepper } from './support/steps.mjs';
import { staffLogIn } from './support/api.mjs';
import { closeBrowser, launch, newActor, snap } from './support/browser.mjs';
import { customerWithContact } from './support/receivables.mjs';

const RUN = Date.now().toString(36).slice(-5);
const NAME = `Standard ${RUN}`;
let backend, browser, admin;
const actors = () => [admin].filter(Boolean);

before(async () => {
  backend = await startBackend();
  browser = await launch();
  admin = await newActor(browser, backend.baseUrl, 'admin');
});
after(async () => {
  await closeBrowser(browser);
  await backend?.stop();
});

test('a reminder workflow: steps, default, per-customer workflow and pause', async (t) => {
  const step = stepper(t, { actors, backend: () => backend });
  let customerId;

  await step('the admin opens Reminder workflows and starts a new one: errors appear next to their step', async () => {
    await staffLogIn(admin, 'admin@northwind.example', 'portico-demo-admin');
    const { page } = admin;
    await page.getByRole('link', { name: 'Reminder workflows' }).click();
    await page.getByRole('heading', { name: 'Reminder workflows', exact: true }).waitFor();
    await page.getByRole('button', { name: 'New workflow' }).click();
    const dialog = page.getByRole('dialog', { name: 'New workflow' });
    await dialog.getByRole('button', { name: 'Add step' }).click();
    const added = dialog.getByTestId('workflow-step').nth(4);
    await added.getByLabel('Step 5: what').selectOption('ACTION');
    await added.getByLabel('Step 5: action').selectOption('CUSTOM');
    await dialog.getByRole('button', { name: 'Save workflow' }).click();
    await dialog.getByText('Give the workflow a name.').waitFor();
    await added.getByText('Say what the account manager should do.').waitFor();
    await snap(page, 'receivables-workflow-errors');
  });

  await step('fixed, defaulted, a Danish wording and a BCC copy: saved, listed in the order the steps run', async () => {
    const { page } = admin;
    const dialog = page.getByRole('dialog', { name: 'New workflow' });
    await dialog.getByLabel('Name').fill(NAME);
    await dialog.getByRole('switch', { name: /Default workflow/ }).check();
    const added = dialog.getByTestId('workflow-step').nth(4);
    await added.getByLabel('Step 5: day').fill('30');
    await added.getByLabel('Step 5: text').fill('Send to debt collection');
    const second = dialog.getByTestId('workflow-step').nth(1);
    await second.getByLabel('Step 2: account manager copy').selectOption('BCC');
    await second.getByText(/^Wording/).click();
    await second.getByRole('radio', { name: 'Dansk' }).check();
    await second.getByLabel('Step 2: subject (Dansk)').fill('Påmindelse fra {organization}');
    await second.getByLabel('Step 2: text (Dansk)').fill('Hej {first_name}, vi mangler betaling på {total}.');
    await snap(page, 'receivables-workflow-editor');
    await dialog.getByRole('button', { name: 'Save workflow' }).click();
    await dialog.waitFor({ state: 'detached' });
    const card = page.getByTestId('workflow').filter({ hasText: NAME });
    await card.getByText('Default').waitFor();
    const steps = await card.locator('li').allInnerTexts();
    assert.deepEqual(steps, [
      '3 days before the due date: reminder email',
      '1 day after the due date: reminder email (account manager in BCC)',
      '7 days after the due date: reminder email (account manager in CC)',
      '15 days after the due date: action — call the customer',
      '30 days after the due date: action — Send to debt collection',
    ]);
    await snap(page, 'receivables-workflows');
  });

  await step('the editor opens the saved workflow again with its Danish wording', async () => {
    const { page } = admin;
    await page.getByTestId('workflow').filter({ hasText: NAME }).getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit workflow' });
    const second = dialog.getByTestId('workflow-step').nth(1);
    await second.getByText('Wording (own text: Dansk)').click();
    await second.getByRole('radio', { name: 'Dansk' }).check();
    assert.equal(await second.getByLabel('Step 2: subject (Dansk)').inputValue(), 'Påmindelse fra {organization}');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  await step('a customer gets its own workflow and pauses its reminders on the customer page', async () => {
    const { page } = admin;
    customerId = await customerWithContact(page, `Cobalt Paints ${RUN}`, null);
    await page.goto(`/customers/${encodeURIComponent(customerId)}`);
    const card = page.getByTestId('customer-receivables');
    await card.getByLabel('Reminder workflow').waitFor();
    assert.match(await card.getByLabel('Reminder workflow').locator('option').first().innerText(), new RegExp(`Organization default \\(${NAME}\\)`));
    const saved = () => page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('SetCustomerReminders'));
    await Promise.all([saved(), card.getByLabel('Reminder workflow').selectOption({ label: NAME })]);
    await Promise.all([saved(), card.getByRole('switch', { name: 'Pause reminders for this customer' }).check()]);
    await page.reload();
    await card.getByLabel('Reminder workflow').waitFor();
    assert.equal(await card.getByRole('switch', { name: 'Pause reminders for this customer' }).isChecked(), true);
    const selected = await card.getByLabel('Reminder workflow').evaluate((s) => s.options[s.selectedIndex].text);
    assert.equal(selected, NAME);
    await card.scrollIntoViewIfNeeded();
    await snap(page, 'receivables-workflow-customer');
  });
});
