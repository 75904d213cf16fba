import { MessageFactory, TeamsInfo, type TurnContext, type Activity, type Attachment, type CloudAdapter } from 'botbuilder';
import type { ConversationReferences } from './conversationReferences';
import { addressOf, referenceOf } from '../state/conversationAddress';
import type { Translator } from '../core/i18n';
import type { Logger } from '../core/logger';
import { staffThreadMessage, staffTicketCard, userNoticeCard, type StaffCardOptions } from '../cards/ticketCards';
import { languageSpeaker } from '../institution/profileSpeaker';
import type { InstitutionProfile } from '../institution/institutionProfile';
import type { TicketMessenger } from '../tickets/noticeDispatcher';
import type { StaffChannelRegistry } from './staffChannel';
import type { HistoryEntry, Person, StaffThread, Ticket } from '../tickets/ticket';
import { InternalError, StaffChannelUnavailableError } from '../core/errors';

// botbuilder picks the right audience for the cloud when none is given; its type insists on a string.
// eslint-disable-next-line no-restricted-syntax -- the one double assertion: undefined is what the SDK documents here.
const DEFAULT_AUDIENCE = undefined as unknown as string;

export interface ChatMessengerDependencies {
    adapter: CloudAdapter;
    references: ConversationReferences;
    /** Empty in local mode. */
    botAppId: string;
    staffChannels: StaffChannelRegistry;
    translator: Translator;
    profile: InstitutionProfile;
    logger: Logger;
}

/** The staff team's members, for "assign to a colleague"; none when Teams cannot tell. */
async function staffColleagues(context: TurnContext, teamId: string, logger: Logger): Promise<Person[]> {
    try {
        const page = await TeamsInfo.getPagedTeamMembers(context, teamId, 100);
        return page.members.filter((member) => member.id !== context.activity.recipient?.id).map((member) => ({ id: member.id, name: member.name }));
    } catch (error) {
        logger.warn('could not list the staff team', { error: (error as Error).message });
        return [];
    }
}

/** Sends ticket notices through the Bot Framework: to the user's own chat, and to the staff thread. */
export class ChatMessenger implements TicketMessenger {
    constructor(private readonly deps: ChatMessengerDependencies) {}

    async notifyUser(ticket: Ticket, entry: HistoryEntry): Promise<void> {
        // The user's latest chat wins over the one the ticket came from; none once they removed the app.
        const latest = await this.deps.references.latest(ticket.requester.id);
        if (latest && 'forgotten' in latest) {
            this.deps.logger.info('notice not sent: the user removed the app', { ticket: ticket.number });
            return;
        }
        const speaker = languageSpeaker(this.deps.translator, this.deps.profile, ticket.requester.language);
        await this.deps.adapter.continueConversationAsync(this.deps.botAppId, latest?.reference ?? referenceOf(ticket.requester.reference), async (context) => {
            await context.sendActivity(MessageFactory.attachment(userNoticeCard(speaker, ticket, entry)));
        });
    }

    async notifyStaff(ticket: Ticket, entry: HistoryEntry): Promise<StaffThread | undefined> {
        if (!ticket.staffThread) return this.openThread(ticket);
        const thread = ticket.staffThread;
        await this.deps.adapter.continueConversationAsync(this.deps.botAppId, referenceOf(thread.reference), async (context) => {
            await context.updateActivity({ ...MessageFactory.attachment(await this.card(context, ticket)), id: thread.cardActivityId });
            const line = staffThreadMessage(this.staffSpeaker(), ticket, entry, this.deps.profile.timeZone);
            if (line) await context.sendActivity(line);
        });
        return undefined;
    }

    /** The staff team's members; none while the staff channel is unknown. */
    async colleagues(context: TurnContext): Promise<Person[]> {
        const channel = await this.deps.staffChannels.get();
        return channel ? staffColleagues(context, channel.teamId, this.deps.logger) : [];
    }

    /** The refreshed staff card, for updates and for answers to staff clicks (colleagues reused when known). */
    async card(context: TurnContext, ticket: Ticket, notice?: string, known?: Person[], extra: Pick<StaffCardOptions, 'answerDraft'> = {}): Promise<Attachment> {
        const colleagues = known ?? (await this.colleagues(context));
        return staffTicketCard(this.staffSpeaker(), ticket, {
            timeZone: this.deps.profile.timeZone,
            language: this.deps.profile.staffLanguage,
            colleagues,
            notice,
            ...extra,
        });
    }

    /** Posts a card as a new thread in the staff channel (the weekly digest); throws while the channel is unknown. */
    async postToStaffChannel(card: Attachment): Promise<void> {
        await this.startStaffThread(card, () => Promise.resolve());
    }

    /** A new thread in the staff channel with `card` as its root; throws while the channel is unknown. */
    private async startStaffThread(card: Attachment, then: (context: TurnContext) => Promise<void>): Promise<void> {
        const channel = await this.deps.staffChannels.get();
        if (!channel) {
            throw new StaffChannelUnavailableError(
                this.deps.staffChannels.configured
                    ? 'the staff channel is unknown: install the bot in the STAFF_TEAM_ID team'
                    : 'STAFF_TEAM_ID is not set: the notice waits in the outbox (npm run tickets lists the tickets)',
            );
        }
        await this.deps.adapter.createConversationAsync(
            this.deps.botAppId,
            'msteams',
            channel.serviceUrl,
            DEFAULT_AUDIENCE,
            {
                isGroup: true,
                bot: channel.bot,
                members: [],
                channelData: { channel: { id: channel.channelId }, tenant: channel.tenantId ? { id: channel.tenantId } : undefined },
                // The first message of a new conversation: its content only, the channel addresses it.
                activity: MessageFactory.attachment(card) as Activity,
            },
            then,
        );
    }

    private staffSpeaker() {
        return languageSpeaker(this.deps.translator, this.deps.profile, this.deps.profile.staffLanguage);
    }

    private async openThread(ticket: Ticket): Promise<StaffThread> {
        const firstCard = staffTicketCard(this.staffSpeaker(), ticket, { timeZone: this.deps.profile.timeZone, language: this.deps.profile.staffLanguage, colleagues: [] });
        let thread: StaffThread | undefined;
        await this.startStaffThread(firstCard, async (context) => {
            const conversationId = context.activity.conversation.id;
            // Teams names a thread "<channel>;messageid=<root message>": the root is the card.
            let cardActivityId = /;messageid=(.+)$/.exec(conversationId)?.[1];
            const fullCard = MessageFactory.attachment(await this.card(context, ticket));
            if (cardActivityId) await context.updateActivity({ ...fullCard, id: cardActivityId });
            else cardActivityId = (await context.sendActivity(fullCard))?.id ?? '';
            thread = { conversationId, cardActivityId, reference: addressOf(context.activity) };
        });
        if (!thread) throw new InternalError('the staff thread was not created');
        return thread;
    }
}
