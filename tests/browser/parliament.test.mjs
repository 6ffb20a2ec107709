// A voter finds their MP by postcode, reads the party history and what each policy would mean, and uses
// the hexmap; the main pages pass axe-core with no serious or critical violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, baseUrl, seriousViolations } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a postcode search leads to the constituency, then to an MP who changed party', async () => {
  const page = await browser.newPage();
  await page.goto(`${baseUrl}/`);
  await page.getByLabel(/postcode, mp or constituency/i).fill(' sw4 9zs ');
  await Promise.all([page.waitForURL(/\/constituencies\/E14000978/), page.getByRole('button', { name: /search/i }).click()]);
  assert.match(await page.locator('h1').innerText(), /Streatham/);

  await Promise.all([page.waitForURL(/\/mps\/2017-E14000978/), page.getByRole('link', { name: 'Chuka Umunna' }).first().click()]);
  const body = await page.locator('main').innerText();
  assert.match(body, /The Independent Group/);
  assert.match(body, /18 February 2019/);
  assert.match(body, /4 June 2019/);
  assert.match(body, /with a change-of-party condition/);
  await page.close();
});

test('the hexmap links every constituency, highlights MPs who changed party, and leads to the MP', async () => {
  const page = await browser.newPage();
  await page.goto(`${baseUrl}/map?parliament=2017`);
  const hexes = page.locator('svg a');
  assert.equal(await hexes.count(), 650);

  await page.getByLabel('Highlight a party').selectOption('*changed');
  const highlighted = await page.locator('svg .recall-hex:not(.recall-hex--dimmed)').count();
  assert.ok(highlighted > 0 && highlighted < 650, `${highlighted} hexes highlighted`);
  const streatham = page.locator('svg a[href*="E14000978"]');
  assert.equal(await streatham.locator('xpath=self::*[contains(@class, "recall-hex--dimmed")]').count(), 0,
    'Streatham stays highlighted: its MP changed party');

  await streatham.hover();
  assert.match(await page.locator('[data-recall-hexmap-detail]').innerText(), /Streatham/);
  await Promise.all([page.waitForURL(/E14000978/), streatham.click()]);
  assert.match(await page.locator('h1').innerText(), /Chuka Umunna/);
  await page.close();
});

test('the hexmap has a plain list when JavaScript is off', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/map?parliament=2017`);
  const links = page.locator('main a[href*="/mps/"]:not(svg a)');
  assert.ok(await links.count() >= 650, 'a plain list of MPs linked from the map page');
  await context.close();
});

for (const path of ['/', '/mps', '/mps?changed=on&parliament=2017', '/mps/2017-E14000978', '/constituencies/E14000978',
  '/map', '/rules', '/no-such-page']) {
  test(`accessibility of ${path}`, async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}${path}`);
    const violations = await seriousViolations(page);
    assert.deepEqual(violations, [], violations.join('\n'));
    await page.close();
  });
}
