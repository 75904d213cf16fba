import type { Activity, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { TranscriptLine } from '../tickets/ticket';

const KEPT = 12;
const MAX_LINE = 300;

/** What a person would quote from a bot message: its text, or its card's title. */
function gist(activity: Partial<Activity>): string | undefined {
    if (activity.text) return activity.text;
    const content = activity.attachments?.[0]?.content as { body?: { type?: string; text?: string; style?: string }[] } | undefined;
    return content?.body?.find((element) => element.type === 'TextBlock' && element.style === 'heading')?.text;
}

/**
 * Keeps the last turns of the chat (the user's words already masked by the privacy middleware)
 * for the transcript of a help ticket.
 */
export function recordTranscript(context: TurnContext, turns: StatePropertyAccessor<TranscriptLine[]>): void {
    const lines: TranscriptLine[] = [];
    const { activity } = context;
    if (activity.type === 'message' && activity.text?.trim()) lines.push({ from: 'user', text: activity.text.trim() });
    context.onSendActivities(async (_context, activities, next) => {
        for (const sent of activities) {
            const text = sent.type === 'message' ? gist(sent) : undefined;
            if (text) lines.push({ from: 'bot', text });
        }
        return next();
    });
    // Written when the turn saves its state, after every reply of the turn was sent.
    context.turnState.set(TRANSCRIPT_FLUSH, async () => {
        if (lines.length === 0) return;
        const previous = await turns.get(context, []);
        await turns.set(
            context,
            [...previous, ...lines].slice(-KEPT).map((line) => ({ ...line, text: line.text.slice(0, MAX_LINE) })),
        );
    });
}

const TRANSCRIPT_FLUSH = Symbol('eimza.transcriptFlush');

export async function flushTranscript(context: TurnContext): Promise<void> {
    const flush = context.turnState.get<(() => Promise<void>) | undefined>(TRANSCRIPT_FLUSH);
    if (flush) await flush();
}
