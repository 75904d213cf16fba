import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fromRoot } from '../../core/projectPaths';

/**
 * scripts/compiled.js, which every `npm run <tool>` goes through, on a two-file project of its own
 * (the real one takes half a minute to compile): it compiles only when a source changed, and never
 * runs what a failed compile left in dist/.
 */
describe('npm run <tool>: compile only when a source changed (scripts/compiled.js)', function () {
    this.timeout(120_000);
    let project: string;

    const write = (file: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
        fs.writeFileSync(path.join(project, file), text);
    };
    const tool = (args: string[] = []) => {
        const result = spawnSync(process.execPath, ['scripts/compiled.js', 'dist/src/tool.js', ...args], { cwd: project, encoding: 'utf8' });
        return { stdout: result.stdout.trim(), compiled: /compiling/.test(result.stderr), status: result.status, stderr: result.stderr };
    };

    beforeEach(() => {
        project = fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-compiled-'));
        write('scripts/compiled.js', fs.readFileSync(fromRoot('scripts', 'compiled.js'), 'utf8'));
        fs.symlinkSync(fromRoot('node_modules'), path.join(project, 'node_modules'), 'dir');
        write('tsconfig.json', JSON.stringify({ compilerOptions: { outDir: 'dist', rootDir: '.', module: 'commonjs', target: 'ES2022', strict: true, types: [] }, include: ['src/**/*.ts'] }));
        write('package-lock.json', '{}');
        write('src/tool.ts', 'declare const process: { argv: string[]; exitCode?: number };\nconsole.log(`one ${process.argv.slice(2).join(",")}`);\n');
    });

    afterEach(() => {
        fs.rmSync(project, { recursive: true, force: true });
    });

    it('compiles the first time, then runs the compiled tool straight away, with its arguments', () => {
        const first = tool(['a', 'b']);
        assert.deepStrictEqual([first.stdout, first.compiled, first.status], ['one a,b', true, 0], first.stderr);
        const compiledAt = fs.statSync(path.join(project, 'dist', 'src', 'tool.js')).mtimeMs;
        const second = tool(['c']);
        assert.deepStrictEqual([second.stdout, second.compiled, second.status], ['one c', false, 0], second.stderr);
        assert.strictEqual(fs.statSync(path.join(project, 'dist', 'src', 'tool.js')).mtimeMs, compiledAt, 'dist/ was left alone');
    });

    it('compiles again after an edit, a new file or a deleted one, and not after a touch', () => {
        tool();
        write('src/tool.ts', 'console.log("two");\n');
        const edited = tool();
        assert.deepStrictEqual([edited.stdout, edited.compiled], ['two', true]);
        write('src/extra.ts', 'export const extra = 1;\n');
        assert.strictEqual(tool().compiled, true, 'a new source file');
        const now = new Date();
        fs.utimesSync(path.join(project, 'src', 'tool.ts'), now, now);
        assert.strictEqual(tool().compiled, false, 'the same content, a newer time');
        fs.rmSync(path.join(project, 'src', 'extra.ts'));
        assert.strictEqual(tool().compiled, true, 'a deleted source file');
    });

    it('after a failed compile it runs nothing, exits non-zero, and compiles again next time', () => {
        tool();
        write('src/tool.ts', 'const broken: number = "text";\nconsole.log("three");\n');
        const failed = tool();
        assert.notStrictEqual(failed.status, 0);
        assert.strictEqual(failed.stdout.includes('one'), false, 'the old dist/ did not run');
        assert.match(failed.stdout + failed.stderr, /TS2322/);
        write('src/tool.ts', 'console.log("fixed");\n');
        const fixed = tool();
        assert.deepStrictEqual([fixed.stdout, fixed.compiled, fixed.status], ['fixed', true, 0]);
    });

    it("exits with the tool's exit code", () => {
        write('src/tool.ts', 'declare const process: { exitCode?: number };\nprocess.exitCode = 3;\n');
        assert.strictEqual(tool().status, 3);
    });
});
