import type { ChannelAccount, Storage, TurnContext } from 'botbuilder';

/** Where new ticket threads go: the staff team's channel, learned when the bot meets the team. */
export interface StaffChannel {
    teamId: string;
    /** The channel's conversation id (the General channel's id equals the team's). */
    channelId: string;
    serviceUrl: string;
    tenantId?: string;
    bot: ChannelAccount;
}

interface TeamsChannelData {
    team?: { id?: string };
    channel?: { id?: string };
    tenant?: { id?: string };
}

export function teamOf(context: TurnContext): string | undefined {
    return context.activity.channelId === 'msteams' ? (context.activity.channelData as TeamsChannelData | undefined)?.team?.id : undefined;
}

/** Kept in the bot's store so it survives restarts and is shared by every instance. */
export class StaffChannelRegistry {
    constructor(private readonly storage: Storage, private readonly staffTeamId: string | undefined) {}

    private get key(): string {
        return `staffChannel/${this.staffTeamId}`;
    }

    /** True when this activity comes from the staff team (the only place staff actions are taken). */
    isStaffTeam(context: TurnContext): boolean {
        return !!this.staffTeamId && teamOf(context) === this.staffTeamId;
    }

    /** Remembers the staff team's channel from any activity the team sends (installation included). */
    async learnFrom(context: TurnContext): Promise<void> {
        if (!this.isStaffTeam(context)) return;
        const data = context.activity.channelData as TeamsChannelData;
        const channel: StaffChannel = {
            teamId: this.staffTeamId!,
            channelId: data.channel?.id ?? this.staffTeamId!,
            serviceUrl: context.activity.serviceUrl,
            tenantId: data.tenant?.id,
            bot: context.activity.recipient,
        };
        const known = await this.get();
        if (known && known.serviceUrl === channel.serviceUrl && known.channelId === channel.channelId) return;
        await this.storage.write({ [this.key]: { ...channel, eTag: '*' } });
    }

    async get(): Promise<StaffChannel | undefined> {
        if (!this.staffTeamId) return undefined;
        const item = (await this.storage.read([this.key]))[this.key] as (StaffChannel & { eTag?: string }) | undefined;
        if (!item) return undefined;
        const { eTag: _eTag, ...channel } = item;
        return channel;
    }
}
