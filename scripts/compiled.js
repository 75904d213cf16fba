#!/usr/bin/env node
// Runs a compiled tool from dist/ without compiling first when dist/ was built from the sources as they are now.
//
//   node scripts/compiled.js --build                 compiles (dist/test emptied first) and records what it compiled
//   node scripts/compiled.js dist/tools/x.js [args…]   runs x.js, compiling first only if a source changed since
//
// "As they are now" is a SHA-256 over every file tsconfig.json compiles, tsconfig.json itself and
// package-lock.json (the types of the dependencies), by content and path: an edit, a new file, a
// deleted file or a `git checkout` all count, a touched-but-unchanged file does not. A failed compile
// records nothing, so the next run compiles again rather than running what is left in dist/.
'use strict';
const { spawn, spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const STAMP = path.join(root, 'dist', '.sources.sha256');

/** The files tsconfig.json's `include` names (`dir/**\/*.ts` walks the folder, a plain name is one file). */
function sources() {
    const { include = [] } = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8'));
    const files = ['tsconfig.json', 'package-lock.json'];
    const walk = (dir) => {
        for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
            const relative = path.posix.join(dir, entry.name);
            if (entry.isDirectory()) walk(relative);
            else if (entry.name.endsWith('.ts')) files.push(relative);
        }
    };
    for (const pattern of include) {
        const folder = /^([^*]+)\/\*\*\/\*\.ts$/.exec(pattern);
        if (folder) {
            if (fs.existsSync(path.join(root, folder[1]))) walk(folder[1]);
        } else if (fs.existsSync(path.join(root, pattern))) files.push(pattern);
    }
    return [...new Set(files)].sort();
}

function fingerprint() {
    const hash = crypto.createHash('sha256');
    for (const file of sources())
        hash.update(`${file}\0`)
            .update(fs.readFileSync(path.join(root, file)))
            .update('\0');
    return hash.digest('hex');
}

function build() {
    const before = fingerprint();
    // A compiled test whose source moved or was deleted must not run again.
    fs.rmSync(path.join(root, 'dist', 'test'), { recursive: true, force: true });
    fs.rmSync(STAMP, { force: true });
    const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.json')], { stdio: 'inherit' });
    if (tsc.status !== 0) return tsc.status || 1;
    // The typed-question classifier, trained once here instead of at every start (understanding/classifierFile.ts).
    const writeClassifier = path.join(root, 'dist', 'tools', 'writeGuideClassifier.js');
    if (fs.existsSync(writeClassifier)) {
        const written = spawnSync(process.execPath, [writeClassifier], { stdio: 'inherit' });
        if (written.status !== 0) return written.status || 1;
    }
    // Sources edited while tsc ran: leave no record, the next run compiles again.
    if (fingerprint() === before) fs.writeFileSync(STAMP, `${before}\n`);
    return 0;
}

function current(target) {
    try {
        return fs.existsSync(target) && fs.readFileSync(STAMP, 'utf8').trim() === fingerprint();
    } catch {
        return false;
    }
}

function run(target, args) {
    const child = spawn(process.execPath, [target, ...args], { stdio: 'inherit' });
    // Ctrl+C reaches the child through the terminal's process group; this one only waits for it.
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
    child.on('exit', (code, signal) => {
        process.exitCode = signal ? 128 + os.constants.signals[signal] : code;
    });
}

const [first, ...rest] = process.argv.slice(2);
if (first === '--build') {
    process.exitCode = build();
} else if (!first) {
    console.error('usage: node scripts/compiled.js --build | dist/<tool>.js [args…]');
    process.exitCode = 2;
} else {
    const target = path.resolve(root, first);
    if (!current(target)) {
        console.error('dist/ is older than the sources: compiling TypeScript first…');
        const code = build();
        if (code !== 0) process.exitCode = code;
    }
    if (!process.exitCode) run(target, rest);
}
