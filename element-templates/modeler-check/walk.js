// Works a ticket's open task in Tasklist as an agent: log in, open the task, claim if needed, fill, complete.
// usage: node walk.js PORT USER TASK_ID SHOT_PATH key=value|key:=option|key~=radio ...   (password demo)
const { chromium } = require('playwright-core');
const [port, user, taskId, shotName, ...fields] = process.argv.slice(2);
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN' });
  const base = `http://localhost:${port}/camunda/app/tasklist/default/`;
  await page.goto(base + '#/login');
  await page.fill('form[name=signinForm] input[type=text]', user);
  await page.fill('form[name=signinForm] input[type=password]', 'demo');
  await page.click('form[name=signinForm] button[type=submit]');
  await page.waitForSelector('.task-filter', { timeout: 60000 });
  await page.goto(base + '#/?task=' + taskId);
  await page.waitForSelector('[cam-tasklist-task] .fjs-form', { timeout: 60000 });
  if (await page.locator('button.claim').isVisible()) { await page.click('button.claim'); await page.waitForSelector('button.unclaim'); }
  for (const f of fields) {
    let m;
    if ((m = f.match(/^([^:~=]+):=(.*)$/))) { // drop-down (select) by option label
      await page.locator(`.fjs-form [id$='_${m[1]}']`).locator('..').first().click();
      await page.locator('.fjs-dropdownlist-item', { hasText: m[2] }).first().click();
    } else if ((m = f.match(/^([^:~=]+)~=(.*)$/))) { // radio by label
      await page.locator(`label.fjs-form-field-label[for*='_${m[1]}-']`, { hasText: m[2] }).locator('input[type=radio]').check();
    } else if ((m = f.match(/^([^=]+)=(.*)$/))) {
      await page.locator(`.fjs-form [id$='_${m[1]}']`).first().fill(m[2]);
    }
  }
  await page.screenshot({ path: shotName + '.png', fullPage: true });
  await page.click("[cam-tasklist-task] button[ng-click='complete()']");
  await page.waitForSelector('[cam-tasklist-task] .fjs-form', { state: 'detached', timeout: 60000 }).catch(() => {});
  await page.waitForTimeout(1500);
  await page.screenshot({ path: shotName + '-done.png' });
  console.log('completed', taskId, 'as', user);
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
