import type { Attachment, TurnContext } from 'botbuilder';

const HELD = Symbol('eimza.heldAttachments');
const JOINING = Symbol('eimza.joiningHeld');

/**
 * A card that goes out with the turn's next message, in one activity instead of two (a ticket's
 * receipt above the menu or the step that follows it): one message to read, one call to the channel.
 * Whatever is still held when the turn ends is sent then (`sendHeld`), so nothing is lost; a turn
 * that does not join held cards (a dialog run on its own) sends the card at once.
 */
export async function sendWithNextMessage(context: TurnContext, attachment: Attachment): Promise<void> {
    if (context.turnState.get(JOINING) !== true) {
        await context.sendActivity({ attachments: [attachment] });
        return;
    }
    const held = context.turnState.get<Attachment[] | undefined>(HELD);
    if (held) held.push(attachment);
    else context.turnState.set(HELD, [attachment]);
}

function takeHeld(context: TurnContext): Attachment[] {
    const held = context.turnState.get<Attachment[] | undefined>(HELD) ?? [];
    context.turnState.set(HELD, undefined);
    return held;
}

/** Puts held cards in front of the turn's next outgoing message. Called once a turn, before anything is sent. */
export function joinHeldToNextMessage(context: TurnContext): void {
    context.turnState.set(JOINING, true);
    context.onSendActivities(async (_context, activities, next) => {
        const first = activities.find((activity) => activity.type === 'message');
        const held = first ? takeHeld(context) : [];
        if (first && held.length > 0) first.attachments = [...held, ...(first.attachments ?? [])];
        return next();
    });
}

/** At the end of the turn: what is still held goes out on its own. */
export async function sendHeld(context: TurnContext): Promise<void> {
    const held = takeHeld(context);
    if (held.length > 0) await context.sendActivity({ attachments: held });
}
