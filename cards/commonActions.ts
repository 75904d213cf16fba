import { choiceData, commandData, type Choice } from './payloads';
import type { CardAction } from './guideCard';
import type { Speaker } from '../core/speaker';

export function choiceActions(choices: Choice[]): CardAction[] {
    return choices.map((choice, index) => ({ title: choice.title, data: choiceData(choice.id, choice.origin), style: index === 0 ? 'positive' : 'default' }));
}

/** The buttons every guided step carries: back, "I can't find it", ask the library. */
export function stepHelpActions(speaker: Speaker, canGoBack: boolean): CardAction[] {
    return [
        ...(canGoBack ? [{ title: speaker.say('actions.back'), data: commandData('back') }] : []),
        { title: speaker.say('actions.cantFind'), data: commandData('help') },
        { title: speaker.say('actions.askLibrary'), data: commandData('library') },
    ];
}

export function menuAction(speaker: Speaker): CardAction {
    return { title: speaker.say('actions.menu'), data: commandData('menu') };
}

/** "Write to the library": opens a help ticket from wherever the user is. */
export function askLibraryAction(speaker: Speaker): CardAction {
    return { title: speaker.say('actions.writeToLibrary'), data: commandData('ticket') };
}
