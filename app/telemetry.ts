import type { IncomingMessage } from 'http';
import { createRequire } from 'module';
import type { Middleware, TurnContext } from 'botbuilder';
import type { Logger } from '../core/logger';

/**
 * Optional export to Azure Monitor (Application Insights) through OpenTelemetry, on when
 * `APPLICATIONINSIGHTS_CONNECTION_STRING` is set. What leaves: one span per turn (activity type,
 * channel, duration, success, the error's name or code), the HTTP request of each turn
 * (`POST /api/messages`, no body) and dependency calls (Bot Connector, Cosmos DB; URL, status,
 * duration). Never a message's text, a card's values, a header or a query string.
 *
 * `@azure/monitor-opentelemetry` is not a dependency of the project: it is large (about 190 packages)
 * and asks for Node ≥ 22. Where telemetry is wanted it is installed beside the bot
 * (`npm install --no-save @azure/monitor-opentelemetry`, see the README) and loaded here only then.
 */
export interface Telemetry {
    /** Times each turn; on the adapter, `undefined` when telemetry is off. */
    middleware?: Middleware;
    /** Sends what is buffered and stops (the app's close). */
    shutdown(): Promise<void>;
}

export const AZURE_MONITOR_PACKAGE = '@azure/monitor-opentelemetry';

interface Span {
    setAttribute(key: string, value: string | number | boolean): void;
    setStatus(status: { code: number }): void;
    recordException(exception: { name: string; message: string }): void;
    end(): void;
}
interface OpenTelemetryApi {
    trace: { getTracer(name: string): { startActiveSpan<T>(name: string, run: (span: Span) => T): T } };
    SpanStatusCode: { ERROR: number };
}
interface AzureMonitor {
    useAzureMonitor(options: Record<string, unknown>): void;
    shutdownAzureMonitor(): Promise<void>;
}

const off: Telemetry = { shutdown: () => Promise.resolve() };
// One exporter per process however many apps it builds (tests build several).
let started: Telemetry | undefined;

/** Starts the export when a connection string is given and the package is installed; otherwise does nothing. */
export function startTelemetry(connectionString: string | undefined, logger: Logger, load: (name: string) => unknown = createRequire(__filename)): Telemetry {
    if (!connectionString?.trim()) return off;
    if (started) return started;
    let monitor: AzureMonitor;
    let api: OpenTelemetryApi;
    try {
        monitor = load(AZURE_MONITOR_PACKAGE) as AzureMonitor;
        api = load('@opentelemetry/api') as OpenTelemetryApi;
    } catch (error) {
        logger.warn('APPLICATIONINSIGHTS_CONNECTION_STRING is set but @azure/monitor-opentelemetry is not installed: no telemetry (see the README)', { error: (error as Error).message });
        return off;
    }
    monitor.useAzureMonitor({
        azureMonitorExporterOptions: { connectionString },
        enableLiveMetrics: false,
        instrumentationOptions: {
            // Incoming: only the turns; the web chat's routes carry tokens in their URLs.
            http: { enabled: true, ignoreIncomingRequestHook: (request: IncomingMessage) => !(request.method === 'POST' && request.url?.split('?')[0] === '/api/messages') },
            azureSdk: { enabled: true },
            // Logs stay in the log stream (pino, redacted): none go to Application Insights.
            bunyan: { enabled: false },
            winston: { enabled: false },
        },
    });
    // Instrumentation patches core modules when they are next required: http is loaded already.
    load('http');
    load('https');
    const tracer = api.trace.getTracer('e-imza-asistani');
    logger.info('telemetry: exporting to Azure Monitor');
    let stopped: Promise<void> | undefined;
    started = {
        middleware: { onTurn: (context, next) => tracer.startActiveSpan(`turn ${context.activity.type}`, (span) => timeTurn(context, next, span, api)) },
        shutdown: () => (stopped ??= monitor.shutdownAzureMonitor().catch((error: Error) => logger.warn('telemetry did not shut down cleanly', { error: error.message }))),
    };
    return started;
}

async function timeTurn(context: TurnContext, next: () => Promise<void>, span: Span, api: OpenTelemetryApi): Promise<void> {
    // Kinds and ids of the protocol only: `name` is an invoke's kind (`adaptiveCard/action`), never user text.
    span.setAttribute('bot.activity.type', context.activity.type);
    span.setAttribute('bot.channel', context.activity.channelId);
    if (context.activity.type === 'invoke' && context.activity.name) span.setAttribute('bot.invoke.name', context.activity.name);
    try {
        await next();
    } catch (error) {
        const failure = error as Error & { code?: unknown };
        span.setStatus({ code: api.SpanStatusCode.ERROR });
        // The error's kind, not its message: a message may quote what it failed on.
        span.recordException({ name: failure.name, message: typeof failure.code === 'string' ? failure.code : failure.name });
        throw error;
    } finally {
        span.end();
    }
}
