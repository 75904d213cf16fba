#!/usr/bin/env node
// Fetches only Web Chat's self-contained browser bundle. Installing the `botframework-webchat`
// package itself would pull ~400 packages (React, speech SDK, …) that the bot never runs.
// Plain JavaScript because it runs from `postinstall`, before TypeScript is compiled.
'use strict';
const { execFileSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');

const root = path.resolve(__dirname, '..');
const manifest = require('./webChatBundle.json');
const targetDir = path.join(root, 'node_modules', '.cache', 'webchat-bundle', manifest.version);

function alreadyInstalled() {
    return manifest.files.every((file) => fs.existsSync(path.join(targetDir, path.basename(file))));
}

function npmPack(destination) {
    const spec = `${manifest.package}@${manifest.version}`;
    // npm_execpath is set when npm runs this script: use that very npm, whatever the PATH says.
    const npmCli = process.env.npm_execpath;
    const [command, args] = npmCli && npmCli.endsWith('.js') ? [process.execPath, [npmCli]] : [process.platform === 'win32' ? 'npm.cmd' : 'npm', []];
    const output = execFileSync(command, [...args, 'pack', spec, '--json', '--pack-destination', destination, '--prefer-offline'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        shell: process.platform === 'win32',
    });
    return path.join(destination, JSON.parse(output)[0].filename);
}

// A tarball is 512-byte headers each followed by the file's bytes, padded to 512.
function readTarEntries(tar, wanted) {
    const found = new Map();
    for (let offset = 0; offset + 512 <= tar.length;) {
        const header = tar.subarray(offset, offset + 512);
        if (header.every((byte) => byte === 0)) break;
        const field = (start, length) =>
            header
                .subarray(start, start + length)
                .toString('utf8')
                .replace(/\0.*$/s, '');
        const name = [field(345, 155), field(0, 100)].filter(Boolean).join('/');
        const size = parseInt(field(124, 12).trim() || '0', 8);
        const relative = name.replace(/^[^/]+\//, '');
        if (wanted.includes(relative)) found.set(relative, tar.subarray(offset + 512, offset + 512 + size));
        offset += 512 + Math.ceil(size / 512) * 512;
    }
    return found;
}

function install() {
    if (alreadyInstalled()) return;
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'webchat-bundle-'));
    try {
        const tarball = fs.readFileSync(npmPack(workDir));
        const digest = `sha512-${crypto.createHash('sha512').update(tarball).digest('base64')}`;
        if (digest !== manifest.integrity) throw new Error(`integrity mismatch for ${manifest.package}@${manifest.version}: ${digest}`);
        const entries = readTarEntries(zlib.gunzipSync(tarball), manifest.files);
        const missing = manifest.files.filter((file) => !entries.has(file));
        if (missing.length > 0) throw new Error(`not in the package: ${missing.join(', ')}`);
        fs.mkdirSync(targetDir, { recursive: true });
        for (const [file, bytes] of entries) fs.writeFileSync(path.join(targetDir, path.basename(file)), bytes);
        process.stdout.write(`web chat bundle ${manifest.package}@${manifest.version} installed in ${path.relative(root, targetDir)}\n`);
    } finally {
        fs.rmSync(workDir, { recursive: true, force: true });
    }
}

try {
    install();
} catch (error) {
    process.stderr.write(`Could not install the web chat bundle: ${error.message}\n`);
    process.exit(1);
}
