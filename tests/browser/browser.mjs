// Shared set-up for the browser tests: Debian's Chromium, headless, with the flags this closed
// network needs, and an axe-core check that fails on serious or critical violations.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
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

// Starts `recall` with these arguments and waits for its "listening on" line (60 s at most);
// returns the child process and the address it serves.
export async function startRecall(binary, args) {
  const server = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${log}`)), 60000);
    const read = (chunk) => {
      log += chunk;
      const found = log.match(/listening on (http:\/\/[0-9.]+:[0-9]+)/);
      if (found) { clearTimeout(timer); resolve(found[1]); }
    };
    server.stdout.on('data', read);
    server.stderr.on('data', read);
    server.on('exit', (code) => reject(new Error(`the server exited (${code}):\n${log}`)));
  });
  return { server, url };
}

// Signs in at URL/login in a fresh browser context (its own cookies) and returns the page after.
export async function signIn(browser, url, email, password) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}/login`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Sign in' }).click()]);
  assert.doesNotMatch(await page.locator('main').innerText(), /email or password is wrong/i);
  return page;
}
