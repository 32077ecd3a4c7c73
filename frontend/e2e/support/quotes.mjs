// What the quote specs share: a customer whose contacts use the hub with the Quotes module on, and the emails
// they get (read once from the dev mailbox, which shows a one-time link or code once, then redacts it).
import assert from 'node:assert/strict';
import { gql, ok } from './api.mjs';

/** A company with the given contacts, hub access through a first share (the welcome emails), the QUOTES module
 *  on, and the rep as its account manager. Returns { customerId }. */
export async function quoteCustomer({ admin, rep, repEmail, name, people }) {
  const created = await ok(admin.page, `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) {
    customer { id } errors { code message } } }`, { input: { kind: 'COMPANY', name } }, 'createCustomer');
  const customerId = created.customer.id;
  const members = await gql(admin.page, '{ members(first: 100) { edges { node { id email } } } }');
  const repId = members.data.members.edges.map((e) => e.node).find((m) => m.email === repEmail).id;
  await ok(admin.page, `mutation($input: AccountManagersInput!) { assignAccountManagers(input: $input) { errors { code message } } }`,
    { input: { customerIds: [customerId], memberIds: [repId] } }, 'assignAccountManagers');
  const pubs = await gql(rep.page, '{ publications(first: 10) { edges { node { id title } } } }');
  const pub = pubs.data.publications.edges[0].node.id;
  await ok(rep.page, `mutation($input: ShareInput!) { shareDocuments(input: $input) { share { id } errors { code message } } }`,
    { input: { customerId, recipients: people, language: 'en', message: '', publicationIds: [pub], uploadIds: [] } }, 'shareDocuments');
  await ok(rep.page, `mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { errors { code message } } }`,
    { input: { customerId, modules: ['DOCUMENTS', 'QUOTES'] } }, 'updateCustomer');
  return { customerId };
}

/** The emails to `address` whose subject matches, waiting for them up to `timeout` ms (read once: redacted after). */
export async function waitForMail(adminPage, address, subject, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const r = await gql(adminPage, 'query { devMailbox(first: 100) { to subject text html } }');
    assert.ok(!r.errors, JSON.stringify(r.errors));
    const mail = r.data.devMailbox.find((m) => m.to.includes(address) && subject.test(m.subject));
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no email to ${address} matching ${subject} (have: ${r.data.devMailbox.map((m) => `${m.to}: ${m.subject}`).join(' | ')})`);
    await new Promise((res) => setTimeout(res, 400));
  }
}

export async function hubWelcomeLinks(adminPage, addresses) {
  const r = await gql(adminPage, 'query { devMailbox(first: 100) { to subject text } }');
  return addresses.map((address) => {
    const mail = r.data.devMailbox.find((m) => m.to.includes(address) && /\/hub\/welcome\?token=/.test(m.text));
    assert.ok(mail, `no hub welcome email to ${address}`);
    return mail.text.match(/https?:\/\/[^\s]+\/hub\/welcome\?token=[\w-]+/)[0];
  });
}

/** The 6-digit code of the acceptance email to `address` ("Your code to accept quote Q-1: 123456"). */
export async function acceptanceCode(adminPage, address) {
  const mail = await waitForMail(adminPage, address, /code/i);
  const m = mail.subject.match(/(\d{6})\s*$/) ?? mail.text.match(/^\s+(\d{6})\s*$/m);
  assert.ok(m, `no 6-digit code in: ${mail.subject} / ${mail.text}`);
  return m[1];
}

/** Uploads bytes through POST /uploads with the page's session (as the SPA does); returns the upload's id. */
export async function upload(page, filename, buffer) {
  const r = await page.evaluate(async ({ filename, bytes }) => {
    const res = await fetch(`/uploads?filename=${encodeURIComponent(filename)}`, {
      method: 'POST', credentials: 'same-origin', body: new Uint8Array(bytes),
      headers: { 'Content-Type': 'application/octet-stream', 'X-Requested-With': 'portico' },
    });
    return res.json();
  }, { filename, bytes: [...buffer] });
  assert.ok(r.uploadId, `upload failed: ${JSON.stringify(r)}`);
  return r.uploadId;
}
