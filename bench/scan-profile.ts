// CPU profile of the first scan in bench/scan.bench.ts: self time per
// source file and per function of the page bundle, to see where the content
// script's main-thread time goes. Run with `npx tsx bench/scan-profile.ts`;
// it prints two Markdown tables. The bundle is built unminified here, so
// function names stay readable and esbuild's "// path" comments tell which
// source file each bundle line came from.

import type { CDPSession } from 'playwright-core';
import { z } from 'zod';

import {
  LIST,
  resultsFor,
  discoverRawNumbers,
  openListPage,
  startBenchSession,
  type HarnessWindow,
} from './scan-setup.ts';

/** Sampling interval of the V8 profiler, in microseconds. */
const SAMPLING_US = 100;
const TOP = 25;

const profileSchema = z.object({
  profile: z.object({
    nodes: z.array(
      z.object({
        id: z.number(),
        callFrame: z.object({
          functionName: z.string(),
          url: z.string(),
          lineNumber: z.number(),
        }),
        children: z.array(z.number()).optional(),
      }),
    ),
    samples: z.array(z.number()),
    timeDeltas: z.array(z.number()),
  }),
});

/** Source file of each line of an unminified esbuild bundle, from the "// lib/…/file.ts" comments. */
function sourceFiles(bundleText: string): string[] {
  let current = 'bundle';
  return bundleText.split('\n').map((line) => {
    const match = /^\s*\/\/ ((?:lib|bench|node_modules|public)\/\S+)$/.exec(line);
    if (match?.[1]) current = match[1].replace(/^node_modules\/([^/]+).*/, '$1');
    return current;
  });
}

async function profileScan(session: CDPSession, files: string[], run: () => Promise<unknown>) {
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
  await session.send('Profiler.start');
  await run();
  const { profile } = profileSchema.parse(await session.send('Profiler.stop'));

  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parents.set(child, node.id);
  }
  const keyOf = (frame: z.infer<typeof profileSchema>['profile']['nodes'][number]['callFrame']) => {
    const file = frame.url.endsWith('/scan-page.js')
      ? (files[frame.lineNumber] ?? 'bundle')
      : frame.url
        ? frame.url
        : 'browser (native)';
    return {
      file,
      key: `${frame.functionName || '(anonymous)'} | ${file}:${frame.lineNumber + 1}`,
    };
  };

  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  /** Time with the function anywhere on the stack, counted once per sample. */
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = frames.get(id);
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    if (!frame || frame.functionName === '(idle)' || frame.functionName === '(program)') return;
    const { file, key } = keyOf(frame);
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);

    const onStack = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parents.get(node)) {
      const callFrame = frames.get(node);
      if (callFrame && callFrame.functionName !== '(root)') onStack.add(keyOf(callFrame).key);
    }
    for (const name of onStack) inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
  });
  return { byFunction, byFile, inclusive };
}

async function main(): Promise<void> {
  const session = await startBenchSession({ minify: false });
  try {
    const raws = await discoverRawNumbers(session.browser, session.url, session.rowsHtml);
    const results = resultsFor(raws);
    const page = await openListPage(session.browser, session.url);
    await page.evaluate(
      ([results, list]) => (globalThis as HarnessWindow).scanHarness.setResults(results, list),
      [results, LIST] as const,
    );

    const cdp = await page.context().newCDPSession(page);
    const { byFunction, byFile, inclusive } = await profileScan(
      cdp,
      sourceFiles(session.pageScript),
      () => page.evaluate(() => (globalThis as HarnessWindow).scanHarness.scan()),
    );
    await cdp.detach();

    const total = [...byFunction.values()].reduce((sum, ms) => sum + ms, 0);
    const sorted = (map: Map<string, number>) =>
      [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP);
    const functionTable = (map: Map<string, number>, column: string) => [
      `| Function | Source file:bundle line | ${column} |`,
      '|---|---|---:|',
      ...sorted(map).map(([key, ms]) => {
        const [name, where] = key.split(' | ');
        return `| ${name} | ${where} | ${ms.toFixed(1)} |`;
      }),
      '',
    ];
    const lines = [
      `Self time during the first scan, ${total.toFixed(0)} ms sampled every ${SAMPLING_US} µs (idle excluded); "browser (native)" is DOM, style and garbage collection work.`,
      '',
      '| Source file | Self ms |',
      '|---|---:|',
      ...sorted(byFile).map(([file, ms]) => `| ${file} | ${ms.toFixed(1)} |`),
      '',
      ...functionTable(byFunction, 'Self ms'),
      'Time with the function anywhere on the stack (callees included):',
      '',
      ...functionTable(inclusive, 'Total ms'),
    ];
    process.stdout.write(lines.join('\n'));
  } finally {
    await session.close();
  }
}

await main();
