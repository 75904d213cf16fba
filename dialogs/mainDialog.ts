import { TeamsInfo, type TurnContext } from 'botbuilder';
import { otherLanguage } from '../core/language';
import { Dialog, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { privacyFinding } from '../core/turnFacts';
import { contactsCard, feesCard, generalHelpCard, menuCard, resumeCard } from '../cards/infoCards';
import { askLibraryAction, menuAction } from '../cards/commonActions';
import type { Choice } from '../cards/payloads';
import { keyedChoice, matchChoice, recognizeCommand, type Command } from './choiceMatching';
import { setLanguage, speakerFor, type DialogServices } from './dialogServices';
import { turnLanguage } from '../core/turnFacts';
import { type FlowProgress } from '../flow/progress';
import { isApplicationKind, positionOf, stepVariant } from '../flow/flowSteps';
import { HELP_TICKET_DIALOG, MY_TICKETS_DIALOG, STATUS_EXPLAINER_DIALOG } from './dialogIds';
import { answerTypedQuestion, isGreeting } from './typedQuestions';
import { GUIDED_FLOW_DIALOG, GuidedFlowDialog } from './guidedFlowDialog';
import { HelpTicketDialog } from './helpTicketDialog';
import { MyTicketsDialog } from './myTicketsDialog';
import { InterruptibleDialog, type DialogOutcome } from './interruptibleDialog';
import { StatusExplainerDialog } from './statusExplainerDialog';
import { RENEWAL_REMINDERS_DIALOG } from './dialogIds';
import { RenewalReminderDialog } from './renewalReminderDialog';

export const MAIN_DIALOG = 'main';
const MENU_WATERFALL = 'main.menu';

export interface MainDialogOptions {
    /** First contact in this conversation: say hello. */
    greet?: boolean;
    /** The user comes back with a flow half done: offer to continue it or start over. */
    offerResume?: boolean;
    /** Act on what the user just wrote (a menu title, a language) instead of ignoring it. */
    routeInput?: boolean;
    /** The last card already carries the menu's choices: wait without drawing the menu again. */
    quiet?: boolean;
    /** Go straight on with the saved flow (an answer's "guide me from this step"). */
    resumeFlow?: boolean;
}

interface RoutedInput {
    picked: string;
}

export const MENU_CHOICES = ['first', 'renewal', 'lost', 'status', 'askLibrary', 'myTickets', 'reminders', 'fees', 'contact', 'language'] as const;
export const RESUME_CHOICES = ['resume', 'restart', 'showMenu'] as const;

/** The root dialog: welcome, resume offer, main menu, and a loop back to the menu after each topic. */
export class MainDialog extends InterruptibleDialog {
    constructor(services: DialogServices) {
        super(MAIN_DIALOG, services);
        this.addDialog(new WaterfallDialog<MainDialogOptions>(MENU_WATERFALL, [
            this.showMenu.bind(this), this.route.bind(this), this.afterTopic.bind(this),
        ]));
        this.addDialog(new GuidedFlowDialog(services));
        this.addDialog(new StatusExplainerDialog(services));
        this.addDialog(new HelpTicketDialog(services));
        this.addDialog(new MyTicketsDialog(services));
        this.addDialog(new RenewalReminderDialog(services)); // renewal reminders (issue 15)
        this.initialDialogId = MENU_WATERFALL;
    }

    private async showMenu(step: WaterfallStepContext<MainDialogOptions>): Promise<DialogTurnResult> {
        const options = step.options ?? {};
        const { context } = step;
        const progress = await this.services.progress.get(context);
        if (options.resumeFlow) return step.next({ picked: 'resume' } satisfies RoutedInput);
        const speaker = speakerFor(this.services, context);
        if (options.routeInput) {
            const picked = matchChoice(context, this.choices(context, progress), this.services.translator);
            if (picked) return step.next({ picked } satisfies RoutedInput);
            const command = recognizeCommand(context, this.services.translator);
            if (command) await this.applyOpeningCommand(context, command);
            // People ask first and click second: a first message that is a question gets its answer under the welcome.
            else if (context.activity.text?.trim() && !privacyFinding(context) && !isGreeting(context)) {
                if (options.greet) await context.sendActivity({ attachments: [menuCard(speaker, this.choices(context, progress), await this.welcome(context))] });
                await answerTypedQuestion(this.services, context, { progress });
                return Dialog.EndOfTurn;
            }
        }
        if (options.quiet) return Dialog.EndOfTurn;
        if (options.offerResume && progress) {
            const where = { ...positionOf(progress.stepId, progress.kind, progress.answers), title: speaker.say(`steps.${progress.stepId}.title`, { context: stepVariant(progress.stepId, progress.answers, progress.kind) }) };
            await context.sendActivity({ attachments: [resumeCard(speaker, this.resumeChoices(context), where)] });
            return Dialog.EndOfTurn;
        }
        const intro = options.greet ? await this.welcome(context) : speaker.sayList('menu.prompt');
        await context.sendActivity({ attachments: [menuCard(speaker, this.choices(context, progress), intro)] });
        return Dialog.EndOfTurn;
    }

    private async route(step: WaterfallStepContext<MainDialogOptions>): Promise<DialogTurnResult> {
        const { context } = step;
        const progress = await this.services.progress.get(context);
        // A waterfall hands the typed text to the next step; only a routed first message carries a pick.
        const routed = step.result as RoutedInput | string | undefined;
        const picked = (typeof routed === 'object' ? routed.picked : undefined)
            ?? matchChoice(context, [...this.choices(context, progress), ...this.resumeChoices(context)], this.services.translator);
        const speaker = speakerFor(this.services, context);
        if (isApplicationKind(picked)) return step.beginDialog(GUIDED_FLOW_DIALOG, { kind: picked });
        switch (picked) {
            case 'resume':
                return progress ? step.beginDialog(GUIDED_FLOW_DIALOG) : step.replaceDialog(MENU_WATERFALL);
            case 'restart':
                return progress ? step.beginDialog(GUIDED_FLOW_DIALOG, { kind: progress.kind }) : step.replaceDialog(MENU_WATERFALL);
            case 'showMenu':
                return step.replaceDialog(MENU_WATERFALL);
            case 'status':
                return step.beginDialog(STATUS_EXPLAINER_DIALOG);
            case 'askLibrary':
                return step.beginDialog(HELP_TICKET_DIALOG);
            case 'myTickets':
                return step.beginDialog(MY_TICKETS_DIALOG);
            case 'reminders':
                return step.beginDialog(RENEWAL_REMINDERS_DIALOG);
            case 'fees':
                await context.sendActivity({ attachments: [feesCard(speaker, this.choices(context, progress).filter((choice) => choice.id === 'first'))] });
                return step.replaceDialog(MENU_WATERFALL, { quiet: true });
            case 'contact':
                await context.sendActivity({ attachments: [contactsCard(speaker, [askLibraryAction(speaker), menuAction(speaker)])] });
                return step.replaceDialog(MENU_WATERFALL, { quiet: true });
            case 'language':
                await setLanguage(this.services, context, otherLanguage(turnLanguage(context)));
                return step.replaceDialog(MENU_WATERFALL);
            default:
                // A hello at the menu is answered with the menu itself.
                if (isGreeting(context)) return step.replaceDialog(MENU_WATERFALL);
                if (await answerTypedQuestion(this.services, context, { progress })) return step.replaceDialog(MENU_WATERFALL, { quiet: true });
                if (!privacyFinding(context)) await context.sendActivity(speaker.say('flow.chooseAnOption'));
                return step.replaceDialog(MENU_WATERFALL);
        }
    }

    private async afterTopic(step: WaterfallStepContext<MainDialogOptions>): Promise<DialogTurnResult> {
        const outcome = step.result as DialogOutcome | undefined;
        if (outcome?.next === 'guide') return step.replaceDialog(MENU_WATERFALL, { resumeFlow: true });
        return outcome?.next === 'idle' ? step.endDialog() : step.replaceDialog(MENU_WATERFALL);
    }

    protected async redisplay(innerDc: DialogContext): Promise<DialogTurnResult> {
        return innerDc.replaceDialog(MENU_WATERFALL);
    }

    /** The menu is the bottom of the stack: menu, back and cancel all land here again. */
    protected async finish(innerDc: DialogContext, outcome: DialogOutcome): Promise<DialogTurnResult> {
        await innerDc.cancelAllDialogs();
        return innerDc.beginDialog(MENU_WATERFALL, { resumeFlow: outcome.next === 'guide' } satisfies MainDialogOptions);
    }

    /** At the menu an answer stands on its own: the menu card above still holds the choices. */
    protected afterAnswer(innerDc: DialogContext): Promise<DialogTurnResult> {
        return innerDc.replaceDialog(MENU_WATERFALL, { quiet: true } satisfies MainDialogOptions);
    }

    private async welcome(context: TurnContext): Promise<string[]> {
        const name = await displayName(context, this.services);
        return speakerFor(this.services, context).sayList('menu.welcome', { context: name ? 'named' : undefined, name });
    }

    /** A first message such as "help" or "English" is honoured before the menu appears. */
    private async applyOpeningCommand(context: TurnContext, command: Command): Promise<void> {
        const speaker = speakerFor(this.services, context);
        if (command.name === 'language') await setLanguage(this.services, context, command.language ?? otherLanguage(turnLanguage(context)));
        if (command.name === 'help') await context.sendActivity({ attachments: [generalHelpCard(speaker)] });
        if (command.name === 'library') await context.sendActivity({ attachments: [contactsCard(speaker)] });
    }

    private choices(context: TurnContext, progress: FlowProgress | undefined): Choice[] {
        const speaker = speakerFor(this.services, context);
        const ids = [...(progress ? ['resume'] : []), ...MENU_CHOICES];
        const position = progress ? { ...positionOf(progress.stepId, progress.kind, progress.answers) } : undefined;
        return ids.map((id) => keyedChoice(speaker, id, `menu.options.${id}`, id === 'resume' ? position : undefined));
    }

    private resumeChoices(context: TurnContext): Choice[] {
        const speaker = speakerFor(this.services, context);
        return RESUME_CHOICES.map((id) => keyedChoice(speaker, id, `resume.options.${id}`));
    }
}

/**
 * The user's name for the greeting. Teams' events carry none: there the member profile is read
 * once and the name kept in user state. Elsewhere `from.name`, when it is a name at all (Web Chat
 * often says nothing useful).
 */
async function displayName(context: TurnContext, services: DialogServices): Promise<string | undefined> {
    if (context.activity.channelId === 'msteams') {
        const kept = await services.memory.user.displayName.get(context);
        if (kept) return kept;
        const profileName = await teamsProfileName(context, services);
        if (profileName) {
            await services.memory.user.displayName.set(context, profileName);
            return profileName;
        }
    }
    return realName(context.activity.from?.name);
}

/** The name on the user's Teams member profile; none when Teams cannot say (the greeting goes on without it). */
async function teamsProfileName(context: TurnContext, services: DialogServices): Promise<string | undefined> {
    try {
        return realName((await TeamsInfo.getMember(context, context.activity.from.id)).name);
    } catch (error) {
        services.logger.debug('no Teams member profile for the greeting', { error: (error as Error).message });
        return undefined;
    }
}

function realName(name: string | undefined): string | undefined {
    const trimmed = name?.trim();
    return trimmed && !/^(user|you|sen|siz)$/i.test(trimmed) ? trimmed : undefined;
}
