import { ActivityHandler, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { DialogSet, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import { speakerFor, type DialogServices } from '../dialogs/dialogServices';
import { MAIN_DIALOG, MainDialog, type MainDialogOptions } from '../dialogs/mainDialog';
import type { DialogInput } from '../dialogs/turnInput';
import { renderGuideCard } from '../cards/guideCard';
import type { RenewalReminderClick } from '../cards/payloads';
import type { ConversationReferences } from './conversationReferences';
import { languageFromLocale } from '../core/language';
import { setTurnLanguage } from '../state/turnFacts';
import { isSharedConversation } from './teamsConversation';
import { flushTranscript, recordTranscript } from './transcriptRecorder';
import { handleStaffAction, type StaffActionDependencies } from './staffActions';
import type { StaffChannelRegistry } from './staffChannel';
import { handleUserTicketMessage } from '../dialogs/userTicketMessage';
import { handleRenewalReminderClick } from '../dialogs/renewalReminderClicks';
import { answerStaffReport, type StaffReportDependencies } from './staffReport';
import { answerStaffAnswers, handleStaffAnswerAction, type StaffAnswerDependencies } from './staffAnswers';
import { stampReplyLocale } from './replyLocale';
import { joinHeldToNextMessage, sendHeld } from '../state/sameMessage';
import { ActivityRouter, classifyInvoke } from './activityRouter';

export interface EImzaBotOptions {
    /** After this long without a word, a user is offered to resume instead of being dropped mid-step. */
    resumeAfterMs: number;
    staffChannels: StaffChannelRegistry;
    staffActions: StaffActionDependencies;
    references: ConversationReferences;
    /** Insights: staff mentioning the bot with "rapor" in the staff channel get the report card (off without it). */
    staffReport?: StaffReportDependencies;
    /** The library's answers: "cevaplar" in the staff channel, "Cevaplara ekle" on tickets (off without it). */
    staffAnswers?: StaffAnswerDependencies;
}

/** Marks the turn that owns an entry of `welcoming`. */
const WELCOMING = Symbol('eimza.welcoming');

/** Turns Bot Framework activities into dialog turns; all conversation logic lives in dialogs/. */
export class EImzaBot extends ActivityHandler {
    private readonly dialogState: StatePropertyAccessor<DialogState>;
    private readonly lastSeenAt: StatePropertyAccessor<number | undefined>;
    private readonly welcomed: StatePropertyAccessor<boolean>;
    private readonly referenceSaved: StatePropertyAccessor<string | undefined>;
    private readonly dialogs: DialogSet;
    /** Personal chats whose welcome this instance is sending and has not saved yet. */
    private readonly welcoming = new Set<string>();
    /** Sorts every message once and hands it to its one handler (bot/activityRouter.ts). */
    private readonly router: ActivityRouter;

    constructor(
        private readonly services: DialogServices,
        private readonly options: EImzaBotOptions,
    ) {
        super();
        ({ dialogState: this.dialogState, lastSeenAt: this.lastSeenAt, welcomed: this.welcomed, referenceSaved: this.referenceSaved } = services.memory.conversation);
        this.dialogs = new DialogSet(this.dialogState).add(new MainDialog(services));
        this.router = new ActivityRouter(services, this.dialogs, {
            useUserLanguage: (context) => this.useUserLanguage(context),
            staffAsks: (context) => {
                const staffTeam = this.options.staffChannels.isStaffTeam(context);
                return { report: staffTeam && !!this.options.staffReport, answers: staffTeam && !!this.options.staffAnswers };
            },
            staffReport: async (context) => {
                if (this.options.staffReport) await answerStaffReport(context, this.options.staffReport);
            },
            staffAnswers: async (context) => {
                if (this.options.staffAnswers) await answerStaffAnswers(context, this.options.staffAnswers);
            },
            // An answer to the library typed into a notice card is relayed (masked) without any dialog.
            ticketMessage: (context, message) => handleUserTicketMessage(context, this.services, message),
            reminderClick: (context, click, dc) => this.renewalReminderClick(context, click, dc),
            dialogs: (context, input, dc) => this.continueDialogs(context, input, dc),
        });

        this.onMessage(async (context, next) => {
            await this.router.routeMessage(context);
            await next();
        });

        // Removing the app ends proactive messages to that user.
        this.onInstallationUpdateRemove(async (context, next) => {
            if (!isSharedConversation(context)) {
                await this.options.references.forget(context);
                // A later reinstall in the same chat must put the user back on record.
                await this.referenceSaved.delete(context);
            }
            await next();
        });

        this.onMembersAdded(async (context, next) => {
            const added = context.activity.membersAdded ?? [];
            const botAdded = added.some((member) => member.id === context.activity.recipient.id);
            if (isSharedConversation(context)) {
                // Added to a team or group chat: say once what the bot does there, not the personal menu.
                if (botAdded) await this.welcomeTeam(context);
                return next();
            }
            const humansJoined = added.some((member) => member.id !== context.activity.recipient.id);
            // Teams announces a personal install with the bot as the member added (and no human).
            if (humansJoined || (botAdded && context.activity.channelId === 'msteams')) await this.welcomePersonal(context);
            await next();
        });

        // Teams also says "installed" with an installationUpdate; whichever of the two comes first welcomes.
        this.onInstallationUpdateAdd(async (context, next) => {
            // Not on "add-upgrade": a new version of the app is no new install.
            if (context.activity.action === 'add') {
                if (isSharedConversation(context)) await this.welcomeTeam(context);
                else await this.welcomePersonal(context);
            }
            await next();
        });
    }

    async run(context: TurnContext): Promise<void> {
        try {
            await this.options.staffChannels.learnFrom(context);
            if (!isSharedConversation(context) && context.activity.type === 'message') await this.rememberReference(context);
            recordTranscript(context, this.services.recentTurns);
            stampReplyLocale(context);
            joinHeldToNextMessage(context);
            await super.run(context);
            await sendHeld(context);
            await flushTranscript(context);
            // Saved once, at the end of the turn; each state is written only if it changed.
            await this.services.conversationState.saveChanges(context, false);
            await this.services.userState.saveChanges(context, false);
        } finally {
            // Only now is `welcomed` saved: a second install event may read it from here on.
            if (context.turnState.get(WELCOMING)) this.welcoming.delete(context.activity.conversation.id);
        }
    }

    /** The personal welcome: greeting and menu in the user's language, once per chat. */
    private async welcomePersonal(context: TurnContext): Promise<void> {
        if (!(await this.claimWelcome(context))) return;
        await this.useUserLanguage(context);
        const dc = await this.dialogs.createContext(context);
        if (!dc.activeDialog) await dc.beginDialog(MAIN_DIALOG, { greet: true, offerResume: true } satisfies MainDialogOptions);
    }

    /**
     * True for the one turn that welcomes this chat. Teams sends a conversationUpdate and an
     * installationUpdate for one install, often at the same moment: `welcomed` (saved at the end of
     * the turn) answers one after the other, `welcoming` (this instance, until that save) both at once.
     */
    private async claimWelcome(context: TurnContext): Promise<boolean> {
        const conversationId = context.activity.conversation.id;
        // Checked and claimed with no await in between, so two turns at once cannot both pass.
        if ((await this.welcomed.get(context, false)) || this.welcoming.has(conversationId)) return false;
        this.welcoming.add(conversationId);
        context.turnState.set(WELCOMING, true);
        await this.welcomed.set(context, true);
        return true;
    }

    /** Once per chat: the conversation state (read anyway) says whether this chat is on record. */
    private async rememberReference(context: TurnContext): Promise<void> {
        const where = `${context.activity.conversation.id}|${context.activity.serviceUrl}`;
        if ((await this.referenceSaved.get(context)) === where) return;
        await this.options.references.remember(context);
        await this.referenceSaved.set(context, where);
    }

    private async welcomeTeam(context: TurnContext): Promise<void> {
        if (!(await this.claimWelcome(context))) return;
        await this.useUserLanguage(context);
        const speaker = speakerFor(this.services, context);
        const which = this.options.staffChannels.isStaffTeam(context) ? 'staffTeam' : 'team';
        await context.sendActivity({ attachments: [renderGuideCard({ title: speaker.say(`teams.${which}.title`), paragraphs: speaker.sayList(`teams.${which}.body`) })] });
    }

    protected async onAdaptiveCardInvoke(context: TurnContext, invoke: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
        const incoming = classifyInvoke(invoke);
        if (incoming?.kind === 'staffVerb') return handleStaffAction(context, incoming.verb, invoke, this.options.staffActions);
        if (incoming?.kind === 'answerVerb' && this.options.staffAnswers) return handleStaffAnswerAction(context, incoming.verb, invoke, this.options.staffAnswers);
        return super.onAdaptiveCardInvoke(context, invoke);
    }

    /**
     * The user's explicit choice (menu, "English") wins and is the only language remembered; until
     * there is one, the client's locale decides turn by turn. An install event carries no locale:
     * remembering its Turkish would keep an English Teams user in Turkish for good.
     */
    private async useUserLanguage(context: TurnContext): Promise<void> {
        const chosen = await this.services.language.get(context);
        setTurnLanguage(context, chosen ?? languageFromLocale(context.activity.locale));
    }

    /** A button on a renewal reminder; "start the renewal" starts the guided renewal at step 1 in place of whatever was open. */
    private async renewalReminderClick(context: TurnContext, click: RenewalReminderClick, dc: DialogContext): Promise<void> {
        if ((await handleRenewalReminderClick(context, this.services, click)) !== 'start') return;
        await dc.cancelAllDialogs();
        await this.welcomed.set(context, true);
        await dc.beginDialog(MAIN_DIALOG, { resumeFlow: true } satisfies MainDialogOptions);
    }

    /** A message for the dialogs: the open one continues, or the menu takes it (with the welcome on a first contact). */
    private async continueDialogs(context: TurnContext, input: DialogInput, dc: DialogContext): Promise<void> {
        // Some channels (Teams, often) send no conversationUpdate first: greet on the first message instead.
        const greet = !(await this.welcomed.get(context, false)) && !this.welcoming.has(context.activity.conversation.id);
        await this.welcomed.set(context, true);
        const now = this.services.clock.now();
        const lastSeen = await this.lastSeenAt.get(context);
        await this.lastSeenAt.set(context, now);
        const cameBack = lastSeen !== undefined && now - lastSeen > this.options.resumeAfterMs;
        // Back after a long while: the flow is offered again, unless the user simply answers the card in front of them.
        const answersAwaited = input.kind === 'click' || input.kind === 'typedChoice';
        if (dc.activeDialog && cameBack && !answersAwaited && (await this.services.progress.get(context))) {
            await dc.cancelAllDialogs();
            await dc.beginDialog(MAIN_DIALOG, { offerResume: true } satisfies MainDialogOptions);
            return;
        }
        if (dc.activeDialog) {
            await dc.continueDialog();
            return;
        }
        await dc.beginDialog(MAIN_DIALOG, { routeInput: true, offerResume: true, greet } satisfies MainDialogOptions);
    }
}
