// Named e2e steps: after a failure the rest are skipped, so the first failure stands out, and it is reported with
// a screenshot of every browser, their URLs and the tail of the backend's log.
import { join } from 'node:path';
import { tail } from './backend.mjs';
import { screenshotsDir } from './browser.mjs';

/**
 * stepper(t, { actors: () => [{ name, page }], backend: () => backend }) returns step(name, fn).
 */
export function stepper(t, { actors, backend }) {
  let failed = null;
  return async (name, fn) =>
    t.test(name, async (st) => {
      if (failed) return st.skip(`skipped: "${failed}" failed`);
      try {
        await fn();
      } catch (e) {
        failed = name;
        for (const a of actors()) {
          await a.page.screenshot({ path: join(screenshotsDir, `FAILED-${a.name}.png`) }).catch(() => {});
        }
        const log = backend()?.logFile;
        console.error([
          `\n✗ e2e step failed: ${name}`,
          `  ${e.message.split('\n').join('\n  ')}`,
          `  pages: ${actors().map((a) => `${a.name}=${a.page.url()}`).join(' ')}`,
          `  failure screenshots: ${screenshotsDir}/FAILED-*.png`,
          log ? `  backend log tail (${log}):\n${tail(log, 40)}` : '',
        ].join('\n'));
        throw e;
      }
    });
}
