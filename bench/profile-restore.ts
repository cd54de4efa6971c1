import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshPage, launchBrowser } from '../test/e2e/support/browser';
import { startWebServer } from '../test/e2e/support/server';
import { prepareRestore, restoreAndRefresh } from './suites/backup';

/*
 * Finds the main-thread long tasks of a restore, as the backup bench does it (333 briefings x 300
 * sections by default; BENCH_RESTORE_BRIEFS, BENCH_RESTORE_SECTIONS), and what runs in them: a
 * Chrome trace (with the V8 sampling profiler) from the "Replace my work" click until the search
 * index has taken the restored sections in. Prints each task over PROFILE_TASK_MS (50) with its
 * trace events and the JavaScript functions with the most self and inclusive time inside it.
 * Build with `--minify false` for the source's names, and point WEB_OUT_DIR at that build.
 * PROFILE_TRACE=path keeps the trace file; PROFILE_READ=path analyses a kept one again.
 */
const TASK_MS = Number(process.env.PROFILE_TASK_MS ?? 50);
const TOP = Number(process.env.PROFILE_TOP ?? 12);

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> };
}
interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: CallFrame;
}

const frameName = (f: CallFrame) => `${f.functionName || '(anonymous)'} ${(f.url ?? '').split('/').pop()}:${(f.lineNumber ?? -1) + 1}`;

function analyse(events: TraceEvent[]): void {
  const threads = new Map<string, string>();
  for (const e of events) if (e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  // The page's main thread: the CrRendererMain with the most script run.
  const busy = new Map<string, number>();
  for (const e of events) if (e.name === 'RunTask' && threads.get(`${e.pid}:${e.tid}`) === 'CrRendererMain') busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 0));
  const main = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!main) return void console.log('No renderer main thread in the trace.');
  const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main);

  // Samples of the main thread's profile: time and leaf node, with the node tree to walk up.
  const nodes = new Map<number, ProfileNode>();
  const samples: { ts: number; node: number }[] = [];
  const profiles = new Map<string, number>();
  for (const e of events) if (e.name === 'Profile' && `${e.pid}:${e.tid}` === main) profiles.set(e.id!, Number((e.args?.data as { startTime: number }).startTime));
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || !profiles.has(e.id!)) continue;
    const data = e.args!.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] };
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    let t = profiles.get(e.id!)!;
    (data.cpuProfile?.samples ?? []).forEach((node, i) => {
      t += data.timeDeltas?.[i] ?? 0;
      samples.push({ ts: t, node });
    });
    profiles.set(e.id!, t);
  }
  samples.sort((a, b) => a.ts - b.ts);

  const tasks = onMain.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) >= TASK_MS * 1000).sort((a, b) => a.ts - b.ts);
  const first = onMain.find((e) => e.name === 'RunTask')?.ts ?? 0;
  console.log(`\n${tasks.length} main-thread tasks of ${TASK_MS} ms or more (longest ${(Math.max(0, ...tasks.map((t) => t.dur!)) / 1000).toFixed(0)} ms)`);
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    console.log(`\n== task at +${((task.ts - first) / 1e6).toFixed(2)} s: ${(task.dur! / 1000).toFixed(1)} ms`);
    const inside = onMain.filter((e) => e !== task && e.ph === 'X' && e.ts >= task.ts && e.ts < end && (e.dur ?? 0) >= 2000);
    for (const e of inside.sort((a, b) => a.ts - b.ts).slice(0, 25)) {
      const data = e.args?.data ?? {};
      const what = [data.functionName, data.type, data.url && String(data.url).split('/').pop(), data.lineNumber].filter((x) => x !== undefined && x !== '').join(' ');
      console.log(`   ${(e.dur! / 1000).toFixed(1).padStart(7)} ms  ${e.name}${what ? ` (${what})` : ''}`);
    }
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    let previous: number | undefined;
    for (const s of samples) {
      if (s.ts < task.ts || s.ts >= end) continue;
      const ms = previous === undefined ? 0 : (s.ts - previous) / 1000;
      previous = s.ts;
      const leaf = nodes.get(s.node);
      if (!leaf) continue;
      self.set(frameName(leaf.callFrame), (self.get(frameName(leaf.callFrame)) ?? 0) + ms);
      const counted = new Set<string>();
      for (let at: ProfileNode | undefined = leaf; at; at = at.parent === undefined ? undefined : nodes.get(at.parent)) {
        const k = frameName(at.callFrame);
        if (counted.has(k)) continue;
        counted.add(k);
        inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
      }
    }
    console.log('   self:');
    for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`   ${ms.toFixed(1).padStart(7)} ms  ${k}`);
    console.log('   inclusive:');
    for (const [k, ms] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`   ${ms.toFixed(1).padStart(7)} ms  ${k}`);
  }
}

if (process.env.PROFILE_READ) {
  // A trace kept by an earlier run, analysed again.
  analyse((JSON.parse(readFileSync(process.env.PROFILE_READ, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents);
  process.exit(0);
}
const folder = mkdtempSync(join(tmpdir(), 'profile-restore-'));
const tracePath = process.env.PROFILE_TRACE ?? join(folder, 'trace.json');
const server = await startWebServer();
const browser = await launchBrowser();
try {
  const { page, context } = await freshPage(browser, { acceptDownloads: true });
  const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing'];
  // PROFILE_PHASE=start traces the start over the changed work instead (until search holds it all).
  const start = process.env.PROFILE_PHASE === 'start';
  const prepared = await prepareRestore(page, server.url, join(folder, 'profiled.adbackup'), true, undefined, start ? () => browser.startTracing(page, { path: tracePath, categories }) : undefined);
  console.log(`start after the change: longest task ${prepared.startLongest.duration.toFixed(0)} ms (${prepared.startLongest.attribution})`);
  if (start) await browser.stopTracing();
  else await browser.startTracing(page, { path: tracePath, categories });
  const figures = await restoreAndRefresh(page, prepared);
  if (!start) await browser.stopTracing();
  console.log(`restore ${figures.restoreMs} ms, search refreshed ${figures.refreshMs} ms after; ${figures.longest.count} long tasks, longest ${figures.longest.duration.toFixed(0)} ms (${figures.longest.attribution})`);
  analyse((JSON.parse(readFileSync(tracePath, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents);
  await context.close();
} finally {
  await browser.close();
  await server.stop();
  if (!process.env.PROFILE_TRACE) rmSync(folder, { recursive: true, force: true });
}
