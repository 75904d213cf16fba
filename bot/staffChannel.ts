import { teamsGetChannelId, teamsGetTeamId, teamsGetTenant, type ChannelAccount, type Storage, type TurnContext } from 'botbuilder';

/** Where new ticket threads go: the staff team's channel, learned when the bot meets the team. */
export interface StaffChannel {
    teamId: string;
    /** The channel's conversation id (the General channel's id equals the team's). */
    channelId: string;
    serviceUrl: string;
    tenantId?: string;
    bot: ChannelAccount;
}

/** A Teams activity whose channel data botbuilder's Teams helpers can read (they throw on a JSON `null`). */
function hasTeamsChannelData(context: TurnContext): boolean {
    return context.activity.channelId === 'msteams' && !!context.activity.channelData;
}

function teamOf(context: TurnContext): string | undefined {
    return hasTeamsChannelData(context) ? (teamsGetTeamId(context.activity) ?? undefined) : undefined;
}

/** The Microsoft 365 tenant a Teams activity comes from. */
function tenantOf(context: TurnContext): string | undefined {
    const fromChannelData = hasTeamsChannelData(context) ? teamsGetTenant(context.activity)?.id : undefined;
    return fromChannelData ?? context.activity.conversation?.tenantId;
}

/** Kept in the bot's store so it survives restarts and is shared by every instance. */
export class StaffChannelRegistry {
    /** `tenantId`: the bot's tenant (`MicrosoftAppTenantId`); when set, the staff team must be in it. */
    constructor(
        private readonly storage: Storage,
        private readonly staffTeamId: string | undefined,
        private readonly tenantId?: string,
    ) {}

    private readonly learnedListeners: (() => void)[] = [];

    /** False when STAFF_TEAM_ID is not set: no channel can ever be learned. */
    get configured(): boolean {
        return !!this.staffTeamId;
    }

    private get key(): string {
        return `staffChannel/${this.staffTeamId}`;
    }

    /** Called whenever the channel is learned or moves: tickets waiting for it can go out at once. */
    onLearned(listener: () => void): void {
        this.learnedListeners.push(listener);
    }

    /** True when this activity comes from the staff team (in the configured tenant, when one is). */
    isStaffTeam(context: TurnContext): boolean {
        if (!this.staffTeamId || teamOf(context) !== this.staffTeamId) return false;
        return !this.tenantId || tenantOf(context) === this.tenantId;
    }

    /**
     * True when a staff action may be taken from this activity: the staff team, and the tenant the
     * staff channel was learned in — a team id alone is no proof, as anyone can write one.
     */
    async acceptsStaffAction(context: TurnContext): Promise<boolean> {
        if (!this.isStaffTeam(context)) return false;
        const known = await this.get();
        return !known?.tenantId || tenantOf(context) === known.tenantId;
    }

    /** Remembers the staff team's channel from any activity the team sends (installation included). */
    async learnFrom(context: TurnContext): Promise<void> {
        if (!this.isStaffTeam(context)) return;
        const channel: StaffChannel = {
            teamId: this.staffTeamId!,
            channelId: teamsGetChannelId(context.activity) ?? this.staffTeamId!,
            serviceUrl: context.activity.serviceUrl,
            tenantId: tenantOf(context),
            bot: context.activity.recipient,
        };
        const known = await this.get();
        // Learned in one tenant, the channel is not moved by an activity that claims the team from another.
        if (known?.tenantId && known.tenantId !== channel.tenantId) return;
        if (known && known.serviceUrl === channel.serviceUrl && known.channelId === channel.channelId) return;
        await this.storage.write({ [this.key]: { ...channel, eTag: '*' } });
        for (const listener of this.learnedListeners) listener();
    }

    async get(): Promise<StaffChannel | undefined> {
        if (!this.staffTeamId) return undefined;
        const item = (await this.storage.read([this.key]))[this.key] as (StaffChannel & { eTag?: string }) | undefined;
        if (!item) return undefined;
        const { eTag: _eTag, ...channel } = item;
        return channel;
    }
}
