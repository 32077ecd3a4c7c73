// What most specs need besides the browser: GraphQL from inside a signed-in page, and a staff sign-in.
import assert from 'node:assert/strict';

/** Run a GraphQL operation with the page's own session cookie (same origin, as the SPA does). */
export async function gql(page, query, variables = {}) {
  return page.evaluate(async ({ query, variables }) => {
    const r = await fetch('/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' }, credentials: 'same-origin', body: JSON.stringify({ query, variables }) });
    return r.json();
  }, { query, variables });
}

/** A mutation that must succeed: no top-level errors and an empty `errors` list; returns its payload. */
export async function ok(page, query, variables, field) {
  const r = await gql(page, query, variables);
  assert.ok(!r.errors, `${field}: ${JSON.stringify(r.errors)}`);
  const payload = r.data[field];
  assert.deepEqual(payload.errors ?? [], [], `${field}: ${JSON.stringify(payload.errors)}`);
  return payload;
}

/** Sign a staff member in through the log-in page. */
export async function staffLogIn(actor, email, password) {
  const { page } = actor;
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/libraries$/);
  await page.getByRole('heading', { name: 'Libraries' }).waitFor();
}
