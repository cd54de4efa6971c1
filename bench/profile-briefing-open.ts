import { writeFile } from 'node:fs/promises';
import { freshPage, launchBrowser } from '../test/e2e/support/browser';
import { startWebServer } from '../test/e2e/support/server';
import { injectLargeBriefing, openFromList } from './suites/briefing';

/**
 * Profiles opening the bench's 300-item brief: a CPU profile (CDP Profiler) of one open, with
 * the CPU slowed down (`PROFILE_CPU_SLOWDOWN`, default 3) to stand in for a loaded machine.
 * Prints a Chrome trace's main-thread events by kind (layout, style, script…) and the
 * functions with the most self time; writes the profile (open it in Chrome's
 * performance panel) to `PROFILE_OUT` if set. `npm run build:web` first.
 */
const slowdown = Number(process.env.PROFILE_CPU_SLOWDOWN ?? 3);
const server = await startWebServer();
const browser = await launchBrowser();
try {
  const { page, context } = await freshPage(browser);
  await page.goto(`${server.url}/`);
  await page.waitForSelector('html[data-app-ready="true"]', { timeout: 60_000 });
  await injectLargeBriefing(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  // A warm-up open, as a delegate has opened the app before.
  await openFromList(page, server.url, 'Brief with 3,000 talking points');
  await page.goto(`${server.url}/briefings`);
  await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing', 'v8.execute'] });
  const traced = await openFromList(page, server.url, 'Brief with 3,000 talking points');
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: { name: string; ph: string; dur?: number; tid: number; pid: number; cat: string; ts: number }[] };
  // The renderer main thread that did the most work: the app's page.
  const mains = new Set(trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && (e as { args?: { name?: string } }).args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const busiest = new Map<string, number>();
  for (const e of trace.traceEvents) if (e.ph === 'X' && e.dur && mains.has(`${e.pid}:${e.tid}`)) busiest.set(`${e.pid}:${e.tid}`, (busiest.get(`${e.pid}:${e.tid}`) ?? 0) + e.dur);
  const thread = [...busiest].sort((a, b) => b[1] - a[1])[0]?.[0];
  const from = trace.traceEvents.find((e) => e.name === 'bench-open-start')?.ts ?? 0;
  const byEvent = new Map<string, number>();
  for (const e of trace.traceEvents) if (e.ts >= from && e.ph === 'X' && e.dur && `${e.pid}:${e.tid}` === thread && !e.name.startsWith('ThreadControllerImpl') && e.name !== 'RunTask') byEvent.set(e.name, (byEvent.get(e.name) ?? 0) + e.dur / 1000);
  console.log(`traced open ${traced.open.toFixed(0)} ms; main-thread events (inclusive, nested ones counted in their parents too):`);
  for (const [name, ms] of [...byEvent].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
  if (process.env.PROFILE_TRACE) await writeFile(process.env.PROFILE_TRACE, JSON.stringify(trace));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  // Started once the list is on screen: the profile is the click to the interactive editor.
  const { open, docLoad } = await openFromList(page, server.url, 'Brief with 3,000 talking points', async () => {
    await cdp.send('Profiler.start');
  });
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; children?: number[]; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] } };
  console.log(`open ${open.toFixed(0)} ms, document load ${docLoad.toFixed(0)} ms (CPU ${slowdown}x slower)`);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const key = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
    byName.set(key, (byName.get(key) ?? 0) + (self.get(node.id) ?? 0));
  }
  console.log('self time:');
  for (const [name, ms] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
  // Inclusive time (a function and everything it called) says which step of the open costs most;
  // with an unminified build (`vite build --minify false`) the names are the source's.
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inclusive = new Map<string, number>();
  for (const [id, ms] of self) {
    const counted = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = nodes.get(at)!.callFrame;
      const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`;
      if (counted.has(key)) continue;
      counted.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
  }
  console.log('inclusive time:');
  for (const [name, ms] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE_TOP ?? 40))) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
  if (process.env.PROFILE_OUT) await writeFile(process.env.PROFILE_OUT, JSON.stringify(profile));
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
