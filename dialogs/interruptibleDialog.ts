import { ComponentDialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { askLibraryAction } from '../cards/commonActions';
import type { TurnContext } from 'botbuilder';
import { contactsCard, feesCard, generalHelpCard } from '../cards/infoCards';
import { userSubmitOf } from '../cards/payloads';
import { isStepId, type StepId } from '../flow/flowSteps';
import { progressAt } from '../flow/progress';
import { noteChoice } from './questionRecords';
import { showAnswer, type QuestionPlace } from './typedQuestions';
import { HELP_TICKET_DIALOG, STATUS_EXPLAINER_DIALOG, type HelpTicketOptions } from './dialogIds';
import { otherLanguage, type Language } from '../core/language';
import { recognizeCommand, type Command } from './choiceMatching';
import { setLanguage, speakerFor, type DialogServices } from './dialogServices';
import { turnLanguage } from '../core/turnFacts';

/** What a dialog hands back to the main menu when it ends. */
export interface DialogOutcome {
    /** menu: show the main menu; idle: say nothing more; back: return to whatever came before; guide: go on with the saved flow. */
    next: 'menu' | 'idle' | 'back' | 'guide';
}

export const toMenu: DialogOutcome = { next: 'menu' };

/**
 * Help, cancel, menu, back, language and "talk to the library" work on every step of every
 * dialog that extends this class; the innermost such dialog answers them.
 */
export abstract class InterruptibleDialog extends ComponentDialog {
    protected constructor(id: string, protected readonly services: DialogServices) {
        super(id);
    }

    protected async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
        // A nested dialog of this kind is closer to what the user sees: let it answer.
        if (innerDc.child) return super.onContinueDialog(innerDc);
        const command = recognizeCommand(innerDc.context, this.services.translator);
        if (command) return this.interrupt(innerDc, command);
        // Buttons of an answer to a typed question work wherever the user is.
        const { answer, guideFrom, asked } = userSubmitOf(innerDc.context.activity.value);
        if (answer && (await showAnswer(this.services, innerDc.context, answer, { text: '', asked }, await this.place(innerDc.context)))) return this.afterAnswer(innerDc);
        if (isStepId(guideFrom)) return this.guideFrom(innerDc, guideFrom);
        return super.onContinueDialog(innerDc);
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
                await innerDc.context.sendActivity({ attachments: [feesCard(speaker, [])] });
                return this.afterAnswer(innerDc);
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

    /** After an answer to a typed question: the user's place comes back. */
    protected afterAnswer(innerDc: DialogContext): Promise<DialogTurnResult> {
        return this.redisplay(innerDc);
    }

    /** Where the user is, for an answer's "guide me from this step" and the question log. */
    protected async place(context: TurnContext): Promise<QuestionPlace> {
        return { progress: await this.services.progress.get(context) };
    }

    /** "Guide me from this step": the saved flow moves there, and the guided flow takes over. */
    protected async guideFrom(innerDc: DialogContext, stepId: StepId): Promise<DialogTurnResult> {
        await this.moveFlowTo(innerDc.context, stepId);
        return this.finish(innerDc, { next: 'guide' });
    }

    protected async moveFlowTo(context: TurnContext, stepId: StepId): Promise<void> {
        const current = await this.services.progress.get(context);
        await this.services.progress.set(context, progressAt(current, stepId, this.services.clock.now()));
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
