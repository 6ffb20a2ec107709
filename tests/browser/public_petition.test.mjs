// A public "call a by-election" petition through the browser (issue 5 item 7): a campaigner creates it
// with the form; five sponsors follow the shared link and confirm through the email the SMTP server
// received; a moderator publishes it; a voter signs, confirms through their email, and the petition
// page, left open, shows the new count and the voter's constituency without a reload.
//
// The test runs its own `recall serve` on a fresh database, delivering email to its own aiosmtpd, so
// the links followed are the ones a real inbox would hold.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, seriousViolations, signIn, startRecall } from './browser.mjs';
import { MailSink } from './mail.mjs';

const binary = process.env.RECALL_BINARY;
const password = 'a-long-moderation-passphrase-1';
const moderator = 'moderator@example.org';
const work = mkdtempSync(join(tmpdir(), 'recall-public-petition-browser-'));
const db = join(work, 'recall.db');
const mail = new MailSink(work);
// The voter's postcode is Streatham's; sponsors sign from Peterborough, so the breakdown must show
// Streatham only once the voter's signature counts.
const voterPostcode = 'SW4 9ZS';
const voterConstituency = { ons: 'E14000978', name: 'Streatham' };
const sponsorPostcode = 'PE1 5ZE';
const confirmPath = /(\/public\/petitions\/[0-9]+\/confirm\/[A-Za-z0-9_-]+)/;

let server;
let url;
let browser;
let petitionPath;  // "/public/petitions/N"
let sponsorPath;   // "/public/petitions/N/sponsor/TOKEN"

function recall(args, input) {
  return execFileSync(binary, ['--db', db, ...args], { input, encoding: 'utf8' });
}

async function startServer() {
  ({ server, url } = await startRecall(binary, ['serve', '--db', db, '--address', '127.0.0.1', '--port', '0',
    '--smtp-url', mail.url, '--mail-from', 'petitions@example.org']));
}

// Fills the signer's part of a form: the same fields on the create, sponsor and sign pages.
async function fillSigner(page, { name, email, postcode }) {
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Postcode', { exact: true }).fill(postcode);
  await page.getByLabel(/British citizen or UK resident/).check();
}

// Follows the link in the newest email to `address`: the page shows a button (mail scanners that
// follow links must not confirm), and pressing it confirms.
async function confirmByEmail(page, address) {
  const [, path] = await mail.waitFor(address, confirmPath);
  await page.goto(`${url}${path}`);
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Confirm my signature' }).click()]);
  assert.match(await page.locator('h1').innerText(), /your signature is confirmed/i, `confirming ${address}`);
}

before(async () => {
  assert.ok(binary, 'RECALL_BINARY must name the recall binary');
  recall(['data', 'load']);
  recall(['user', 'add', '--role', 'moderator', '--email', moderator, '--password-stdin'], `${password}\n`);
  await mail.start();
  await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.kill();
  mail.stop();
  rmSync(work, { recursive: true, force: true });
});

test('a campaigner creates a petition with the form and is given the sponsor link', async () => {
  const page = await browser.newPage();
  await page.goto(`${url}/public/petitions/new`);
  assert.deepEqual(await seriousViolations(page), []);
  await page.getByLabel('What do you want us to do?').fill('Call a by-election in Peterborough');
  await page.getByLabel('Why do you want us to do it?').fill('Our MP was convicted and should face the voters.');
  await fillSigner(page, { name: 'Cara Campaigner', email: 'creator@example.org', postcode: sponsorPostcode });
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Create the petition' }).click()]);
  const link = page.locator('a[data-recall-sponsor-link]');
  await link.waitFor();
  assert.deepEqual(await seriousViolations(page), []);
  const found = (await link.getAttribute('href')).match(/\/public\/petitions\/[0-9]+\/sponsor\/[A-Za-z0-9_-]+/);
  assert.ok(found, 'the page after creating shows the sponsor link');
  assert.match(await link.innerText(), new RegExp(found[0]), 'the link is shown in full, to copy and share');
  sponsorPath = found[0];
  petitionPath = sponsorPath.replace(/\/sponsor\/.*$/, '');
  await confirmByEmail(page, 'creator@example.org');
  await page.close();
});

test('five sponsors follow the shared link and confirm through their email', async () => {
  assert.ok(sponsorPath, 'the create test gave a sponsor link');
  for (let i = 1; i <= 5; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${url}${sponsorPath}`);
    if (i === 1) assert.deepEqual(await seriousViolations(page), []);
    const email = `sponsor${i}@example.org`;
    await fillSigner(page, { name: `Sponsor Number${i}`, email, postcode: sponsorPostcode });
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Support this petition' }).click()]);
    assert.match(await page.locator('main').innerText(), /email/i, 'the page asks the sponsor to check their email');
    await confirmByEmail(page, email);
    await context.close();
  }
});

test('a moderator finds the sponsored petition in the queue and publishes it', async () => {
  assert.ok(petitionPath, 'the create test gave a petition');
  const id = petitionPath.split('/').pop();
  const page = await signIn(browser, url, moderator, password);
  await page.goto(`${url}/moderation`);
  const queued = page.locator(`a[href$="/moderation/petitions/${id}"]`);
  await queued.first().waitFor();
  assert.deepEqual(await seriousViolations(page), []);
  await Promise.all([page.waitForURL(new RegExp(`/moderation/petitions/${id}`)), queued.first().click()]);
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Publish', exact: true }).click()]);
  assert.match(await page.locator('main').innerText(), /published|open/i);
  await page.context().close();
});

test('a voter signs and confirms; the open petition page shows the count and constituency without a reload', async () => {
  assert.ok(petitionPath, 'the create test gave a petition');
  const watcher = await browser.newPage();
  await watcher.goto(`${url}${petitionPath}`);
  assert.deepEqual(await seriousViolations(watcher), []);
  const count = watcher.locator('[data-recall-count]');
  const readCount = async () => Number((await count.innerText()).replace(/[^0-9]/g, ''));
  const before = await readCount();
  let navigations = 0;
  watcher.on('framenavigated', (frame) => { if (frame === watcher.mainFrame()) navigations++; });

  const voter = await browser.newContext();
  const page = await voter.newPage();
  await page.goto(`${url}${petitionPath}`);
  await fillSigner(page, { name: 'Vera Voter', email: 'voter@example.org', postcode: voterPostcode });
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Sign this petition' }).click()]);
  assert.match(await page.locator('main').innerText(), /email/i, 'the page asks the voter to check their email');
  await confirmByEmail(page, 'voter@example.org');
  await voter.close();

  // The page polls count.json (every few seconds); wait for the new figure, not a fixed time.
  await watcher.waitForFunction((expected) => {
    const shown = document.querySelector('[data-recall-count]');
    return shown && Number(shown.textContent.replace(/[^0-9]/g, '')) === expected;
  }, before + 1, { timeout: 45000, polling: 250 });
  assert.equal(navigations, 0, 'the count changed without a reload');

  // The breakdown names the voter's constituency: a table row and its hex on the map.
  const row = watcher.locator('[data-recall-top] tr', { hasText: voterConstituency.name });
  await row.first().waitFor();
  assert.match(await row.first().innerText(), /\b1\b/);
  const hex = watcher.locator(`svg [data-ons="${voterConstituency.ons}"]`);
  assert.equal(await hex.count(), 1, 'the hexmap has the voter\'s constituency');
  assert.notEqual(await hex.getAttribute('data-shade'), '0', 'the voter\'s constituency is shaded on the map');
  assert.match(await hex.locator('title').textContent(), /: 1 signatures?$/);
  await watcher.close();

  const counts = await (await fetch(`${url}${petitionPath}/count.json`)).json();
  const streatham = counts.signatures_by_constituency.find((c) => c.ons_code === voterConstituency.ons);
  assert.equal(streatham?.signature_count, 1);
  assert.equal(counts.signature_count, before + 1);
});
