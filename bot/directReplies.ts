import * as http from 'http';
import * as https from 'https';
import type { Activity, ConfigurationBotFrameworkAuthentication, ResourceResponse } from 'botbuilder';

type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
export type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;

/*
 * A reply through botframework-connector's client costs about 0.4 ms of CPU (measured with
 * `npm run bench`: one extra reply a turn took a bare echo bot from 0.62 to 1.04 ms a turn): the
 * activity is walked field by field against the schema's mapper, then passes a dozen pipeline
 * policies. A guided turn sends one to three replies, so this was the largest single cost of a turn.
 * The two calls that carry replies — "reply to activity" and "send to conversation" — are sent here
 * as the same HTTP request (same method, path, JSON body, authorization from the same credentials),
 * with the SDK's retry rules; every other connector call (Teams, members, updates) stays the SDK's.
 */

/** What the SDK's RestError carries and failure handling reads (name, statusCode, code). */
export class ConnectorCallError extends Error {
    override readonly name = 'RestError';
    constructor(message: string, readonly statusCode?: number, readonly code?: string, readonly body?: unknown) {
        super(message);
    }
}

export interface DirectReplyOptions {
    /** Retries after the first try, as the SDK (3). */
    maxRetries?: number;
    /** First back-off of the exponential retry, doubled each time, as the SDK (1 s, at most 64 s). */
    retryDelayMs?: number;
    /** A request with no answer for this long is abandoned (not retried: it may have been delivered). */
    timeoutMs?: number;
}

// One keep-alive agent per protocol for every reply of the process, as the SDK's HTTP client keeps.
const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };
const USER_AGENT = `botframework-connector/4.0.0 e-imza-asistani (Node.js ${process.version})`;
// The SDK retries these network failures (@typespec/ts-http-runtime's isSystemError).
const RETRIED_NETWORK_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'ENOTFOUND']);
const MAX_RETRY_DELAY_MS = 64_000;

/** A proxy in the environment is honoured by the SDK's pipeline and not here: then the SDK sends everything. */
export function proxyConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
    return ['HTTPS_PROXY', 'HTTP_PROXY', 'ALL_PROXY', 'https_proxy', 'http_proxy', 'all_proxy'].some((name) => !!env[name]);
}

/**
 * The client with its two reply calls sent directly; everything else is the client itself (the
 * returned object inherits from it, so `credentials`, `baseUri` and the other operations are unchanged).
 */
export function withDirectReplies(client: ConnectorClient, options: DirectReplyOptions = {}): ConnectorClient {
    const base = (client as unknown as { baseUri?: string }).baseUri;
    if (!base || !/^https?:/i.test(base)) return client;
    const root = base.replace(/\/+$/, '');
    const direct = Object.create(client) as ConnectorClient;
    const conversations = Object.create(client.conversations) as ConnectorClient['conversations'];
    const send = (path: string, activity: Partial<Activity>, conversationHeader?: string) =>
        sendWithRetries(client, `${root}/${path}`, activity, options, conversationHeader);
    // The SDK's "reply to activity" also names the conversation in the x-ms-conversation-id header.
    conversations.replyToActivity = ((conversationId: string, activityId: string, activity: Partial<Activity>) =>
        send(`v3/conversations/${encodeURIComponent(conversationId)}/activities/${encodeURIComponent(activityId)}`, activity, conversationId)) as typeof conversations.replyToActivity;
    conversations.sendToConversation = ((conversationId: string, activity: Partial<Activity>) =>
        send(`v3/conversations/${encodeURIComponent(conversationId)}/activities`, activity)) as typeof conversations.sendToConversation;
    Object.defineProperty(direct, 'conversations', { value: conversations, enumerable: true });
    return direct;
}

interface Answer {
    status: number;
    retryAfterMs?: number;
    body: string;
}

async function sendWithRetries(client: ConnectorClient, url: string, activity: Partial<Activity>, options: DirectReplyOptions, conversationHeader?: string): Promise<ResourceResponse> {
    const maxRetries = options.maxRetries ?? 3;
    const body = JSON.stringify(activity);
    for (let attempt = 0; ; attempt++) {
        let answer: Answer;
        try {
            answer = await post(client, url, body, options.timeoutMs ?? 60_000, conversationHeader);
        } catch (error) {
            // Network failures arrive as ConnectorCallError (see post); a signing failure (the local-mode
            // guard's ServiceUrlRefusedError, a token that cannot be had) is thrown as it is, as the SDK does.
            if (attempt < maxRetries && error instanceof ConnectorCallError && error.code && RETRIED_NETWORK_CODES.has(error.code)) {
                await pause(backOff(attempt, options));
                continue;
            }
            throw error;
        }
        if (answer.status >= 200 && answer.status < 300) return parseResource(answer.body);
        const wait = retryDelay(answer, attempt, options);
        if (attempt < maxRetries && wait !== undefined) {
            await pause(wait);
            continue;
        }
        // As the SDK's RestError: the connector's own error code and message when it gives them.
        const parsed = parseJson(answer.body);
        const error = (parsed as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
        const message = typeof error?.message === 'string' && error.message ? error.message : `The Bot Connector answered ${answer.status}`;
        throw new ConnectorCallError(message, answer.status, typeof error?.code === 'string' ? error.code : undefined, parsed);
    }
}

/** The SDK's two rules: throttled (429, or 503 with Retry-After) waits as told; 408 and 5xx but 501/505 back off. */
function retryDelay(answer: Answer, attempt: number, options: DirectReplyOptions): number | undefined {
    if ((answer.status === 429 || answer.status === 503) && answer.retryAfterMs !== undefined) return answer.retryAfterMs;
    if (answer.status === 408 || (answer.status >= 500 && answer.status !== 501 && answer.status !== 505)) return backOff(attempt, options);
    return undefined;
}

/** Exponential, capped, half of it random (as @typespec/ts-http-runtime's calculateRetryDelay). */
function backOff(attempt: number, options: DirectReplyOptions): number {
    const capped = Math.min(MAX_RETRY_DELAY_MS, (options.retryDelayMs ?? 1000) * 2 ** attempt);
    return capped / 2 + Math.random() * (capped / 2);
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retry-After in seconds or as an HTTP date, as milliseconds (never negative). */
function parseRetryAfter(header: string | undefined): number | undefined {
    if (!header) return undefined;
    const seconds = Number(header);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(header);
    return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

async function post(client: ConnectorClient, url: string, body: string, timeoutMs: number, conversationHeader?: string): Promise<Answer> {
    const headers = new Map<string, string>([
        ['content-type', 'application/json; charset=utf-8'],
        ['accept', 'application/json'],
        ['user-agent', USER_AGENT],
    ]);
    if (conversationHeader !== undefined) headers.set('x-ms-conversation-id', conversationHeader);
    // The same signing as the SDK's pipeline: botbuilder's credentials (AAD token, or nothing in
    // local mode) behind the bot's guard (own connector key, loopback-only in local mode).
    await client.credentials.signRequest({ url, headers: { set: (name: string, value: string) => headers.set(name.toLowerCase(), value) } } as never);
    const target = new URL(url);
    const agent = agents[target.protocol as keyof typeof agents];
    return new Promise<Answer>((resolve, rejectWith) => {
        // A failure of the request itself is the SDK's RestError with the system error's code (ECONNREFUSED...).
        const reject = (error: Error) => rejectWith(error instanceof ConnectorCallError ? error : new ConnectorCallError(error.message, undefined, (error as { code?: string }).code));
        const request = (target.protocol === 'https:' ? https : http).request(target, {
            method: 'POST',
            agent,
            headers: { ...Object.fromEntries(headers), 'content-length': Buffer.byteLength(body) },
            timeout: timeoutMs,
        }, (response) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (text += chunk));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, retryAfterMs: parseRetryAfter(response.headers['retry-after']), body: text }));
            response.on('error', reject);
        });
        request.on('timeout', () => request.destroy(new ConnectorCallError(`The Bot Connector did not answer within ${timeoutMs} ms`, undefined, 'REQUEST_TIMEOUT')));
        request.on('error', reject);
        request.end(body);
    });
}

function parseJson(text: string): unknown {
    if (!text) return undefined;
    try {
        return JSON.parse(text) as unknown;
    } catch {
        return text;
    }
}

/** The connector answers `{ id }`; an empty or odd body is a reply without an id, as the SDK returns it. */
function parseResource(text: string): ResourceResponse {
    const parsed = parseJson(text) as { id?: unknown } | undefined;
    return { id: typeof parsed?.id === 'string' ? parsed.id : '' };
}
