import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Activity } from 'botbuilder';
import { createApp, type App } from '../../app/createApp';
import { loadConfig, type BotConfig } from '../../core/config';
import { createLogger, type Logger } from '../../core/logger';
import type { CosmosOverrides } from '../../storage/createStores';
import { readableText } from './cardText';
import { FakeClock } from './fakeClock';
import { FakeConnector, type ConnectorCall, type Member } from './fakeConnector';

export const STAFF_TEAM = '19:library-staff@thread.tacv2';
export const TENANT = 'tenant-bvu';
export const STAFF: Record<'ayse' | 'burak', Member> = {
    ayse: { id: '29:staff-ayse', name: 'Ayşe Kütüphaneci', aadObjectId: 'aad-ayse' },
    burak: { id: '29:staff-burak', name: 'Burak Arşiv', aadObjectId: 'aad-burak' },
};
export const TEAMS_USER: Member = { id: '29:user-mehmet', name: 'Mehmet Öz', email: 'mehmet.oz@bezmialem.edu.tr', aadObjectId: 'aad-mehmet' };

export interface ChatUser {
    /** Sends a message (text or card submit) and returns the replies of that turn. */
    send(activity: Partial<Activity>): Promise<Partial<Activity>[]>;
    say(text: string): Promise<string>;
    pick(choice: string): Promise<string>;
    conversationId: string;
}

/** The bot (in-process, real HTTP), a fake Bot Connector, a clock under the test's control. */
export class TicketWorld {
    readonly clock = new FakeClock(Date.UTC(2026, 10, 23, 7, 0, 0)); // Monday 10:00 in Istanbul
    readonly connector = new FakeConnector({ [TEAMS_USER.id]: TEAMS_USER, ...Object.fromEntries(Object.values(STAFF).map((m) => [m.id, m])) }, Object.values(STAFF));
    readonly dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-tickets-'));
    app!: App;
    private config!: BotConfig;
    private baseUrl = '';

    /** Every log line of the bot, for tests that check what was (and was not) logged. */
    readonly logLines: string[] = [];
    readonly logger: Logger = createLogger('debug', (line) => this.logLines.push(line));

    /** `cosmos`: how the bot reaches a local Cosmos server when `env` points it there. */
    constructor(
        private readonly env: Record<string, string> = {},
        private readonly cosmos?: CosmosOverrides,
    ) {}

    /**
     * A default world, started (SQLite, no staff channel yet). `inStaffTeam`: the bot is then installed
     * in the staff team, so staff cards have a channel to go to.
     */
    static async started(options: { inStaffTeam: boolean }): Promise<TicketWorld> {
        const world = new TicketWorld();
        try {
            await world.start();
            if (options.inStaffTeam) await world.installInStaffTeam();
        } catch (error) {
            // The caller never gets this world to stop: whatever of it started is stopped here.
            await world.stop().catch(() => undefined);
            throw error;
        }
        return world;
    }

    /** `beforeBot`: runs once the fake connector listens, before the bot starts (to leave data as an earlier version would). */
    async start(beforeBot?: () => Promise<void>): Promise<void> {
        await this.connector.start();
        await beforeBot?.();
        this.config = loadConfig({ PORT: '0', DATA_DIR: this.dataDir, STAFF_TEAM_ID: STAFF_TEAM, ...this.env });
        await this.boot();
    }

    /** Stops the bot as a deployment would and starts a fresh one on the same data. */
    async restart(): Promise<void> {
        await this.app.close();
        await this.boot();
    }

    async stop(): Promise<void> {
        await this.app.close();
        await this.connector.stop();
        fs.rmSync(this.dataDir, { recursive: true, force: true });
    }

    /** Another bot instance on the same data, as a second App Service instance would be. */
    async secondInstance(): Promise<App> {
        const other = createApp(this.config, { clock: this.clock, logger: this.logger, sweepIntervalMs: 3_600_000, cosmos: this.cosmos });
        await other.listen();
        return other;
    }

    /** Waits until every queued notice was handed to the connector. */
    settle(): Promise<void> {
        return this.app.dispatcher.settled();
    }

    async post(activity: Partial<Activity>): Promise<{ status: number; body: unknown }> {
        const response = await fetch(`${this.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
        const text = await response.text();
        return { status: response.status, body: text ? JSON.parse(text) : undefined };
    }

    /**
     * Posts an activity as Teams sends it (the tenant, expectReplies) and returns every reply of the
     * turn; the test gives who sends it, to whom and where. Fails unless the bot answers 200.
     */
    async postFromTeams(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
        const { status, body } = await this.post({
            channelId: 'msteams',
            serviceUrl: this.connector.url,
            channelData: { tenant: { id: TENANT } },
            deliveryMode: 'expectReplies',
            ...activity,
        });
        assert.strictEqual(status, 200, JSON.stringify(body));
        return (body as { activities?: Partial<Activity>[] } | undefined)?.activities ?? [];
    }

    /** Where the bot under test answers HTTP. */
    get url(): string {
        return this.baseUrl;
    }

    /** The bot learns its staff channel when installed in the staff team. */
    async installInStaffTeam(): Promise<void> {
        await this.post({
            type: 'conversationUpdate',
            channelId: 'msteams',
            serviceUrl: this.connector.url,
            conversation: { id: STAFF_TEAM, conversationType: 'channel', isGroup: true } as never,
            recipient: { id: '28:bot', name: 'e-imza' },
            from: STAFF.ayse,
            membersAdded: [{ id: '28:bot', name: 'e-imza' }],
            channelData: { eventType: 'teamMemberAdded', team: { id: STAFF_TEAM }, tenant: { id: TENANT } },
        });
    }

    webUser(id: string, locale = 'tr-TR'): ChatUser {
        return this.user({ channelId: 'webchat', from: { id, name: '' }, conversation: { id: `webchat-${id}` } as never, locale });
    }

    teamsUser(locale = 'tr-TR'): ChatUser {
        return this.user({
            channelId: 'msteams',
            from: TEAMS_USER,
            locale,
            conversation: { id: 'a:personal-mehmet', conversationType: 'personal', tenantId: TENANT } as never,
            channelData: { tenant: { id: TENANT } },
        });
    }

    /** A staff member writes in a team's channel (the staff team's unless told), mentioning the bot unless told; the bot's replies. */
    async staffSays(text: string, options: { mention?: boolean; team?: string; tenant?: string } = {}): Promise<Partial<Activity>[]> {
        const { mention = true, team = STAFF_TEAM, tenant = TENANT } = options;
        const bot = { id: '28:bot', name: 'e-imza' };
        const { status, body } = await this.post({
            type: 'message',
            channelId: 'msteams',
            serviceUrl: this.connector.url,
            deliveryMode: 'expectReplies',
            from: STAFF.ayse,
            recipient: bot,
            text: mention ? `<at>e-imza</at> ${text}` : text,
            entities: mention ? [{ type: 'mention', mentioned: bot, text: '<at>e-imza</at>' }] : [],
            conversation: { id: `${team};messageid=1`, conversationType: 'channel', isGroup: true } as never,
            channelData: { team: { id: team }, channel: { id: team }, tenant: { id: tenant } },
        });
        assert.strictEqual(status, 200);
        return ((body as { activities?: Partial<Activity>[] })?.activities ?? []).filter((reply) => reply.type === 'message');
    }

    /** A staff member clicks a card action (Universal Actions) in a thread of the given team. */
    async staffClicks(member: Member, verb: string, data: Record<string, unknown>, threadId: string, teamId = STAFF_TEAM, channelId = 'msteams') {
        const { status, body } = await this.post({
            type: 'invoke',
            name: 'adaptiveCard/action',
            channelId,
            serviceUrl: this.connector.url,
            from: member,
            recipient: { id: '28:bot', name: 'e-imza' },
            conversation: { id: threadId, conversationType: 'channel', isGroup: true } as never,
            channelData: { team: { id: teamId }, channel: { id: teamId }, tenant: { id: TENANT } },
            value: { action: { type: 'Action.Execute', verb: `ticket.${verb}`, data }, trigger: 'manual' },
        });
        const response = body as { statusCode: number; value: unknown };
        return { status, statusCode: response?.statusCode, text: readableText({ attachments: [{ contentType: '', content: response?.value }] }) };
    }

    private user(base: Partial<Activity>): ChatUser {
        const activity = { ...base, serviceUrl: this.connector.url, recipient: { id: '28:bot', name: 'e-imza' }, deliveryMode: 'expectReplies' };
        const send = async (extra: Partial<Activity>) => {
            const { status, body } = await this.post({ ...activity, type: 'message', ...extra });
            if (status !== 200) throw new Error(`the bot answered ${status}: ${JSON.stringify(body)}`);
            return ((body as { activities?: Partial<Activity>[] }).activities ?? []).filter((reply) => reply.type === 'message');
        };
        const read = (replies: Partial<Activity>[]) => replies.map(readableText).join('\n');
        return {
            send,
            say: async (text) => read(await send({ text })),
            pick: async (choice) => read(await send({ value: { choice } })),
            conversationId: (base.conversation as { id: string }).id,
        };
    }

    private async boot(): Promise<void> {
        this.app = createApp(this.config, { clock: this.clock, logger: this.logger, sweepIntervalMs: 3_600_000, cosmos: this.cosmos });
        await this.app.listen();
        this.baseUrl = `http://127.0.0.1:${this.app.server.address().port}`;
    }
}

/** The ticket id carried by the actions of a staff card. */
export function ticketIdOf(call: ConnectorCall): string {
    const match = /"ticketId":"([^"]+)"/.exec(JSON.stringify(call.activity));
    if (!match) throw new Error('no ticket id on this card');
    return match[1];
}

export const textOf = (call: ConnectorCall) => readableText(call.activity);
