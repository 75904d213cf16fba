import { randomUUID } from 'crypto';
import type { Step } from './script';

export interface Target {
    baseUrl: string;
    /** Where the bot sends its replies (the bench's fake Bot Connector). */
    serviceUrl: string;
}

export interface LoadResult {
    turns: number;
    errors: number;
    /** Milliseconds of each answered turn, in the order they ended. */
    latencies: number[];
    elapsedMs: number;
    conversations: number;
    firstError?: string;
}

interface ActivityReply {
    type?: string;
    text?: string;
    attachments?: { content?: unknown }[];
}

let sequence = 0;

/** A new conversation of a new user, as a channel would open it. */
export function newConversation(tag: string): { user: string; conversation: string } {
    const n = ++sequence;
    return { user: `bench-${tag}-user-${n}-${randomUUID().slice(0, 8)}`, conversation: `bench-${tag}-conv-${n}-${randomUUID().slice(0, 8)}` };
}

export function activityFor(step: Step, target: Target, who: { user: string; conversation: string }, expectReplies = false): Record<string, unknown> {
    return {
        type: 'message',
        id: randomUUID(),
        timestamp: new Date().toISOString(),
        channelId: 'emulator',
        serviceUrl: target.serviceUrl,
        from: { id: who.user, name: 'Ayşe Yılmaz' },
        recipient: { id: 'bot', name: 'e-İmza Asistanı' },
        conversation: { id: who.conversation },
        locale: 'tr-TR',
        ...('say' in step ? { text: step.say } : { value: { choice: step.click } }),
        ...(expectReplies ? { deliveryMode: 'expectReplies' } : {}),
    };
}

/** Sends one activity; resolves with the HTTP status and the replies when `expectReplies` was asked. */
export async function post(target: Target, activity: Record<string, unknown>): Promise<{ status: number; replies: ActivityReply[] }> {
    const response = await fetch(`${target.baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
    });
    const text = await response.text();
    let replies: ActivityReply[] = [];
    if (text && activity.deliveryMode === 'expectReplies') {
        replies = ((JSON.parse(text) as { activities?: ActivityReply[] }).activities ?? []).filter((reply) => reply.type === 'message');
    }
    return { status: response.status, replies };
}

/** What a person would read first in a reply: its text, or its card's heading. */
export function gist(reply: ActivityReply): string {
    if (reply.text) return reply.text;
    return JSON.stringify(reply.attachments?.[0]?.content ?? {});
}

/**
 * `users` users at once, each walking `walk` in a new conversation after another, without pause,
 * until `durationMs` has passed or `maxConversations` walks have started. Every turn is timed from
 * the request to the HTTP answer, which the adapter sends when the turn (replies included) is done.
 */
export async function runLoad(target: Target, walk: Step[], options: { users: number; durationMs?: number; maxConversations?: number; tag: string }): Promise<LoadResult> {
    const result: LoadResult = { turns: 0, errors: 0, latencies: [], elapsedMs: 0, conversations: 0 };
    const started = performance.now();
    const end = options.durationMs !== undefined ? started + options.durationMs : Infinity;
    const more = () => performance.now() < end && (options.maxConversations === undefined || result.conversations < options.maxConversations);
    const user = async () => {
        while (more()) {
            result.conversations++;
            const who = newConversation(options.tag);
            for (const step of walk) {
                if (performance.now() >= end) break;
                const sent = performance.now();
                try {
                    const { status } = await post(target, activityFor(step, target, who));
                    if (status >= 200 && status < 300) {
                        result.turns++;
                        result.latencies.push(performance.now() - sent);
                    } else {
                        result.errors++;
                        result.firstError ??= `HTTP ${status}`;
                    }
                } catch (error) {
                    result.errors++;
                    result.firstError ??= (error as Error).message;
                }
            }
        }
    };
    await Promise.all(Array.from({ length: options.users }, () => user()));
    result.elapsedMs = performance.now() - started;
    return result;
}

export function percentile(sorted: number[], p: number): number {
    if (sorted.length === 0) return NaN;
    const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
    return sorted[index];
}
