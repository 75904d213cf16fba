import { ComponentDialog, Dialog, DialogContainer, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Attachment, TurnContext } from 'botbuilder';
import { askLibraryAction } from '../cards/commonActions';
import { contactsCard, feesCard, generalHelpCard, STATUS_KEYS, statusDetailCard, type StatusKey } from '../cards/infoCards';
import type { ButtonOrigin } from '../cards/payloads';
import type { StepId } from '../flow/flowSteps';
import type { Recognition } from '../understanding/recognizer';
import { noteChoice } from './questionRecords';
import { answerTypedQuestion, showAnswer, type QuestionPlace } from './typedQuestions';
import { HELP_TICKET_DIALOG, STATUS_EXPLAINER_DIALOG, type HelpTicketOptions } from './dialogIds';
import { otherLanguage, type Language } from '../core/language';
import type { Command } from './choiceMatching';
import { setLanguage, speakerFor, type DialogBasics } from './dialogServices';
import { turnLanguage } from '../state/turnFacts';
import { turnInput } from './turnInput';
import { MENU_CARD, RESUME_CARD, STATUS_CARD } from './awaiting';
import { isMenuChoice } from './menuChoices';

/** "Guide me from this step": the step, and the answer whose button it was (what it says of the user's situation). */
export interface GuideRequest {
    stepId: StepId;
    answerId?: string;
}

/** What a dialog hands back to the main menu when it ends. */
export interface DialogOutcome {
    /** menu: show the main menu; idle: say nothing more; back: return to whatever came before; guide: go on with the saved flow. */
    next: 'menu' | 'idle' | 'back' | 'guide';
    /** A welcome-menu choice clicked on an older card while a dialog ran: the menu acts on it. */
    pick?: string;
    /** With `guide`: "guide me from this step" from an answer, for the guided flow to place the user. */
    guide?: GuideRequest;
}

export const toMenu: DialogOutcome = { next: 'menu' };

export function isOutcome(value: unknown): value is DialogOutcome {
    return !!value && typeof value === 'object' && typeof (value as DialogOutcome).next === 'string';
}

/** An outcome that leaves the dialog it came back to as well: for the menu, or to be guided elsewhere. */
export function leavesParent(outcome: DialogOutcome): boolean {
    return outcome.next === 'menu' || outcome.next === 'guide';
}

/** A click on a card the bot no longer waits on. */
export interface OlderClick {
    choice?: string;
    origin?: ButtonOrigin;
}

/**
 * Acts on what the activity router sorted this turn's message into, for every dialog that extends
 * this class; the innermost such dialog answers. Commands (help, cancel, menu, back, language, the
 * library), answers to typed questions, "guide me from this step" and clicks on older cards work on
 * every step; the dialog's own waterfall sees only the choices of the card it waits on.
 */
export abstract class InterruptibleDialog<S extends DialogBasics = DialogBasics> extends ComponentDialog {
    protected constructor(
        id: string,
        protected readonly services: S,
    ) {
        super(id);
    }

    protected async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
        // A nested dialog of this kind is closer to what the user sees: let it answer. Asked of the
        // dialog itself, not through `innerDc.child`, which would build the child's context only to
        // throw it away (the child builds its own when it continues).
        if (this.hasNestedDialogs(innerDc)) return super.onContinueDialog(innerDc);
        const input = turnInput(innerDc.context);
        switch (input.kind) {
            case 'command':
                return this.interrupt(innerDc, input.command);
            case 'answerClick':
                return this.answerClicked(innerDc, input.answerId, input.asked);
            case 'guideFrom':
                return this.guideFrom(innerDc, { stepId: input.stepId, answerId: input.answerId });
            case 'typedQuestion':
                return this.typedQuestion(innerDc, input.text, input.recognition);
            case 'smallTalk':
                return this.smallTalk(innerDc, input.answerId);
            case 'olderClick':
                return this.olderClick(innerDc, input);
            default:
                // A choice of the awaited card (clicked or typed), free text, or nothing: the dialog's own step.
                return super.onContinueDialog(innerDc);
        }
    }

    private hasNestedDialogs(innerDc: DialogContext): boolean {
        const active = innerDc.activeDialog;
        return !!active && innerDc.findDialog(active.id) instanceof DialogContainer;
    }

    protected async interrupt(innerDc: DialogContext, command: Command): Promise<DialogTurnResult> {
        const speaker = speakerFor(this.services, innerDc.context);
        switch (command.name) {
            case 'help':
                return this.showHelp(innerDc);
            case 'library':
                await innerDc.context.sendActivity({ attachments: [contactsCard(speaker, this.findDialog(HELP_TICKET_DIALOG) ? [askLibraryAction(speaker)] : [])] });
                return this.redisplay(innerDc);
            case 'ticket':
                // "None of these" after "did you mean": noted on the question kept for the library.
                await noteChoice(this.services, innerDc.context, command.asked);
                // The question goes to the library from where the user is; afterwards they are back here.
                if (this.findDialog(HELP_TICKET_DIALOG)) return innerDc.beginDialog(HELP_TICKET_DIALOG, { question: command.question } satisfies HelpTicketOptions);
                await innerDc.context.sendActivity({ attachments: [contactsCard(speaker)] });
                return this.redisplay(innerDc);
            case 'language':
                await this.switchLanguage(innerDc, command.language);
                return this.redisplay(innerDc);
            case 'status':
                if (this.findDialog(STATUS_EXPLAINER_DIALOG)) return innerDc.beginDialog(STATUS_EXPLAINER_DIALOG);
                return this.redisplay(innerDc);
            case 'fees':
                return this.answerWith(innerDc, { attachments: [feesCard(speaker, [])] });
            case 'repeat':
                return this.redisplay(innerDc);
            case 'back':
                return this.goBack(innerDc);
            case 'menu':
                return this.finish(innerDc, toMenu);
            case 'cancel':
                await this.onCancel(innerDc);
                await innerDc.context.sendActivity(speaker.say('cancel.done'));
                return this.finish(innerDc, toMenu);
        }
    }

    /** Shows the dialog's current question again (after help, contacts, a language switch). */
    protected abstract redisplay(innerDc: DialogContext): Promise<DialogTurnResult>;

    /**
     * A one-line reminder of the question the user is on, sent with an answer in the same message so
     * the answer stays in view; none where the question is short enough to show again.
     */
    protected placeReminder(_context: TurnContext): Promise<Attachment | undefined> {
        return Promise.resolve(undefined);
    }

    /** After an answer (typed question, a fact card): the user's place comes back, as a reminder or in full. */
    protected afterAnswer(innerDc: DialogContext, reminded: boolean): Promise<DialogTurnResult> {
        return reminded ? Promise.resolve(Dialog.EndOfTurn) : this.redisplay(innerDc);
    }

    /** Where the user is, for an answer's "guide me from this step" and the question log. */
    protected async place(context: TurnContext): Promise<QuestionPlace> {
        return { progress: await this.services.progress.get(context) };
    }

    /** Sends an answer with the reminder of the user's place in the same message. */
    private async answerWith(innerDc: DialogContext, activity: { text?: string; attachments?: Attachment[] }): Promise<DialogTurnResult> {
        const reminder = await this.placeReminder(innerDc.context);
        await innerDc.context.sendActivity({ ...activity, attachments: [...(activity.attachments ?? []), ...(reminder ? [reminder] : [])] });
        return this.afterAnswer(innerDc, !!reminder);
    }

    private async typedQuestion(innerDc: DialogContext, text: string, recognition: Recognition): Promise<DialogTurnResult> {
        const reminder = await this.placeReminder(innerDc.context);
        await answerTypedQuestion(this.services, innerDc.context, await this.place(innerDc.context), { text, recognition, after: reminder ? [reminder] : [] });
        return this.afterAnswer(innerDc, !!reminder);
    }

    private async answerClicked(innerDc: DialogContext, answerId: string, asked: string | undefined): Promise<DialogTurnResult> {
        const reminder = await this.placeReminder(innerDc.context);
        const shown = await showAnswer(this.services, innerDc.context, answerId, { text: '', asked }, await this.place(innerDc.context), { after: reminder ? [reminder] : [] });
        return shown ? this.afterAnswer(innerDc, !!reminder) : this.olderClick(innerDc, {});
    }

    /** Hello, thanks, goodbye: answered in a sentence, the user's place kept. */
    protected async smallTalk(innerDc: DialogContext, answerId: string): Promise<DialogTurnResult> {
        const speaker = speakerFor(this.services, innerDc.context);
        return this.answerWith(innerDc, { text: speaker.sayList(`answers.${answerId}.text`).join('\n\n') });
    }

    /**
     * A button of a card the bot no longer waits on. A welcome-menu choice works anywhere; what a
     * status means can be shown anywhere; anything else is not applied to the question of now: the
     * user is told so, and sees where they are.
     */
    protected async olderClick(innerDc: DialogContext, click: OlderClick): Promise<DialogTurnResult> {
        const card = click.origin?.card;
        const { choice } = click;
        if (choice && (card === MENU_CARD || (card === RESUME_CARD && choice === 'resume')) && isMenuChoice(choice)) return this.menuChoiceElsewhere(innerDc, choice);
        if (card === RESUME_CARD && choice === 'showMenu') return this.finish(innerDc, toMenu);
        if (card === STATUS_CARD && (STATUS_KEYS as readonly string[]).includes(choice ?? '')) {
            return this.answerWith(innerDc, { attachments: [statusDetailCard(speakerFor(this.services, innerDc.context), this.services.profile, choice as StatusKey, [])] });
        }
        await innerDc.context.sendActivity(speakerFor(this.services, innerDc.context).say('clicks.notCurrent'));
        return this.redisplay(innerDc);
    }

    /**
     * A welcome-menu choice clicked while something else runs. Facts (fees, contacts) and the status
     * explainer come here and the user stays where they are; a topic of its own leaves for the menu,
     * where a saved flow is offered again ("continue where I left off").
     */
    protected async menuChoiceElsewhere(innerDc: DialogContext, choice: string): Promise<DialogTurnResult> {
        const speaker = speakerFor(this.services, innerDc.context);
        switch (choice) {
            case 'fees':
                return this.answerWith(innerDc, { attachments: [feesCard(speaker, [])] });
            case 'contact':
                return this.answerWith(innerDc, { attachments: [contactsCard(speaker, this.findDialog(HELP_TICKET_DIALOG) ? [askLibraryAction(speaker)] : [])] });
            case 'language':
                await this.switchLanguage(innerDc, undefined);
                return this.redisplay(innerDc);
            case 'status':
                if (this.findDialog(STATUS_EXPLAINER_DIALOG)) return innerDc.beginDialog(STATUS_EXPLAINER_DIALOG);
                break;
            case 'askLibrary':
                if (this.findDialog(HELP_TICKET_DIALOG)) return innerDc.beginDialog(HELP_TICKET_DIALOG);
                break;
        }
        await this.onLeave(innerDc);
        return this.finish(innerDc, { next: 'menu', pick: choice });
    }

    /** "Guide me from this step": the guided flow takes over and places the user (asking first what it must know). */
    protected async guideFrom(innerDc: DialogContext, request: GuideRequest): Promise<DialogTurnResult> {
        await this.onLeave(innerDc);
        return this.finish(innerDc, { next: 'guide', guide: request });
    }

    protected async showHelp(innerDc: DialogContext): Promise<DialogTurnResult> {
        await innerDc.context.sendActivity({ attachments: [generalHelpCard(speakerFor(this.services, innerDc.context))] });
        return this.redisplay(innerDc);
    }

    protected async goBack(innerDc: DialogContext): Promise<DialogTurnResult> {
        return this.finish(innerDc, toMenu);
    }

    /** What cancelling forgets; nothing by default. */
    protected async onCancel(_innerDc: DialogContext): Promise<void> {}

    /** Said when the user leaves this dialog for another topic; an errand says what it drops. */
    protected async onLeave(_innerDc: DialogContext): Promise<void> {}

    protected async finish(innerDc: DialogContext, outcome: DialogOutcome): Promise<DialogTurnResult> {
        await innerDc.cancelAllDialogs();
        return { status: DialogTurnStatus.complete, result: outcome };
    }

    private async switchLanguage(innerDc: DialogContext, wanted: Language | undefined): Promise<void> {
        const language = wanted ?? otherLanguage(turnLanguage(innerDc.context));
        await setLanguage(this.services, innerDc.context, language);
        await innerDc.context.sendActivity(speakerFor(this.services, innerDc.context).say('language.switched'));
    }
}
