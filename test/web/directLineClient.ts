import type { Activity } from 'botbuilder';
import { DirectLine, type Activity as DirectLineActivity, type DirectLineOptions } from 'botframework-directlinejs';
import WebSocket from 'ws';
import XMLHttpRequest from 'xhr2';
import { readableText } from '../support/cardText';

// botframework-directlinejs expects browser globals; Node has neither.
const globals = globalThis as unknown as Record<string, unknown>;
globals.XMLHttpRequest ??= XMLHttpRequest;
globals.WebSocket ??= WebSocket;

const WAIT_MS = 10_000;

/** A user's Direct Line client (the official one) that remembers everything it received. */
export class ChatClient {
    readonly directLine: DirectLine;
    readonly received: Partial<Activity>[] = [];
    private readonly subscription: { unsubscribe(): void };
    private readonly waiters = new Set<() => void>();

    constructor(baseUrl: string, options: Omit<DirectLineOptions, 'domain'>) {
        this.directLine = new DirectLine({ domain: `${baseUrl}/v3/directline`, ...options });
        this.subscription = this.directLine.activity$.subscribe((activity) => {
            this.received.push(activity as unknown as Partial<Activity>);
            for (const wake of [...this.waiters]) wake();
        });
    }

    /** What the client holds after connecting (directlinejs keeps them private; a page reads them too). */
    get session(): { token: string; conversationId: string; watermark: string } {
        return this.directLine as unknown as { token: string; conversationId: string; watermark: string };
    }

    fromBot(): Partial<Activity>[] {
        return this.received.filter((activity) => activity.from?.role !== 'user' && activity.type === 'message');
    }

    /** Resolves with the first bot message after `after` (a count of bot messages) whose text matches. */
    async botSays(pattern: RegExp, after = 0): Promise<Partial<Activity>> {
        return this.until(() => this.fromBot().slice(after).find((activity) => pattern.test(readableText(activity))), `bot message matching ${pattern}`);
    }

    async send(activity: Partial<DirectLineActivity>): Promise<string> {
        return new Promise<string>((resolve, reject) => {
            this.directLine
                .postActivity({ from: { id: 'ignored-by-server', name: 'Test' }, ...activity } as DirectLineActivity)
                .subscribe({ next: resolve, error: reject });
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
