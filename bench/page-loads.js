// bench/page-loads: cold fresh loads (a new browser context each) alternating between servers, Chromium's CPU from /proc.
const { chromium } = require(process.env.PLAYWRIGHT_PACKAGE);
const fs = require('fs');
const PORTS = (process.env.PORTS || '8100').split(',');
const ROUNDS = +process.argv[2];
const PATHS = process.argv[3].split(',');
const SETTLE = `() => { const c = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
  return !!c && Object.values(c).every(x => !x.isActive()); }`;

/** CPU seconds of this process's descendants: the renderers, and all of Chromium. */
function cpu() {
  const kids = {}, info = {};
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const st = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
      (kids[+f[1]] = kids[+f[1]] || []).push(+d);
      info[d] = {cpu: (+f[11] + +f[12]) / 100, renderer: fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').includes('--type=renderer')};
    } catch (e) { /* gone */ }
  }
  const out = {renderer: 0, all: 0};
  for (const todo = [...(kids[process.pid] || [])]; todo.length;) {
    const p = todo.pop();
    todo.push(...(kids[p] || []));
    if (!info[p]) continue;
    out.all += info[p].cpu;
    if (info[p].renderer) out.renderer += info[p].cpu;
  }
  return out;
}

(async () => {
  const browser = await chromium.launch({executablePath: '/usr/bin/chromium-headless-shell', args: ['--no-sandbox',
    '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']});
  const states = {};
  for (const port of PORTS) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://localhost:${port}/login`);
    await page.waitForFunction(SETTLE);
    await page.fill('#vaadinLoginUsername input', process.env.USER_EMAIL || 'info@mosdorservis.ru');
    await page.fill('#vaadinLoginPassword input', process.env.USER_PASSWORD || 'demo-company-2026');
    await page.press('#vaadinLoginPassword input', 'Enter');
    await page.waitForURL(/^(?!.*\/login).*$/);
    states[port] = await context.storageState();
    await context.close();
  }
  const sum = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const path of PATHS) {
      for (const port of (round % 2 ? [...PORTS].reverse() : PORTS)) {
        const context = await browser.newContext({locale: 'ru-RU', viewport: {width: 1280, height: 900},
          storageState: path === 'login' ? undefined : states[port]});
        const page = await context.newPage();
        const before = cpu();
        await page.goto(`http://localhost:${port}/${path}`);
        await page.waitForFunction(SETTLE);
        await page.waitForFunction("() => document.title !== ''");
        await page.waitForTimeout(700);
        const after = cpu();
        if (round > 0) { // the first round warms the servers
          const s = sum[`${port} /${path}`] = sum[`${port} /${path}`] || {n: 0, renderer: 0, all: 0};
          s.n++;
          s.renderer += after.renderer - before.renderer;
          s.all += after.all - before.all;
        }
        await context.close();
      }
    }
  }
  const total = {};
  for (const [key, s] of Object.entries(sum)) {
    console.log(`${key}: ${s.n} cold loads, renderer ${(s.renderer / s.n).toFixed(3)} s, all of Chromium ${(s.all / s.n).toFixed(3)} s a load`);
    const t = total[key.split(' ')[0]] = total[key.split(' ')[0]] || {n: 0, renderer: 0, all: 0};
    t.n += s.n; t.renderer += s.renderer; t.all += s.all;
  }
  console.log('RESULT ' + Object.entries(total).map(([port, t]) =>
    `port${port}_renderer=${(t.renderer / t.n).toFixed(3)} port${port}_chromium=${(t.all / t.n).toFixed(3)}`).join(' '));
  await browser.close();
})();
