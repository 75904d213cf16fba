import type { TurnContext } from 'botbuilder';
import { DialogSet, type DialogContext, type DialogStateManagerConfiguration } from 'botbuilder-dialogs';

// Where botbuilder-dialogs' DialogStateManager looks for its configuration in turn state.
const CONFIGURATION_KEY = 'DialogStateManagerConfiguration';

/**
 * The bot's root DialogSet. Every dialog context makes a DialogStateManager, and the first one of
 * each turn builds its configuration (all memory scopes and path resolvers of the registered
 * components) anew, although it never changes in a process; botbuilder's DialogManager builds it
 * once and hands it to every turn. This does the same for a plain DialogSet: the configuration of
 * the first turn is kept and set on every later turn before its dialog context is made.
 */
export class RootDialogSet extends DialogSet {
    private configuration: DialogStateManagerConfiguration | undefined;

    override async createContext(context: TurnContext): Promise<DialogContext> {
        if (this.configuration && context.turnState.get(CONFIGURATION_KEY) === undefined) context.turnState.set(CONFIGURATION_KEY, this.configuration);
        const dc = await super.createContext(context);
        this.configuration ??= context.turnState.get<DialogStateManagerConfiguration>(CONFIGURATION_KEY);
        return dc;
    }
}
