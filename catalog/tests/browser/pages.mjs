// Drives the catalogue's pages in headless Chromium as a visitor would: the home page, a search
// typed into the form with a layer chosen, a component opened; runs axe-core (WCAG 2.1 A and AA)
// on every page, checks keyboard entry (the skip link first) and the 320-pixel layout, saves
// screenshots, and prints what it found as JSON for the Rust test to judge.
import puppeteer from 'puppeteer-core';
import { createRequire } from 'node:module';
import path from 'node:path';

const [base, shots] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const out = { pages: [], checks: {} };
try {
  const page = await browser.newPage();
  // the pages allow only their own scripts (Content-Security-Policy); axe is the test's, injected
  await page.setBypassCSP(true);
  await page.setViewport({ width: 1280, height: 900 });
  const audit = async (name) => {
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(async () =>
      // eslint-disable-next-line no-undef
      await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
    await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
    out.pages.push({
      name,
      url: page.url(),
      title: await page.title(),
      violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })),
    });
  };

  await page.goto(`${base}/`, { waitUntil: 'load' });
  await audit('home');
  out.checks.homeLayers = await page.$$eval('ul.lagen h3 a', (as) => as.map((a) => a.textContent));
  // the keyboard: the first Tab reaches the skip link
  await page.keyboard.press('Tab');
  out.checks.firstFocus = await page.evaluate(() => document.activeElement?.textContent?.trim());

  // search as a visitor: type, choose a layer, submit
  await page.type('#zoek', 'bankafschriften');
  await page.select('#laag', 'services');
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('form.zoeken button')]);
  await audit('zoeken');
  out.checks.searchUrl = page.url();
  out.checks.results = await page.$$eval('ul.resultaten h2 a', (as) => as.map((a) => a.textContent));

  // a filter alone
  await page.goto(`${base}/componenten?laag=integratie`, { waitUntil: 'load' });
  out.checks.integratie = await page.$$eval('ul.resultaten h2 a', (as) => as.map((a) => a.textContent));

  // open the component from the results
  await page.goto(`${base}/componenten?zoek=bankafschriften`, { waitUntil: 'load' });
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('ul.resultaten h2 a')]);
  await audit('component');
  out.checks.componentTitle = await page.$eval('h1', (h) => h.textContent);
  out.checks.componentText = await page.$eval('main', (m) => m.innerText);

  // the spec in Swagger UI, from the component page
  const componentUrl = page.url();
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('a[href$="/docs"]')]);
  await page.waitForSelector('.swagger-ui .info .title', { timeout: 10000 });
  out.checks.swaggerTitle = await page.$eval('.swagger-ui .info .title', (t) => t.textContent);
  await page.screenshot({ path: path.join(shots, 'swagger.png') });
  await page.goto(componentUrl, { waitUntil: 'load' });

  // 320 pixels wide: nothing wider than the screen
  await page.setViewport({ width: 320, height: 800 });
  for (const url of [`${base}/`, `${base}/componenten?zoek=grondwerk`, page.url()]) {
    await page.goto(url, { waitUntil: 'load' });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    out.checks[`width320:${new URL(url).pathname}`] = wide;
  }
  await page.screenshot({ path: path.join(shots, 'component-320.png'), fullPage: true });
  // at 320 pixels the component's tables keep their words whole: a word of a cell (outside the
  // code of a path, which may break at any point) that the layout split over two lines other
  // than after a hyphen is listed
  out.checks.brokenWords320 = await page.evaluate(() => {
    const broken = [];
    for (const td of document.querySelectorAll('td')) {
      const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        if (text.parentElement.closest('code')) continue;
        // a break after a hyphen is where a line may end; within a part it splits the word
        for (const m of text.data.matchAll(/[^\s-]+-?/g)) {
          const range = document.createRange();
          range.setStart(text, m.index);
          range.setEnd(text, m.index + m[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(m[0]);
        }
      }
    }
    return broken;
  });
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
