import { EventEmitter } from 'events';
import * as http from 'http';
import type { AddressInfo } from 'net';
import type { Activity, ChannelAccount } from 'botbuilder';

export interface ConnectorCall {
    kind: 'createConversation' | 'send' | 'update';
    conversationId: string;
    activityId?: string;
    activity: Partial<Activity>;
    channelId?: string;
}

/** The body of a create-conversation call: where the thread goes and its first activity. */
interface CreateConversationBody {
    channelData?: { channel?: { id?: string } };
    activity?: Partial<Activity>;
}

export interface Member extends ChannelAccount {
    email?: string;
    userPrincipalName?: string;
}

/**
 * Stands in for the Bot Connector at the activities' `serviceUrl`: records what the bot sends,
 * creates channel threads, answers member look-ups. `failing` makes it answer 503 for a while.
 */
export class FakeConnector {
    readonly calls: ConnectorCall[] = [];
    failing = false;
    /** Member look-ups answer this late, as a slow Teams service would. */
    memberLookupDelayMs = 0;
    /** How many single-member look-ups (`TeamsInfo.getMember`) were asked. */
    memberLookups = 0;
    private readonly events = new EventEmitter();
    private readonly server: http.Server;
    private nextId = 1000;

    constructor(
        private readonly members: Record<string, Member>,
        private readonly teamMembers: Member[],
    ) {
        this.server = http.createServer((req, res) => void this.handle(req, res));
    }

    async start(): Promise<string> {
        await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
        return this.url;
    }

    get url(): string {
        return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    }

    async stop(): Promise<void> {
        this.server.closeAllConnections();
        await new Promise<void>((resolve) => this.server.close(() => resolve()));
    }

    /** Resolves with the first call (already made or still to come) that matches; fails after `timeoutMs`. */
    waitFor(matches: (call: ConnectorCall) => boolean, timeoutMs = 5_000, after = 0): Promise<ConnectorCall> {
        const found = this.calls.slice(after).find(matches);
        if (found) return Promise.resolve(found);
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                this.events.off('call', listener);
                reject(new Error(`no matching connector call within ${timeoutMs} ms; calls so far:\n${this.calls.map(describe).join('\n')}`));
            }, timeoutMs);
            const listener = (call: ConnectorCall) => {
                if (!matches(call)) return;
                clearTimeout(timer);
                this.events.off('call', listener);
                resolve(call);
            };
            this.events.on('call', listener);
        });
    }

    to(conversationId: string): ConnectorCall[] {
        return this.calls.filter((call) => call.conversationId === conversationId || call.conversationId.startsWith(`${conversationId};`));
    }

    private record(call: ConnectorCall): void {
        this.calls.push(call);
        this.events.emit('call', call);
    }

    private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
        const body = await new Promise<string>((resolve) => {
            let text = '';
            req.on('data', (chunk: Buffer) => (text += chunk.toString()));
            req.on('end', () => resolve(text));
        });
        const json: unknown = body ? JSON.parse(body) : undefined;
        const answer = (status: number, payload: unknown) => {
            res.writeHead(status, { 'content-type': 'application/json' });
            res.end(JSON.stringify(payload));
        };
        const path = decodeURIComponent((req.url ?? '').split('?')[0]);
        if (this.memberLookupDelayMs && /\/members\//.test(path)) await new Promise((resolve) => setTimeout(resolve, this.memberLookupDelayMs));
        if (this.failing) return answer(503, { error: { code: 'ServiceUnavailable', message: 'down for the test' } });
        const id = () => String(this.nextId++);
        let match: RegExpExecArray | null;
        if (req.method === 'POST' && path === '/v3/conversations') {
            const activityId = id();
            const created = json as CreateConversationBody;
            const conversationId = `${created.channelData?.channel?.id ?? 'conversation'};messageid=${activityId}`;
            this.record({ kind: 'createConversation', conversationId, activityId, activity: created.activity ?? {}, channelId: created.channelData?.channel?.id });
            return answer(200, { id: conversationId, activityId });
        }
        if ((match = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/.exec(path)) && req.method === 'GET') {
            this.memberLookups++;
            const member = this.members[match[2]];
            return member ? answer(200, member) : answer(404, { error: { code: 'NotFound', message: 'no such member' } });
        }
        if (/^\/v3\/conversations\/([^/]+)\/pagedmembers$/.test(path) && req.method === 'GET') {
            return answer(200, { members: this.teamMembers });
        }
        if ((match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path))) {
            const [, conversationId, activityId] = match;
            if (req.method === 'PUT') {
                this.record({ kind: 'update', conversationId, activityId, activity: json as Partial<Activity> });
                return answer(200, { id: activityId });
            }
            if (req.method === 'POST') {
                const newId = id();
                this.record({ kind: 'send', conversationId, activityId: newId, activity: json as Partial<Activity> });
                return answer(200, { id: newId });
            }
        }
        return answer(404, { error: { code: 'NotFound', message: `${req.method} ${path}` } });
    }
}

function describe(call: ConnectorCall): string {
    const text = call.activity.text ?? JSON.stringify(call.activity.attachments?.[0]?.content ?? {}).slice(0, 120);
    return `${call.kind} ${call.conversationId}: ${text}`;
}
