import * as assert from 'assert';
import { createRequire } from 'module';
import type { TurnContext } from 'botbuilder';
import { AZURE_MONITOR_PACKAGE, startTelemetry } from '../../app/telemetry';
import { createLogger } from '../../core/logger';

interface RecordedSpan {
    name: string;
    attributes: Record<string, unknown>;
    status?: number;
    exceptions: { name: string; message: string }[];
    ended: boolean;
}

/** Stand-ins for @azure/monitor-opentelemetry and @opentelemetry/api: what would leave the process. */
function fakeOpenTelemetry() {
    const spans: RecordedSpan[] = [];
    const options: Record<string, unknown>[] = [];
    const loaded: string[] = [];
    const modules: Record<string, unknown> = {
        [AZURE_MONITOR_PACKAGE]: { useAzureMonitor: (given: Record<string, unknown>) => options.push(given), shutdownAzureMonitor: () => Promise.resolve() },
        '@opentelemetry/api': {
            SpanStatusCode: { ERROR: 2 },
            trace: {
                getTracer: () => ({
                    startActiveSpan: <T>(name: string, run: (span: unknown) => T): T => {
                        const span: RecordedSpan = { name, attributes: {}, exceptions: [], ended: false };
                        spans.push(span);
                        return run({
                            setAttribute: (key: string, value: unknown) => (span.attributes[key] = value),
                            setStatus: (status: { code: number }) => (span.status = status.code),
                            recordException: (exception: { name: string; message: string }) => span.exceptions.push(exception),
                            end: () => (span.ended = true),
                        });
                    },
                }),
            },
        },
        http: {},
        https: {},
    };
    const load = (name: string) => {
        loaded.push(name);
        if (!(name in modules)) throw new Error(`Cannot find module '${name}'`);
        return modules[name];
    };
    return { spans, options, loaded, load };
}

const turn = (activity: Record<string, unknown>) => ({ activity }) as unknown as TurnContext;

/** Runs each case with a fresh module, since the exporter is started once per process. */
function freshTelemetry(): typeof startTelemetry {
    const load = createRequire(__filename);
    const modulePath = load.resolve('../../app/telemetry');
    delete load.cache[modulePath];
    return (load(modulePath) as typeof import('../../app/telemetry')).startTelemetry;
}

describe('telemetry (Azure Monitor through OpenTelemetry, optional)', () => {
    const lines: string[] = [];
    const logger = createLogger('debug', (line) => lines.push(line));
    beforeEach(() => lines.splice(0));

    it('is off without APPLICATIONINSIGHTS_CONNECTION_STRING: nothing is loaded', () => {
        const fake = fakeOpenTelemetry();
        const telemetry = freshTelemetry()(undefined, logger, fake.load);
        assert.strictEqual(telemetry.middleware, undefined);
        assert.deepStrictEqual(fake.loaded, []);
    });

    it('says so and goes on without telemetry when the package is not installed', () => {
        const telemetry = freshTelemetry()('InstrumentationKey=x', logger, (name) => {
            throw new Error(`Cannot find module '${name}'`);
        });
        assert.strictEqual(telemetry.middleware, undefined);
        assert.ok(
            lines.some((line) => line.includes('not installed')),
            lines.join('\n'),
        );
    });

    it("times each turn with its kind only, and records a failure by its name, not its message or the user's text", async () => {
        const fake = fakeOpenTelemetry();
        const telemetry = freshTelemetry()('InstrumentationKey=x', logger, fake.load);
        const connection = (fake.options[0].azureMonitorExporterOptions as { connectionString: string }).connectionString;
        assert.strictEqual(connection, 'InstrumentationKey=x');
        const http = (fake.options[0].instrumentationOptions as { http: { ignoreIncomingRequestHook(request: unknown): boolean } }).http;
        assert.strictEqual(http.ignoreIncomingRequestHook({ method: 'POST', url: '/api/messages' }), false, 'turns are traced');
        assert.strictEqual(http.ignoreIncomingRequestHook({ method: 'GET', url: '/directline/conversations/1/stream?t=token' }), true, 'URLs with tokens are not');

        const middleware = telemetry.middleware!;
        await middleware.onTurn(turn({ type: 'message', channelId: 'msteams', text: 'TC 12345678901 kimlik' }), () => Promise.resolve());
        const failure = Object.assign(new Error('could not parse "benim şifrem 1234"'), { name: 'StoreUnavailableError', code: 'STORE_UNAVAILABLE' });
        await assert.rejects(() => Promise.resolve(middleware.onTurn(turn({ type: 'invoke', name: 'adaptiveCard/action', channelId: 'msteams' }), () => Promise.reject(failure))), failure);

        assert.deepStrictEqual(
            fake.spans.map((span) => [span.name, span.attributes, span.ended]),
            [
                ['turn message', { 'bot.activity.type': 'message', 'bot.channel': 'msteams' }, true],
                ['turn invoke', { 'bot.activity.type': 'invoke', 'bot.channel': 'msteams', 'bot.invoke.name': 'adaptiveCard/action' }, true],
            ],
        );
        assert.strictEqual(fake.spans[1].status, 2);
        assert.deepStrictEqual(fake.spans[1].exceptions, [{ name: 'StoreUnavailableError', message: 'STORE_UNAVAILABLE' }]);
        assert.doesNotMatch(JSON.stringify(fake.spans), /12345678901|şifre/);
        await telemetry.shutdown();
    });
});
