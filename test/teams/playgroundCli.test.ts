import * as assert from 'assert';
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { playgroundCli } from '../../tools/playground';
import { fromRoot } from '../../core/projectPaths';
import { BotProcess, freePort } from '../support/botProcess';

/** `npm run playground` next to a running `npm start`: its bot takes a port of its own, whatever PORT says. */
describe('npm run playground while npm start runs', function () {
    this.timeout(90_000);
    let scratch: string;
    let bot: BotProcess | undefined;
    let cli: ChildProcess | undefined;

    before(function () {
        if (!playgroundCli()) {
            console.warn('    skipped: @microsoft/m365agentsplayground is not installed (npm install)');
            this.skip();
        }
    });

    beforeEach(() => {
        scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-playground-cli-'));
    });

    afterEach(async () => {
        if (cli && cli.exitCode === null && cli.signalCode === null) {
            const exited = new Promise((resolve) => cli!.once('exit', resolve));
            cli.kill('SIGTERM');
            await exited;
        }
        await bot?.kill('SIGTERM');
        fs.rmSync(scratch, { recursive: true, force: true });
    });

    it('starts beside it on another port, both answer, and Ctrl+C stops the Playground and its bot', async () => {
        const port = await freePort();
        bot = new BotProcess(port, { DATA_DIR: path.join(scratch, 'bot') });
        await bot.start();

        // The same PORT as the running bot, as a shared .env or shell would give it.
        cli = spawn(process.execPath, [fromRoot('dist', 'tools', 'playgroundCli.js')], {
            cwd: fromRoot(),
            env: { ...process.env, PORT: String(port), PLAYGROUND_PORT: '0', PLAYGROUND_DATA_DIR: path.join(scratch, 'playground'), LOG_LEVEL: 'error' },
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        const addresses = await new Promise<{ playground: string; bot: string }>((resolve, reject) => {
            const read = (chunk: Buffer) => {
                output += chunk.toString();
                const playground = /Microsoft 365 Agents Playground: (http:\/\/\S+)/.exec(output);
                const ownBot = /the bot: (http:\/\/\S+)\/api\/messages/.exec(output);
                if (playground && ownBot) resolve({ playground: playground[1], bot: ownBot[1] });
            };
            cli!.stdout!.on('data', read);
            cli!.stderr!.on('data', read);
            cli!.once('exit', (code) => reject(new Error(`npm run playground exited (${code}):\n${output}`)));
        });

        assert.notStrictEqual(new URL(addresses.bot).port, String(port), 'not the port npm start holds');
        assert.strictEqual((await fetch(`${addresses.bot}/healthz`)).status, 200, "the Playground's bot answers");
        assert.strictEqual((await fetch(addresses.playground)).status, 200, 'the Playground answers');
        assert.strictEqual((await fetch(`${bot.baseUrl}/healthz`)).status, 200, "npm start's bot still answers");
        assert.match(output, /listens on every network interface/, 'the Playground says it is not loopback only');

        const exited = new Promise<number | null>((resolve) => cli!.once('exit', resolve));
        cli.kill('SIGINT');
        assert.strictEqual(await exited, 0);
        await assert.rejects(fetch(`${addresses.bot}/healthz`), 'its bot stopped with it');
    });
});
