// GraphQL from inside a signed-in page (its cookies, its origin), as the SPA sends it; and the staff sign-in.
import assert from 'node:assert/strict';

export async function gql(page, query, variables = {}) {
  return page.evaluate(async ({ query, variables }) => {
    const r = await fetch('/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' }, credentials: 'same-origin', body: JSON.stringify({ query, variables }) });
    return r.json();
  }, { query, variables });
}

/** A mutation's payload, asserting neither top-level errors nor payload errors. */
export async function ok(page, query, variables, field) {
  const r = await gql(page, query, variables);
  assert.ok(!r.errors, `${field}: ${JSON.stringify(r.errors)}`);
  const payload = r.data[field];
  assert.deepEqual(payload.errors ?? [], [], `${field}: ${JSON.stringify(payload.errors)}`);
  return payload;
}

export async function staffLogIn(actor, email, password) {
  const { page } = actor;
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/libraries$/);
}
