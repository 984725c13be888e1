// bench/organizer-pages: the organizers' pages on a forum of bench/run-report's size, in a real Chromium (see the script).
const { chromium } = require(process.env.PLAYWRIGHT_PACKAGE);
const { execFileSync } = require('child_process');
const PORTS = (process.env.PORTS || '8650').split(',');
const PIDS = (process.env.PIDS || '').split(',');
const ROUNDS = +process.argv[2];
const PATHS = process.argv[3].split(',');
const TABS = +(process.env.TABS || 8);
const SETTLE = `() => { const c = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
  return !!c && Object.values(c).every(x => !x.isActive()); }`;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run'];

/** The page's own answers: the document and Vaadin's requests (?v-r=...), not the cached scripts and styles. */
function counting(page) {
  const sum = {bytes: 0};
  page.on('response', async response => {
    const request = response.request();
    if (!request.url().includes('v-r=') && request.resourceType() !== 'document') return;
    try { sum.bytes += (await response.body()).length; } catch (e) { /* gone */ }
  });
  return sum;
}

/** Heap in use after two full GCs (jcmd), in KB. */
function heapKb(pid) {
  execFileSync('jcmd', [pid, 'GC.run']);
  execFileSync('jcmd', [pid, 'GC.run']);
  const info = execFileSync('jcmd', [pid, 'GC.heap_info']).toString();
  const m = info.match(/used (\d+)K/);
  return m ? +m[1] : NaN;
}

/** The server process's CPU time so far (user + system, /proc/PID/stat), in ms: what a page load or action cost it. */
function cpuMs(pid) {
  if (!pid) return NaN;
  const fields = require('fs').readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (+fields[11] + +fields[12]) * 10; // utime and stime, in clock ticks of 10 ms
}

/** Live objects by class (jcmd GC.class_histogram runs a full GC first): name -> [instances, bytes]. */
function histogram(pid) {
  const out = execFileSync('jcmd', [pid, 'GC.class_histogram'], {maxBuffer: 256 * 1024 * 1024}).toString();
  const classes = new Map();
  for (const line of out.split('\n')) {
    const m = line.match(/^\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)/);
    if (m) classes.set(m[3], [+m[1], +m[2]]);
  }
  return classes;
}

/** The classes that grew most from one histogram to the next, per tab: "class instances/tab KB/tab". */
function grown(before, after, tabs, top) {
  const rows = [];
  for (const [name, [n, bytes]] of after) {
    const [n0, b0] = before.get(name) || [0, 0];
    rows.push([name, (n - n0) / tabs, (bytes - b0) / tabs / 1024]);
  }
  for (const [name, [n0, b0]] of before) if (!after.has(name)) rows.push([name, -n0 / tabs, -b0 / tabs / 1024]);
  rows.sort((x, y) => y[2] - x[2]);
  const live = rows.reduce((sum, row) => sum + row[2], 0);
  return `  live objects, all classes: ${live.toFixed(0)} KB/tab\n` + rows.slice(0, top).map(([name, n, kb]) => `  ${name} ${n.toFixed(0)}/tab ${kb.toFixed(1)} KB/tab`).join('\n');
}

/** What an organizer does first on each page, timed from the click to the page settled. */
const ACTIONS = {
  'meeting-grid': async page => {
    const t = Date.now();
    await page.locator('.grid-meeting').first().click();
    await page.waitForSelector('vaadin-dialog-overlay[opened]');
    await page.waitForFunction(SETTLE);
    return {action: 'open a meeting', ms: Date.now() - t};
  },
  figures: async page => {
    const t = Date.now();
    await page.evaluate(() => { const g = document.querySelector('#figures-report'); g && g.scrollToIndex(9000); });
    await page.waitForTimeout(50);
    await page.waitForFunction(SETTLE);
    return {action: 'scroll the report to row 9000', ms: Date.now() - t};
  },
  venue: async page => {
    // a mark at the tables: the server marks the meeting and draws the slot's list again (as another device's
    // Refresh does); the first meeting's "held", again and again (marking it held once more changes nothing)
    const t = Date.now();
    await page.locator('vaadin-button[id^="held-"]').first().click();
    await page.waitForTimeout(50);
    await page.waitForFunction(SETTLE);
    return {action: 'mark the first meeting held', ms: Date.now() - t};
  },
  badges: async page => {
    const t = Date.now();
    await page.fill('#badges-company input', 'Дорстрой-1');
    await page.waitForTimeout(50);
    await page.waitForFunction(SETTLE);
    return {action: 'type a company in the filter', ms: Date.now() - t};
  },
};

async function logIn(browser, port) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(180000);
  await page.goto(`http://localhost:${port}/login`);
  await page.waitForFunction(SETTLE);
  await page.fill('#vaadinLoginUsername input', process.env.USER_EMAIL || 'bench-report@forum.local');
  await page.fill('#vaadinLoginPassword input', process.env.USER_PASSWORD || 'Report-Load-2026');
  await page.press('#vaadinLoginPassword input', 'Enter');
  await page.waitForURL(/^(?!.*\/login).*$/);
  const state = await context.storageState();
  await context.close();
  return state;
}

async function open(browser, state, port, path, lang, width) {
  const context = await browser.newContext({locale: lang === 'en' ? 'en-US' : 'ru-RU',
    viewport: {width, height: 900}, storageState: state});
  // the language is the session's, chosen by a cookie (Languages.COOKIE): Russian without it
  await context.addCookies([{name: 'b2bforum-lang', value: lang, url: `http://localhost:${port}`}]);
  const page = await context.newPage();
  page.setDefaultTimeout(180000);
  const bytes = counting(page);
  const t = Date.now();
  await page.goto(`http://localhost:${port}/${path}`);
  await page.waitForFunction(SETTLE);
  await page.waitForFunction("() => document.title !== ''");
  // the client may be idle before the view's first answer has come (the meeting grid at load 40: settled, no view,
  // no rows; its tabs read nothing, stop 49 ux72): the view's heading (not the menu's), then idle again
  await page.waitForFunction("() => !!document.querySelector('.page h1')");
  await page.waitForFunction(SETTLE);
  const ms = Date.now() - t;
  await page.waitForTimeout(500);
  return {context, page, ms, bytes};
}

(async () => {
  const browser = await chromium.launch({executablePath: '/usr/bin/chromium-headless-shell', args: ARGS});
  const states = {};
  for (const port of PORTS) states[port] = await logIn(browser, port);
  // with HISTO_TOP, one tab of a light page stays open on each server: its heartbeats make Vaadin let go of the closed
  // tabs of the session (it cleans a session up at its requests), so that they are gone before a reading (WAIT_S)
  if (process.env.HISTO_TOP) {
    for (const port of PORTS) await open(browser, states[port], port, process.env.KEEP_PATH || 'check-in', 'ru', 1280);
  }
  for (const path of PATHS) {
    const [route, width] = path.split('@');
    for (const lang of ['ru', 'en']) {
      for (const [i, port] of PORTS.entries()) {
        const loads = [], sizes = [], actions = [], loadCpu = [], actionCpu = [];
        let name = '';
        for (let round = 0; round < ROUNDS; round++) {
          const cpu0 = cpuMs(PIDS[i]);
          const {context, page, ms, bytes} = await open(browser, states[port], port, route, lang, +(width || 1280));
          const cpu1 = cpuMs(PIDS[i]);
          // ACTIONS=off: none; ACTIONS=venue,badges: those pages' alone
          const only = process.env.ACTIONS, page0 = route.split('?')[0];
          const action = only === 'off' || (only && !only.split(',').includes(page0)) ? undefined : ACTIONS[page0];
          if (action) {
            try { const a = await action(page); name = a.action; actions.push(a.ms); } catch (e) { name = 'failed: ' + e.message.split('\n')[0]; }
            if (round > 0) actionCpu.push(cpuMs(PIDS[i]) - cpu1);
          }
          if (round > 0) { loads.push(ms); sizes.push(bytes.bytes); loadCpu.push(cpu1 - cpu0); } // the first warms
          await context.close();
        }
        let heap = '';
        if (lang === 'ru' && PIDS[i]) {
          // closed tabs stay on the server until their third missed heartbeat (run the jar with
          // --vaadin.heartbeatInterval=10 and WAIT_S=35 to have the earlier rounds' tabs gone before the reading)
          if (process.env.WAIT_S) await new Promise(r => setTimeout(r, 1000 * +process.env.WAIT_S));
          const top = +(process.env.HISTO_TOP || 0);
          const histoBefore = top ? histogram(PIDS[i]) : null;
          const before = heapKb(PIDS[i]);
          const tabs = [];
          for (let t = 0; t < TABS; t++) tabs.push(await open(browser, states[port], port, route, lang, +(width || 1280)));
          const after = heapKb(PIDS[i]);
          heap = ` heap_per_tab_kb=${((after - before) / TABS).toFixed(0)}`;
          if (top) console.log(`HISTOGRAM port=${port} page=/${path} (${TABS} tabs)\n`
            + grown(histoBefore, histogram(PIDS[i]), TABS, top));
          for (const tab of tabs) await tab.context.close();
        }
        const median = a => a.length ? [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)] : NaN;
        console.log(`RESULT port=${port} page=/${path} lang=${lang} load_ms_median=${median(loads)} `
          + `load_ms_max=${Math.max(...loads)} answer_kb=${(median(sizes) / 1024).toFixed(0)}${heap}`
          + (PIDS[i] ? ` server_cpu_ms_per_load_median=${median(loadCpu)}` : '')
          + (name ? ` action="${name}" action_ms_median=${median(actions.slice(1))}` : '')
          + (name && PIDS[i] ? ` server_cpu_ms_per_action_median=${median(actionCpu)}` : ''));
      }
    }
  }
  await browser.close();
})();
