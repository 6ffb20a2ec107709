// Shared set-up for the browser tests: Debian's Chromium, headless, with the flags this closed
// network needs, and an axe-core check that fails on serious or critical violations.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const baseUrl = process.env.RECALL_URL ?? 'http://127.0.0.1:8080';

export async function launch() {
  // playwright gives each launch its own fresh, empty profile directory.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return browser;
}

// Runs axe-core in the page and returns the serious and critical violations, described for a failure message.
export async function seriousViolations(page) {
  // Evaluated over the DevTools protocol, so the page's Content-Security-Policy (no inline script) still holds.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    return await axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}
