/**
 * Preloaded (`node -r dist/bench/probe.js`) into the bots the bench starts: over the IPC channel it
 * answers with the process's own CPU time and memory, after a full garbage collection when asked.
 * It changes nothing else, and does not keep the process alive.
 */
import * as fs from 'fs';
import { Session } from 'inspector';
import { writeHeapSnapshot } from 'v8';

interface ProbeRequest {
    probe: 'usage' | 'gc' | 'profileStart' | 'profileStop' | 'snapshot';
    /** profileStop, snapshot: where the .cpuprofile or .heapsnapshot goes. */
    file?: string;
}

export interface ProbeReply {
    cpuMicros: number;
    rss: number;
    maxRss: number;
    heapUsed: number;
    collected: boolean;
}

function reply(request: ProbeRequest): ProbeReply {
    const collect = (globalThis as { gc?: () => void }).gc;
    const collected = request.probe === 'gc' && typeof collect === 'function';
    if (collected) {
        collect();
        collect();
    }
    const cpu = process.cpuUsage();
    const memory = process.memoryUsage();
    return { cpuMicros: cpu.user + cpu.system, rss: memory.rss, maxRss: process.resourceUsage().maxRSS * 1024, heapUsed: memory.heapUsed, collected };
}

let session: Session | undefined;

/** The CPU profile of a window the bench chooses (the load only, not start-up or the other bot's turn). */
function profile(request: ProbeRequest, done: () => void): void {
    if (request.probe === 'profileStart') {
        session = new Session();
        session.connect();
        session.post('Profiler.enable', () => session?.post('Profiler.setSamplingInterval', { interval: 500 }, () => session?.post('Profiler.start', done)));
        return;
    }
    const running = session;
    if (!running) return done();
    running.post('Profiler.stop', (error, result) => {
        if (!error && request.file) fs.writeFileSync(request.file, JSON.stringify(result.profile));
        running.disconnect();
        session = undefined;
        done();
    });
}

if (typeof process.send === 'function') {
    process.on('message', (message: ProbeRequest) => {
        if (!message) return;
        if (message.probe === 'usage' || message.probe === 'gc') process.send?.(reply(message));
        if (message.probe === 'snapshot' && message.file) {
            const usage = reply({ probe: 'gc' });
            writeHeapSnapshot(message.file);
            process.send?.(usage);
        }
        if (message.probe === 'profileStart' || message.probe === 'profileStop') profile(message, () => process.send?.(reply({ probe: 'usage' })));
    });
    process.channel?.unref();
}
