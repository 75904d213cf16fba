import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from 'util';
import { BenchChild, freePort } from './child';
import { BenchConnector } from './benchConnector';
import { activityFor, gist, newConversation, percentile, post, runLoad, type LoadResult, type Target } from './driver';
import { summarizeProfile } from './profileSummary';
import { SHORT_WALK, WALK } from './script';
import { createTranslator } from '../core/i18n';

/*
 * `npm run bench`: the bot (`node dist/index.js`, SQLite store in a temporary DATA_DIR, defaults,
 * local mode) against a bare botbuilder echo bot, same machine, same load, same run.
 *   --users N        concurrent users, each walking the guided flow in new conversations (20)
 *   --duration S     seconds of load per bot and round (6); --rounds R (2); --warmup S (3)
 *   --profile        CPU profile of the bot's last round (inspector, through the probe); hottest functions printed;
 *                    with --floors the waterfall floor's last round too, and CPU a turn by package side by side
 *   --profile-startup   the bot runs with --cpu-prof from spawn to its first answer; hottest functions printed
 *   --memory         RSS and heap used after forced GC, after 100 and after 10,000 conversations
 *   --conversations N   the last point of --memory (10000)
 *   --floors         also the framework's floors between the echo and the bot (bench/floorBot.ts):
 *                    echo + state, and a bare waterfall bot; turns/s and CPU per turn of each, and
 *                    the bot ÷ the waterfall floor round by round
 *   --snapshots      with --memory: a heap snapshot at the first and the last point, to compare in DevTools
 *                    (writing one inflates RSS: read only the heap figures then)
 */

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const PROBE = path.join(DIST, 'bench', 'probe.js');
const MB = 1024 * 1024;

const { values: args } = parseArgs({
    options: {
        users: { type: 'string', default: '20' },
        duration: { type: 'string', default: '6' },
        rounds: { type: 'string', default: '2' },
        warmup: { type: 'string', default: '3' },
        profile: { type: 'boolean', default: false },
        memory: { type: 'boolean', default: false },
        'profile-startup': { type: 'boolean', default: false },
        snapshots: { type: 'boolean', default: false },
        conversations: { type: 'string', default: '10000' },
        floors: { type: 'boolean', default: false },
    },
});
const users = Number(args.users);
const durationMs = Number(args.duration) * 1000;
const rounds = Number(args.rounds);
const warmupMs = Number(args.warmup) * 1000;

interface Measured {
    name: string;
    startupMs: number;
    turns: number;
    errors: number;
    elapsedMs: number;
    latencies: number[];
    cpuMicros: number;
    peakRss: number;
    firstError?: string;
    /** Each round's own turns/s and p99, to compare bots round by round (--floors). */
    perRound: { turnsPerSecond: number; p99: number; turns: number }[];
}

/** Polls with the first turn (expectReplies) until it is answered: spawn to first answer. */
async function firstAnsweredTurn(child: BenchChild, serviceUrl: string): Promise<number> {
    const target: Target = { baseUrl: child.baseUrl, serviceUrl };
    const who = newConversation('startup');
    const deadline = performance.now() + 30_000;
    while (performance.now() < deadline) {
        try {
            const { status, replies } = await post(target, activityFor({ say: 'merhaba' }, target, who, true));
            if (status === 200 && replies.length > 0) return performance.now() - child.spawnedAt;
        } catch {
            // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`${child.name} did not answer within 30 s:\n${child.errors}`);
}

/** One walk with the replies in the body, to show the load does what it says (the ticket is made and read). */
async function checkWalk(target: Target): Promise<string[]> {
    const who = newConversation('check');
    const problems: string[] = [];
    const expectations: [number, RegExp][] = [
        [1, /Adım 1 \/ \d+/],
        [7, /SMS/i],
        [16, /#\d+/],
        [17, /Talep #\d+/],
    ];
    const notUnderstood = createTranslator().t('tr', 'flow.chooseAnOption');
    const seen: string[] = [];
    for (const step of WALK) {
        const { status, replies } = await post(target, activityFor(step, target, who, true));
        seen.push(status === 200 ? replies.map(gist).join(' | ') : `HTTP ${status}`);
    }
    seen.forEach((text, index) => {
        if (text.includes(notUnderstood)) problems.push(`turn ${index + 1} (${JSON.stringify(WALK[index])}) was not understood: the flow no longer offers it there`);
    });
    for (const [index, pattern] of expectations) {
        if (!pattern.test(seen[index] ?? '')) problems.push(`turn ${index + 1} (${JSON.stringify(WALK[index])}) did not show ${pattern}: ${(seen[index] ?? '').replace(/\s+/g, ' ').slice(0, 600)}`);
    }
    return problems;
}

function startBot(port: number, dataDir: string, nodeArgs: string[]): BenchChild {
    return new BenchChild('bot', path.join(DIST, 'index.js'), port, { DATA_DIR: dataDir }, nodeArgs, PROBE, ROOT);
}

function startEcho(port: number): BenchChild {
    return new BenchChild('echo', path.join(DIST, 'bench', 'echoBot.js'), port, {}, [], PROBE, ROOT);
}

function startFloor(floor: 'state' | 'waterfall', port: number, dataDir: string): BenchChild {
    return new BenchChild(`floor:${floor}`, path.join(DIST, 'bench', 'floorBot.js'), port, { FLOOR: floor, DATA_DIR: dataDir }, [], PROBE, ROOT);
}

const ms = (value: number) => value.toFixed(1);
const turnsPerSecond = (m: Measured) => m.turns / (m.elapsedMs / 1000);
const cpuPerTurn = (m: Measured) => m.cpuMicros / 1000 / Math.max(1, m.turns);

function table(bot: Measured, echo: Measured): string {
    const rows: [string, (m: Measured) => number, (v: number) => string, 'higher' | 'lower'][] = [
        ['turns/s', turnsPerSecond, (v) => v.toFixed(0), 'higher'],
        ['p50 latency (ms)', (m) => percentile(sorted(m), 50), ms, 'lower'],
        ['p95 latency (ms)', (m) => percentile(sorted(m), 95), ms, 'lower'],
        ['p99 latency (ms)', (m) => percentile(sorted(m), 99), ms, 'lower'],
        ['CPU per turn (ms)', cpuPerTurn, (v) => v.toFixed(2), 'lower'],
        ['peak RSS (MB)', (m) => m.peakRss / MB, (v) => v.toFixed(0), 'lower'],
        ['start-up to first answer (ms)', (m) => m.startupMs, (v) => v.toFixed(0), 'lower'],
    ];
    const lines = [`${'metric'.padEnd(32)}${'bot'.padStart(10)}${'echo'.padStart(10)}${'bot/echo'.padStart(10)}`];
    for (const [label, value, format] of rows) {
        const b = value(bot);
        const e = value(echo);
        lines.push(`${label.padEnd(32)}${format(b).padStart(10)}${format(e).padStart(10)}${(b / e).toFixed(2).padStart(9)}×`);
    }
    lines.push(`${'turns (errors)'.padEnd(32)}${`${bot.turns} (${bot.errors})`.padStart(10)}${`${echo.turns} (${echo.errors})`.padStart(10)}`);
    return lines.join('\n');
}

/** --floors: every bot of the run against the echo floor, cheapest first. */
function floorTable(all: Measured[], echo: Measured): string {
    const lines = [`${'bot'.padEnd(20)}${'turns/s'.padStart(10)}${'× echo'.padStart(9)}${'CPU/turn ms'.padStart(13)}${'p99 ms'.padStart(9)}`];
    for (const m of [...all].sort((a, b) => cpuPerTurn(a) - cpuPerTurn(b))) {
        lines.push(
            `${m.name.padEnd(20)}${turnsPerSecond(m).toFixed(0).padStart(10)}${`${(turnsPerSecond(m) / turnsPerSecond(echo)).toFixed(2)}×`.padStart(9)}${cpuPerTurn(m).toFixed(2).padStart(13)}${percentile(sorted(m), 99).toFixed(1).padStart(9)}`,
        );
    }
    return lines.join('\n');
}

const median = (values: number[]) => {
    const ordered = [...values].sort((a, b) => a - b);
    const middle = Math.floor(ordered.length / 2);
    return ordered.length % 2 ? ordered[middle] : (ordered[middle - 1] + ordered[middle]) / 2;
};

/**
 * The bot against the waterfall floor within each round (both measured within seconds of each
 * other), and the median of those ratios: on a machine whose speed drifts between runs (a shared
 * virtual machine) this moves far less than the ratio of whole-run totals. `--rounds 5` or more.
 */
function roundByRound(bot: Measured, floor: Measured): string {
    const throughput = bot.perRound.map((round, index) => round.turnsPerSecond / floor.perRound[index].turnsPerSecond);
    const p99 = bot.perRound.map((round, index) => round.p99 / floor.perRound[index].p99);
    const list = (ratios: number[]) => `${ratios.map((ratio) => `${ratio.toFixed(2)}×`).join(' ')} (median ${median(ratios).toFixed(2)}×)`;
    return [`${bot.name} ÷ ${floor.name}, round by round`, `  turns/s  ${list(throughput)}`, `  p99      ${list(p99)}`].join('\n');
}

const sortedCache = new WeakMap<Measured, number[]>();
function sorted(m: Measured): number[] {
    let value = sortedCache.get(m);
    if (!value) sortedCache.set(m, (value = [...m.latencies].sort((a, b) => a - b)));
    return value;
}

async function measure(child: BenchChild, target: Target, into: Measured, tag: string, profileFile?: string): Promise<void> {
    const before = await child.probe(profileFile ? 'profileStart' : 'usage');
    const result: LoadResult = await runLoad(target, WALK, { users, durationMs, tag });
    const after = await child.probe(profileFile ? 'profileStop' : 'usage', profileFile);
    into.turns += result.turns;
    into.errors += result.errors;
    into.elapsedMs += result.elapsedMs;
    into.latencies.push(...result.latencies);
    into.cpuMicros += after.cpuMicros - before.cpuMicros;
    into.peakRss = Math.max(into.peakRss, after.maxRss);
    into.firstError ??= result.firstError;
    const roundTurnsPerSecond = result.turns / (result.elapsedMs / 1000);
    const roundP99 = percentile(
        [...result.latencies].sort((a, b) => a - b),
        99,
    );
    into.perRound.push({ turnsPerSecond: roundTurnsPerSecond, p99: roundP99, turns: result.turns });
    console.log(
        `  ${tag}: ${result.turns} turns in ${(result.elapsedMs / 1000).toFixed(1)} s, ${roundTurnsPerSecond.toFixed(0)} turns/s, p99 ${ms(roundP99)} ms${
            result.errors ? `, ${result.errors} errors (${result.firstError})` : ''
        }`,
    );
}

async function throughput(connectorUrl: string, dataDir: string): Promise<void> {
    let lastRoundTurns: { bot: number; floor: number } | undefined;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const profileFile = path.join(DIST, 'bench-profiles', `bot-${stamp}.cpuprofile`);
    const floorProfileFile = path.join(DIST, 'bench-profiles', `floor-waterfall-${stamp}.cpuprofile`);
    const botPort = await freePort();
    const echoPort = await freePort();
    const floorPorts = args.floors ? [await freePort(), await freePort()] : [];
    const children: BenchChild[] = [];
    const results = new Map<BenchChild, Measured>();
    if (args.profile) fs.mkdirSync(path.dirname(profileFile), { recursive: true });
    try {
        // One at a time, so neither start-up competes with the other for the CPU.
        const floors = args.floors ? [() => startFloor('state', floorPorts[0], dataDir), () => startFloor('waterfall', floorPorts[1], dataDir)] : [];
        for (const start of [() => startBot(botPort, path.join(dataDir, 'data'), []), () => startEcho(echoPort), ...floors]) {
            const child = start();
            children.push(child);
            const startupMs = await firstAnsweredTurn(child, connectorUrl);
            results.set(child, { name: child.name, startupMs, turns: 0, errors: 0, elapsedMs: 0, latencies: [], cpuMicros: 0, peakRss: 0, perRound: [] });
        }
        const [bot, echo] = children;
        const waterfall = args.floors ? children[children.length - 1] : undefined;
        const target = (child: BenchChild): Target => ({ baseUrl: child.baseUrl, serviceUrl: connectorUrl });
        const problems = await checkWalk(target(bot));
        // Figures of a walk that no longer goes where it says would measure something else.
        if (problems.length > 0) throw new Error(`the walk does not go as scripted (bench/script.ts):\n${problems.join('\n')}`);
        console.log(
            `${users} users, ${WALK.length} turns a walk, ${rounds} × ${durationMs / 1000} s per bot after ${warmupMs / 1000} s warm-up; Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'})`,
        );
        for (const child of children) await runLoad(target(child), WALK, { users, durationMs: warmupMs, tag: 'warmup' });
        for (let round = 1; round <= rounds; round++) {
            // Alternate the order, so neither always runs on a warmer (or hotter) machine.
            const order = round % 2 === 1 ? children : [...children].reverse();
            // The profile (--profile) covers the last round only: load, no start-up; the bot's, and with --floors the waterfall floor's.
            const profileOf = (child: BenchChild) => (child === bot ? profileFile : child === waterfall ? floorProfileFile : undefined);
            for (const child of order) await measure(child, target(child), results.get(child)!, `round ${round} ${child.name}`, args.profile && round === rounds ? profileOf(child) : undefined);
        }
        console.log('');
        console.log(table(results.get(bot)!, results.get(echo)!));
        if (args.floors) {
            console.log(
                `\n${floorTable(
                    children.map((child) => results.get(child)!),
                    results.get(echo)!,
                )}`,
            );
            console.log(`\n${roundByRound(results.get(bot)!, results.get(waterfall!)!)}`);
        }
        if (args.profile && waterfall) lastRoundTurns = { bot: results.get(bot)!.perRound.at(-1)!.turns, floor: results.get(waterfall)!.perRound.at(-1)!.turns };
    } finally {
        for (const child of children) await child.stop();
    }
    if (args.profile) {
        const saved = profileFile;
        printProfile(saved);
        if (lastRoundTurns) printPackagesSideBySide(saved, lastRoundTurns.bot, floorProfileFile, lastRoundTurns.floor);
        console.log(`\nprofile of the bot's last round: ${path.relative(ROOT, saved)} (open in Chrome DevTools › Performance)`);
    }
}

/**
 * CPU a turn by package in the bot's and the waterfall floor's last rounds: what the bot's turn
 * costs beyond the floor's, and where (its own code, or the SDK, Node and the GC working for it).
 */
function printPackagesSideBySide(botFile: string, botTurns: number, floorFile: string, floorTurns: number): void {
    const perTurn = (file: string, turns: number) => new Map([...summarizeProfile(file, ROOT).packageMicros].map(([name, micros]) => [name, micros / 1000 / Math.max(1, turns)]));
    const bot = perTurn(botFile, botTurns);
    const floor = perTurn(floorFile, floorTurns);
    const total = (map: Map<string, number>) => [...map.values()].reduce((sum, value) => sum + value, 0);
    const rows = [...new Set([...bot.keys(), ...floor.keys()])]
        .map((name) => ({ name, bot: bot.get(name) ?? 0, floor: floor.get(name) ?? 0 }))
        .sort((a, b) => b.bot - b.floor - (a.bot - a.floor))
        .slice(0, 20);
    console.log(`\nCPU a turn by package (ms, profiler on), the bot against the waterfall floor, last round`);
    console.log(`${'all'.padEnd(42)}${total(bot).toFixed(3).padStart(8)}${total(floor).toFixed(3).padStart(8)}`);
    for (const row of rows) console.log(`${row.name.slice(0, 41).padEnd(42)}${row.bot.toFixed(3).padStart(8)}${row.floor.toFixed(3).padStart(8)}`);
}

function printProfile(file: string): void {
    const summary = summarizeProfile(file, ROOT);
    const show = (title: string, list: { name: string; share: number }[]) => {
        console.log(`\n${title}`);
        for (const { name, share } of list) console.log(`${(share * 100).toFixed(1).padStart(6)} %  ${name}`);
    };
    show('self time by package or folder', summary.packages.slice(0, 15));
    show('self time by function', summary.functions);
    show('inclusive time of our functions', summary.oursInclusive);
}

/** Where start-up goes: `--cpu-prof` from spawn to the first answered turn. */
async function startupProfile(connectorUrl: string, dataDir: string): Promise<void> {
    const dir = path.join(DIST, 'bench-profiles');
    const before = new Set(fs.existsSync(dir) ? fs.readdirSync(dir) : []);
    const bot = startBot(await freePort(), path.join(dataDir, 'data'), ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=200']);
    try {
        console.log(`start-up to first answer: ${(await firstAnsweredTurn(bot, connectorUrl)).toFixed(0)} ms (with the profiler on)`);
    } finally {
        await bot.stop();
    }
    const file = fs.readdirSync(dir).find((name) => name.endsWith('.cpuprofile') && !before.has(name));
    if (!file) throw new Error('no CPU profile was written');
    printProfile(path.join(dir, file));
    console.log(`\nstart-up profile: ${path.relative(ROOT, path.join(dir, file))}`);
}

async function memory(connectorUrl: string, dataDir: string): Promise<void> {
    const bot = startBot(await freePort(), path.join(dataDir, 'data'), ['--max-old-space-size=96', '--expose-gc']);
    const total = Number(args.conversations);
    const checkpoints = [100, 1000, 2500, 5000, total].filter((n, index, all) => n <= total && all.indexOf(n) === index);
    try {
        const startupMs = await firstAnsweredTurn(bot, connectorUrl);
        console.log(`bot started with --max-old-space-size=96 --expose-gc, first answer after ${startupMs.toFixed(0)} ms; ${users} users at once, each conversation: open + one click`);
        const target: Target = { baseUrl: bot.baseUrl, serviceUrl: connectorUrl };
        let done = 0;
        let errors = 0;
        const points: { conversations: number; rss: number; heapUsed: number; maxRss: number }[] = [];
        for (const checkpoint of checkpoints) {
            const result = await runLoad(target, SHORT_WALK, { users, maxConversations: checkpoint - done, tag: 'memory' });
            done += result.conversations;
            errors += result.errors;
            const snapshot = args.snapshots && (checkpoint === checkpoints[0] || checkpoint === total) ? path.join(DIST, 'bench-profiles', `bot-${checkpoint}-conversations.heapsnapshot`) : undefined;
            if (snapshot) fs.mkdirSync(path.dirname(snapshot), { recursive: true });
            const usage = await bot.probe(snapshot ? 'snapshot' : 'gc', snapshot);
            points.push({ conversations: done, rss: usage.rss, heapUsed: usage.heapUsed, maxRss: usage.maxRss });
            console.log(
                `  after ${String(done).padStart(6)} conversations: RSS ${(usage.rss / MB).toFixed(1)} MB, heap used after GC ${(usage.heapUsed / MB).toFixed(1)} MB, peak RSS ${(usage.maxRss / MB).toFixed(1)} MB${errors ? `, ${errors} errors (${result.firstError ?? ''})` : ''}`,
            );
        }
        const first = points[0];
        const last = points[points.length - 1];
        const growth = (last.rss - first.rss) / MB;
        const heapGrowth = (last.heapUsed - first.heapUsed) / MB;
        console.log(`\nRSS ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB from ${first.conversations} to ${last.conversations} conversations (limit 50 MB): ${Math.abs(growth) <= 50 ? 'within' : 'OVER'}`);
        console.log(
            `heap used after GC ${heapGrowth >= 0 ? '+' : ''}${heapGrowth.toFixed(1)} MB (${((heapGrowth * MB) / Math.max(1, last.conversations - first.conversations)).toFixed(0)} bytes a conversation)`,
        );
    } finally {
        await bot.stop();
    }
}

async function main(): Promise<void> {
    if (!fs.existsSync(path.join(DIST, 'index.js')) || !fs.existsSync(PROBE)) throw new Error('run `npm run build` first');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-bench-'));
    const connector = new BenchConnector();
    const connectorUrl = await connector.start();
    try {
        if (args['profile-startup']) await startupProfile(connectorUrl, dataDir);
        else if (args.memory) await memory(connectorUrl, dataDir);
        else await throughput(connectorUrl, dataDir);
        console.log(`replies received by the fake Bot Connector: ${connector.replies} over ${connector.connections} connections`);
    } finally {
        await connector.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
    }
}

main().catch((error: Error) => {
    console.error(error.stack ?? error.message);
    process.exitCode = 1;
});
