import type { Activity } from 'botbuilder';
import { DirectLine, type Activity as DirectLineActivity, type DirectLineOptions, type Services } from 'botframework-directlinejs';
import { ajax } from 'rxjs/observable/dom/ajax';
import { tap } from 'rxjs/operators';
import WebSocket from 'ws';
import XMLHttpRequest from 'xhr2';
import { readableText } from '../support/cardText';

// botframework-directlinejs expects browser globals; Node has neither.
const globals = globalThis as unknown as Record<string, unknown>;
globals.XMLHttpRequest ??= XMLHttpRequest;
globals.WebSocket ??= WebSocket;

const WAIT_MS = 10_000;

/** What the server handed one client: its current token, its conversation, the last watermark delivered to it. */
export interface Session {
    token: string;
    conversationId: string;
    watermark: string;
}

/** Keeps in `session` the token, conversation id and watermark of any Direct Line response body. */
function recordInto(session: Session): (body: unknown) => void {
    return (body) => {
        if (typeof body !== 'object' || body === null) return;
        const { token, conversationId, watermark } = body as Partial<Record<keyof Session, unknown>>;
        if (typeof token === 'string') session.token = token;
        if (typeof conversationId === 'string') session.conversationId = conversationId;
        // An empty watermark leaves the client's as it was (so does directlinejs).
        if (typeof watermark === 'string' && watermark !== '') session.watermark = watermark;
    };
}

/**
 * The transports directlinejs takes as constructor options, each passing what the server answers
 * to `record`: directlinejs keeps the token and watermark to itself, yet a page that resumes needs them.
 */
function recordingTransports(record: (body: unknown) => void): Pick<Services, 'ajax' | 'WebSocket'> {
    // directlinejs calls only the function itself; its get/post helpers are copied to satisfy the type.
    const recordingAjax = Object.assign((request: Parameters<typeof ajax>[0]) => ajax(request).pipe(tap((response) => record(response.response))), ajax);
    class RecordingWebSocket extends WebSocket {
        constructor(url: string) {
            super(url);
            this.addEventListener('message', (message) => {
                if (typeof message.data === 'string' && message.data !== '') record(JSON.parse(message.data));
            });
        }
    }
    // `ws` stands in for the browser's WebSocket (Node 20 has none) and lacks only dispatchEvent, which directlinejs never calls.
    return { ajax: recordingAjax, WebSocket: RecordingWebSocket as unknown as Services['WebSocket'] };
}

/** A user's Direct Line client (the official one) that remembers everything it received. */
export class ChatClient {
    readonly directLine: DirectLine;
    readonly received: Partial<Activity>[] = [];
    /** What the client holds after connecting, as the server handed it over (a page resuming a chat keeps the same). */
    readonly session: Session;
    private readonly subscription: { unsubscribe(): void };
    private readonly waiters = new Set<() => void>();

    constructor(baseUrl: string, options: Omit<DirectLineOptions, 'domain'>) {
        this.session = { token: options.token ?? '', conversationId: options.conversationId ?? '', watermark: options.watermark ?? '' };
        this.directLine = new DirectLine({ domain: `${baseUrl}/v3/directline`, ...options, ...recordingTransports(recordInto(this.session)) });
        this.subscription = this.directLine.activity$.subscribe((activity) => {
            this.received.push(activity as unknown as Partial<Activity>);
            for (const wake of [...this.waiters]) wake();
        });
    }

    fromBot(): Partial<Activity>[] {
        return this.received.filter((activity) => activity.from?.role !== 'user' && activity.type === 'message');
    }

    /** Resolves with the first bot message after `after` (a count of bot messages) whose text matches. */
    async botSays(pattern: RegExp, after = 0): Promise<Partial<Activity>> {
        return this.until(
            () =>
                this.fromBot()
                    .slice(after)
                    .find((activity) => pattern.test(readableText(activity))),
            `bot message matching ${pattern}`,
        );
    }

    async send(activity: Partial<DirectLineActivity>): Promise<string> {
        return new Promise<string>((resolve, reject) => {
            this.directLine.postActivity({ from: { id: 'ignored-by-server', name: 'Test' }, ...activity } as DirectLineActivity).subscribe({ next: resolve, error: reject });
        });
    }

    async say(text: string): Promise<string> {
        return this.send({ type: 'message', text, locale: 'tr-TR' });
    }

    end(): void {
        this.subscription.unsubscribe();
        this.directLine.end();
    }

    /** Resolves with the first received activity that satisfies `predicate`. */
    async receives(predicate: (activity: Partial<Activity>) => boolean, what: string): Promise<Partial<Activity>> {
        return this.until(() => this.received.find(predicate), what);
    }

    private async until<T>(probe: () => T | undefined, what: string): Promise<T> {
        const found = probe();
        if (found !== undefined) return found;
        return new Promise<T>((resolve, reject) => {
            const timer = setTimeout(() => {
                this.waiters.delete(check);
                reject(new Error(`timed out waiting for ${what}; received:\n${this.received.map((a) => `${a.type}: ${readableText(a)}`).join('\n')}`));
            }, WAIT_MS);
            const check = () => {
                const value = probe();
                if (value === undefined) return;
                clearTimeout(timer);
                this.waiters.delete(check);
                resolve(value);
            };
            this.waiters.add(check);
        });
    }
}
