// Receivables set-up for the e2e specs (issue 11): customers with a contact and account managers, invoices,
// all through GraphQL as the signed-in admin; what people do with them is done in the browser.
import assert from 'node:assert/strict';
import { gql, ok } from './api.mjs';

let zone; // the organization's time zone, read once

/** YYYY-MM-DD `days` from today (negative: in the past) in the organization's time zone: the server's "today"
 * (aging buckets, overdue, reminders) is the organization's day, which late in the UTC evening is already tomorrow
 * in Europe. */
export async function orgDay(page, days) {
  if (!zone) {
    const r = await gql(page, '{ organization { timezone } }');
    assert.ok(!r.errors && r.data.organization.timezone, JSON.stringify(r));
    zone = r.data.organization.timezone;
  }
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date()); // en-CA: YYYY-MM-DD
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Members by email prefix: { anna: id, ben: id, admin: id }. */
export async function memberIds(page) {
  const r = await gql(page, '{ members(first: 100) { edges { node { id email } } } }');
  assert.ok(!r.errors, JSON.stringify(r.errors));
  return Object.fromEntries(r.data.members.edges.map((e) => [e.node.email.split('@')[0], e.node.id]));
}

/** A company with one contact (email), the INVOICES module on; returns its id. */
export async function customerWithContact(page, name, contact) {
  const created = await ok(page, `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } errors { code message } } }`,
    { input: { kind: 'COMPANY', name } }, 'createCustomer');
  const id = created.customer.id;
  if (contact) {
    await ok(page, `mutation($input: AddContactInput!) { addContact(input: $input) { contact { id } errors { code message } } }`,
      { input: { customerId: id, firstName: contact.first, lastName: contact.last, email: contact.email } }, 'addContact');
  }
  await ok(page, `mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { customer { id } errors { code message } } }`,
    { input: { customerId: id, ...(contact ? { hubAccess: true } : {}), modules: ['DOCUMENTS', 'INVOICES'] } }, 'updateCustomer');
  return id;
}

export async function assign(page, customerIds, memberIdList) {
  await ok(page, `mutation($input: AccountManagersInput!) { assignAccountManagers(input: $input) { errors { code message } } }`,
    { input: { customerIds, memberIds: memberIdList } }, 'assignAccountManagers');
}

/** An invoice due `dueInDays` from today (negative: overdue); returns its id. */
export async function invoice(page, { customerId, number, amount, currency, dueInDays, issuedDaysAgo = 40 }) {
  const r = await ok(page, `mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { invoice { id } errors { code field message } } }`,
    { input: { customerId, number, amount, currency, issuedOn: await orgDay(page, -issuedDaysAgo), dueOn: await orgDay(page, dueInDays) } }, 'createInvoice');
  return r.invoice.id;
}

/**
 * Runs a real `portico worker` (the scaled deployment's job process) on the backend's data until `done()` holds
 * (polled every second, up to `seconds`), then stops it. The reminder sweep is one of its jobs: its first run
 * comes within a tenth of its interval, so the spec does not wait for the server's own 5-minute cycle.
 */
export async function withWorker(backend, done, seconds = 60) {
  const { spawn } = await import('node:child_process');
  const { join } = await import('node:path');
  const { repoRoot } = await import('./backend.mjs');
  assert.ok(backend.env, 'the backend was started by this run (E2E_BASE_URL gives no data directory)');
  const child = spawn(join(repoRoot, '.venv', 'bin', 'portico'), ['worker'], { cwd: repoRoot, env: backend.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  try {
    const deadline = Date.now() + seconds * 1000;
    for (;;) {
      if (await done()) return;
      if (Date.now() > deadline) throw new Error(`the worker did not get there in ${seconds} s; its output:\n${output.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => { const t = setTimeout(() => { child.kill('SIGKILL'); r(); }, 5000); child.on('exit', () => { clearTimeout(t); r(); }); });
  }
}

/** Takes members off customers (a customer created by a member has that member as its account manager). */
export async function unassign(page, customerIds, memberIdList) {
  await ok(page, `mutation($input: AccountManagersInput!) { unassignAccountManagers(input: $input) { errors { code message } } }`,
    { input: { customerIds, memberIds: memberIdList } }, 'unassignAccountManagers');
}
