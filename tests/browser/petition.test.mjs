// A statutory petition through the browser, as the officer's staff and the public use it: a clerk marks
// an elector at their signing place; a second attempt at another place is refused; the postal team
// accepts one return and rejects another; after the close the officer counts, records that the
// Speaker was told and gives public notice; the public result page shows the declared figures. The
// clerk hands the elector a receipt code; while the petition is open the receipt check says only that
// the ledger is sealed, and after the declaration the public finds that receipt in the counted log.
//
// The petition is set up with the command line (as an officer would script a rehearsal) on its own
// database, and served by its own `recall serve` whose clock reads a file, so the test can move time
// from the signing period to after the close.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, seriousViolations, signIn, startRecall } from './browser.mjs';

const binary = process.env.RECALL_BINARY;
const password = 'a-long-rehearsal-passphrase-1';
const work = mkdtempSync(join(tmpdir(), 'recall-petition-browser-'));
const db = join(work, 'recall.db');
const clock = join(work, 'clock');
let server;
let url;
let browser;
let registerRows;
let clerkReceipt;  // the receipt code the clerk's page shows after the mark

function recall(args, input) {
  return execFileSync(binary, ['--db', db, ...args], { input, encoding: 'utf8' });
}

function addUser(email, role, duty) {
  recall(['user', 'add', '--role', role, ...(duty ? ['--duty', duty] : []), '--email', email, '--password-stdin'], `${password}\n`);
}

async function startServer() {
  ({ server, url } = await startRecall(binary, ['serve', '--db', db, '--address', '127.0.0.1', '--port', '0',
    '--clock-file', clock]));
}

// Adult electors added to the synthetic register, with no markers (not attainers, overseas or anonymous).
function electors() {
  return registerRows.filter((row) => row.change === 'addition' && row.markers === '');
}

before(async () => {
  assert.ok(binary, 'RECALL_BINARY must name the recall binary');
  recall(['data', 'load']);
  addUser('officer@example.org', 'officer');
  addUser('clerk.townhall@example.org', 'staff', 'signing-place-clerk');
  addUser('clerk.library@example.org', 'staff', 'signing-place-clerk');
  addUser('postal@example.org', 'staff', 'postal-team');
  const csv = join(work, 'register.csv');
  execFileSync(binary, ['register', 'synth', '--constituency', 'E14000878', '--electors', '300', '--seed', '3', '--out', csv]);
  const [header, ...lines] = readFileSync(csv, 'utf8').trim().split('\n');
  const names = header.split(',');
  registerRows = lines.map((line) => Object.fromEntries(line.split(',').map((value, i) => [names[i], value])));
  recall(['register', 'import', csv, '--constituency', 'E14000878', '--quiet']);
  // Peterborough's timetable: notice Tue 5 Mar 2019, signing from Tue 19 Mar to Wed 1 May.
  const asOf = ['petition', '--as-of', '2019-03-06T10:00'];
  recall([...asOf, 'open', '--constituency', 'E14000878', '--condition', 'custodial-sentence',
    '--detail', 'custodial sentence of 3 months', '--notice', '2019-03-05']);
  recall([...asOf, 'places', 'add', '1', '--name', 'Town Hall', '--address', 'Bridge Street | Peterborough', '--postcode', 'PE1 1HF']);
  recall([...asOf, 'places', 'add', '1', '--name', 'Central Library', '--address', 'Broadway | Peterborough', '--postcode', 'PE1 1RX']);
  const allocation = JSON.parse(recall(['petition', 'allocation', 'show', '1', '--json']));
  assert.deepEqual(allocation, { PA: 1 }, 'every district of the small register is at the Town Hall');
  writeFileSync(clock, '2019-03-20T10:00:00Z\n');  // Wednesday of the first week of signing
  await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.kill();
  rmSync(work, { recursive: true, force: true });
});

const inPerson = () => electors().find((row) => row.absent_vote === '').elector_number;
const postalVoters = () => electors().filter((row) => row.absent_vote === 'P').map((row) => row.elector_number);

test('a clerk marks an elector at their own signing place', async () => {
  const page = await signIn(browser, url, 'clerk.townhall@example.org', password);
  await page.goto(`${url}/petitions/1/places/1/clerk`);
  await page.locator('#q').fill(inPerson());
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Find' }).click()]);
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: /Mark the register/ }).first().click()]);
  assert.match(await page.locator('main').innerText(), /official mark/i);
  clerkReceipt = (await page.locator('[data-receipt-code]').innerText()).trim();
  assert.match(clerkReceipt, /^[0-9A-Z]{4}(-[0-9A-Z]{1,4}){6}$/, 'the receipt code, in groups of four');
  assert.deepEqual(await seriousViolations(page), []);
  await page.context().close();
});

test('while the petition is open the receipt check and the ledger say only that they are sealed', async () => {
  const page = await browser.newPage();
  await page.goto(`${url}/petitions/1/receipt`);
  const receipt = await page.locator('main').innerText();
  assert.match(receipt, /once the result is declared/i);
  assert.equal(await page.locator('#code').count(), 0, 'no code is asked for while sealed');
  await page.goto(`${url}/petitions/1/ledger`);
  const ledger = await page.locator('main').innerText();
  assert.match(ledger, /sealed/i);
  assert.doesNotMatch(ledger, /Leaves in the log/i);
  assert.deepEqual(await seriousViolations(page), []);
  await page.close();
});

test('a second attempt at another signing place is refused without saying why beyond the place', async () => {
  const page = await signIn(browser, url, 'clerk.library@example.org', password);
  await page.goto(`${url}/petitions/1/places/2/clerk`);
  await page.locator('#q').fill(inPerson());
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Find' }).click()]);
  const found = await page.locator('main').innerText();
  assert.match(found, /Town Hall/, 'the clerk is told where the elector signs');
  assert.doesNotMatch(found, /already/i, 'another place never learns that the elector has signed');
  const mark = page.getByRole('button', { name: /Mark the register/ });
  if (await mark.count() > 0) {
    await Promise.all([page.waitForLoadState('load'), mark.first().click()]);
    const refused = await page.locator('main').innerText();
    assert.doesNotMatch(refused, /official mark given/i);
    assert.doesNotMatch(refused, /already/i);
  }
  await page.context().close();
});

test('the postal team accepts one return and rejects another whose signature does not match', async () => {
  const [accepted, rejected] = postalVoters();
  const page = await signIn(browser, url, 'postal@example.org', password);
  for (const [elector, signatureMatches] of [[accepted, true], [rejected, false]]) {
    await page.goto(`${url}/petitions/1/postal`);
    await page.locator('#elector_number').fill(elector);
    await page.locator('#date_of_birth_matched').check();
    if (signatureMatches) await page.locator('#signature_matched').check();
    await page.locator('#received_on').fill('2019-03-20');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Record the sheet' }).click()]);
    const outcome = await page.locator('main').innerText();
    if (signatureMatches) assert.match(outcome, /accepted/i);
    else assert.match(outcome, /rejected[\s\S]*identifiers/i);
  }
  await page.context().close();
});

test('after the close the officer counts and declares, and the public result shows the figures', async () => {
  const publicPage = await browser.newPage();
  await publicPage.goto(`${url}/petitions/1/result`);
  const sealed = await publicPage.locator('main').innerText();
  assert.doesNotMatch(sealed, /valid signatures/i, 'no figures before the declaration');

  writeFileSync(clock, '2019-05-02T09:00:00Z\n');  // the morning after the last signing day
  const officer = await signIn(browser, url, 'officer@example.org', password);
  await officer.goto(`${url}/petitions/1/manage`);
  for (const step of ['Run the count', 'Record that the Speaker has been notified', 'Give public notice of the result']) {
    await Promise.all([officer.waitForLoadState('load'), officer.getByRole('button', { name: step }).click()]);
  }
  await officer.context().close();

  await publicPage.goto(`${url}/petitions/1/result`);
  const result = await publicPage.locator('main').innerText();
  assert.match(result, /300/, 'eligible electors');
  assert.match(result, /\b2\b/, 'valid signatures: one in person, one by post');
  assert.match(result, /0\.7\s*%/, '2 of 300 is 0.7%');
  assert.match(result, /identifiers/i, 'the rejected sheet by reason');
  assert.match(result, /not successful|unsuccessful/i);
  assert.deepEqual(await seriousViolations(publicPage), []);
  await publicPage.close();
});

test('after the declaration the public checks the clerk\'s receipt and finds it in the counted log', async () => {
  assert.ok(clerkReceipt, 'the clerk test gave a receipt code');
  const page = await browser.newPage();
  await page.goto(`${url}/petitions/1/ledger`);
  assert.match(await page.locator('main').innerText(), /Leaves in the log/);
  assert.deepEqual(await seriousViolations(page), []);
  await page.getByRole('link', { name: 'Check a receipt' }).click();
  await page.waitForLoadState('load');
  await page.locator('#code').fill(clerkReceipt.toLowerCase());
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Check the receipt' }).click()]);
  const checked = await page.locator('main').innerText();
  assert.match(checked, /This receipt is in the counted log/);
  assert.match(checked, /Included at position \d+ of the counted log of \d+/);
  assert.match(checked, /accepted as a valid signature/i);
  assert.match(checked, /In person at a signing place/);
  assert.match(checked, /Checked against the final signed checkpoint/);
  assert.deepEqual(await seriousViolations(page), []);

  await page.locator('#code').fill('ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZW');
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Check the receipt' }).click()]);
  assert.match(await page.locator('main').innerText(), /No sheet has this receipt code/);
  await page.close();
});
