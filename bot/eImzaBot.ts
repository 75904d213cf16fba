import {
    ActivityHandler, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type StatePropertyAccessor, type TurnContext,
} from 'botbuilder';
import { DialogSet, type DialogState } from 'botbuilder-dialogs';
import { setLanguage, speakerFor, type DialogServices } from '../dialogs/dialogServices';
import { MAIN_DIALOG, MainDialog, type MainDialogOptions } from '../dialogs/mainDialog';
import { renderGuideCard } from '../cards/guideCard';
import type { ConversationReferences } from './conversationReferences';
import { languageFromLocale } from '../core/language';
import { onlySecret } from '../core/privacyGuard';
import { privacyFinding } from '../core/turnFacts';
import { isSharedConversation, mentionsBot, stripBotMention } from './teamsConversation';
import { flushTranscript, recordTranscript } from './transcriptRecorder';
import { handleStaffAction, type StaffActionDependencies } from './staffActions';
import { staffVerbOf } from '../tickets/staffVerbs';
import type { StaffChannelRegistry } from '../tickets/staffChannel';
import { handleUserTicketMessage } from '../dialogs/userTicketMessage';

export interface EImzaBotOptions {
    /** After this long without a word, a user is offered to resume instead of being dropped mid-step. */
    resumeAfterMs: number;
    staffChannels: StaffChannelRegistry;
    staffActions: StaffActionDependencies;
    references: ConversationReferences;
}

/** Turns Bot Framework activities into dialog turns; all conversation logic lives in dialogs/. */
export class EImzaBot extends ActivityHandler {
    private readonly dialogState: StatePropertyAccessor<DialogState>;
    private readonly lastSeenAt: StatePropertyAccessor<number | undefined>;
    private readonly welcomed: StatePropertyAccessor<boolean>;
    private readonly referenceSaved: StatePropertyAccessor<string | undefined>;
    private readonly dialogs: DialogSet;

    constructor(private readonly services: DialogServices, private readonly options: EImzaBotOptions) {
        super();
        ({ dialogState: this.dialogState, lastSeenAt: this.lastSeenAt, welcomed: this.welcomed, referenceSaved: this.referenceSaved } = services.memory.conversation);
        this.dialogs = new DialogSet(this.dialogState).add(new MainDialog(services));

        this.onMessage(async (context, next) => {
            if (isSharedConversation(context)) {
                // In a channel or group chat only an @mention is for the bot; the rest is the team talking.
                if (!mentionsBot(context)) return next();
                stripBotMention(context);
            }
            await this.useUserLanguage(context);
            const finding = privacyFinding(context);
            // An answer to the library typed into a notice card is relayed (masked) without any dialog.
            const relayed = await handleUserTicketMessage(context, this.services);
            if (finding) await context.sendActivity(speakerFor(this.services, context).say('privacy.warning', { context: finding.kinds[0] }));
            // A bare secret answers nothing: the last card stays where it is. Words around it go on, masked.
            if (!relayed && !(finding && onlySecret(finding.redacted))) {
                // Some channels (Teams, often) send no conversationUpdate first: greet on the first message instead.
                const greet = !(await this.welcomed.get(context, false));
                await this.welcomed.set(context, true);
                await this.runDialogs(context, { routeInput: true, offerResume: true, greet });
            }
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
            if (isSharedConversation(context)) {
                // Added to a team or group chat: say once what the bot does there, not the personal menu.
                if (added.some((member) => member.id === context.activity.recipient.id)) await this.welcomeTeam(context);
                return next();
            }
            const humansJoined = added.some((member) => member.id !== context.activity.recipient.id);
            if (humansJoined && !(await this.welcomed.get(context, false))) {
                await this.welcomed.set(context, true);
                await this.useUserLanguage(context);
                await this.runDialogs(context, { greet: true, offerResume: true });
            }
            await next();
        });
    }

    async run(context: TurnContext): Promise<void> {
        await this.options.staffChannels.learnFrom(context);
        if (!isSharedConversation(context) && context.activity.type === 'message') await this.rememberReference(context);
        recordTranscript(context, this.services.recentTurns);
        await super.run(context);
        await flushTranscript(context);
        await this.services.conversationState.saveChanges(context);
        await this.services.userState.saveChanges(context);
    }

    /** Once per chat: the conversation state (read anyway) says whether this chat is on record. */
    private async rememberReference(context: TurnContext): Promise<void> {
        const where = `${context.activity.conversation.id}|${context.activity.serviceUrl}`;
        if ((await this.referenceSaved.get(context)) === where) return;
        await this.options.references.remember(context);
        await this.referenceSaved.set(context, where);
    }

    private async welcomeTeam(context: TurnContext): Promise<void> {
        if (await this.welcomed.get(context, false)) return;
        await this.welcomed.set(context, true);
        await this.useUserLanguage(context);
        const speaker = speakerFor(this.services, context);
        const which = this.options.staffChannels.isStaffTeam(context) ? 'staffTeam' : 'team';
        await context.sendActivity({ attachments: [renderGuideCard({ title: speaker.say(`teams.${which}.title`), paragraphs: speaker.sayList(`teams.${which}.body`) })] });
    }

    protected async onAdaptiveCardInvoke(context: TurnContext, invoke: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
        const verb = staffVerbOf(invoke.action?.verb);
        if (verb) return handleStaffAction(context, verb, invoke, this.options.staffActions);
        return super.onAdaptiveCardInvoke(context, invoke);
    }

    /** The remembered choice wins; the first time, the client's locale decides and is remembered. */
    private async useUserLanguage(context: TurnContext): Promise<void> {
        const remembered = await this.services.language.get(context);
        await setLanguage(this.services, context, remembered ?? languageFromLocale(context.activity.locale));
    }

    private async runDialogs(context: TurnContext, startOptions: MainDialogOptions): Promise<void> {
        const dc = await this.dialogs.createContext(context);
        const now = this.services.clock.now();
        const lastSeen = await this.lastSeenAt.get(context);
        await this.lastSeenAt.set(context, now);
        const cameBack = lastSeen !== undefined && now - lastSeen > this.options.resumeAfterMs;
        if (dc.activeDialog && cameBack && (await this.services.progress.get(context))) {
            await dc.cancelAllDialogs();
            await dc.beginDialog(MAIN_DIALOG, { offerResume: true } satisfies MainDialogOptions);
            return;
        }
        if (dc.activeDialog) {
            await dc.continueDialog();
            return;
        }
        await dc.beginDialog(MAIN_DIALOG, startOptions);
    }
}
