// Fails when src/gql/ is stale: regenerates into a temp dir and compares file by file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const committed = join(root, 'src', 'gql');
const tmp = mkdtempSync(join(tmpdir(), 'portico-codegen-'));
try {
  execFileSync(process.execPath, [join(root, 'node_modules/@graphql-codegen/cli/cjs/bin.js'), '--config', 'codegen.ts'], {
    cwd: root,
    env: { ...process.env, CODEGEN_OUT: tmp + '/' },
    stdio: 'inherit',
  });
  const fresh = readdirSync(tmp).sort();
  const old = existsSync(committed) ? readdirSync(committed).sort() : [];
  const stale = [];
  for (const f of new Set([...fresh, ...old])) {
    const a = existsSync(join(tmp, f)) ? readFileSync(join(tmp, f), 'utf8') : null;
    const b = existsSync(join(committed, f)) ? readFileSync(join(committed, f), 'utf8') : null;
    if (a !== b) stale.push(f);
  }
  if (stale.length) {
    console.error(`codegen:check: src/gql/ is stale (${stale.join(', ')}). Run \`npm run codegen\` and commit the result.`);
    process.exit(1);
  }
  console.log('codegen:check: src/gql/ is up to date');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
