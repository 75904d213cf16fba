import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, Attachment, TurnContext } from 'botbuilder';
import type { Translator } from '../core/i18n';
import type { Logger } from '../core/logger';
import { languageSpeaker } from '../institution/profileSpeaker';
import type { InstitutionProfile } from '../institution/institutionProfile';
import type { TicketEvent } from '../tickets/lifecycle';
import type { StaffChannelRegistry } from './staffChannel';
import type { Person, Ticket } from '../tickets/ticket';
import type { TicketService } from '../tickets/ticketService';
import { staffActionDataSchema, type StaffActionData } from '../cards/payloads';
import { STAFF_ACTION_REFUSALS, type StaffActionRefusal } from '../core/errors';
import { staffTextInputId, type StaffVerb } from '../tickets/staffVerbs';
import { localePrivacyInspector, type PrivacyInspector } from '../core/privacyGuard';
import type { StaffCardOptions } from '../cards/ticketCards';

/** Draws the refreshed staff card an action answers with, and knows the staff team. */
export interface StaffCardSource {
    colleagues(context: TurnContext): Promise<Person[]>;
    /** `extra`: the answer editor as staff left it ("Cevaplara ekle" waiting for their confirmation). */
    card(context: TurnContext, ticket: Ticket, notice?: string, colleagues?: Person[], extra?: Pick<StaffCardOptions, 'answerDraft'>): Promise<Attachment>;
}

export interface StaffActionDependencies {
    tickets: TicketService;
    messenger: StaffCardSource;
    staffChannels: StaffChannelRegistry;
    translator: Translator;
    profile: InstitutionProfile;
    logger: Logger;
}

/** One inspector per translator: its keywords are folded once, not on every click. */
const inspectors = new WeakMap<Translator, PrivacyInspector>();
export function inspectorFor(translator: Translator): PrivacyInspector {
    let inspector = inspectors.get(translator);
    if (!inspector) inspectors.set(translator, (inspector = localePrivacyInspector(translator)));
    return inspector;
}

/** verb → the ticket event it means; one small table instead of a chain of ifs. */
const EVENTS: Record<StaffVerb, (actor: Person, text: string, assignee?: Person) => TicketEvent | undefined> = {
    claim: (actor) => ({ type: 'claim', actor }),
    assign: (actor, _text, assignee) => (assignee ? { type: 'assign', actor, assignee } : undefined),
    reply: (actor, text) => ({ type: 'reply', actor, text }),
    ask: (actor, text) => ({ type: 'ask', actor, text }),
    resolve: (actor, text) => ({ type: 'resolve', actor, text }),
    reopen: (actor) => ({ type: 'reopen', actor }),
};

/** What staff typed for this verb: each verb's card has its own text box. */
function typedText(verb: StaffVerb, data: StaffActionData): string | undefined {
    if (verb === 'reply' || verb === 'ask' || verb === 'resolve') return data[staffTextInputId(verb)];
    return undefined;
}

/**
 * Answers a staff click on a ticket card (Universal Actions): only from the staff team, then
 * the change, then the refreshed card — which replaces the card for everyone in the thread.
 */
export async function handleStaffAction(context: TurnContext, verb: StaffVerb, invoke: AdaptiveCardInvokeValue, deps: StaffActionDependencies): Promise<AdaptiveCardInvokeResponse> {
    const speaker = languageSpeaker(deps.translator, deps.profile, deps.profile.staffLanguage);
    const errorResponse = (code: StaffActionRefusal): AdaptiveCardInvokeResponse => ({
        statusCode: STAFF_ACTION_REFUSALS[code],
        type: 'application/vnd.microsoft.error',
        value: { code, message: speaker.say(`tickets.errors.${code}`) },
    });
    const parsed = staffActionDataSchema.safeParse(invoke.action.data);
    const from = context.activity.from as { id: string; name?: string; aadObjectId?: string };
    if (!(await deps.staffChannels.acceptsStaffAction(context))) {
        deps.logger.warn('staff action refused: not from the staff team', { verb, channelId: context.activity.channelId, userId: from.id });
        return errorResponse('forbidden');
    }
    if (!parsed.success) return errorResponse('badRequest');
    const { data } = parsed;
    // Staff text goes into the ticket's history and to the user: it is masked like the user's own.
    const typed = typedText(verb, data);
    const finding = typed === undefined ? undefined : inspectorFor(deps.translator)(typed);
    const actor: Person = { id: from.aadObjectId ?? from.id, name: from.name ?? from.id };
    // Looked up once for an assignment: to check the assignee, then for the refreshed card.
    const colleagues = verb === 'assign' ? await deps.messenger.colleagues(context) : undefined;
    const assignee = data.assigneeId !== undefined ? colleagues?.find((person) => person.id === data.assigneeId) : undefined;
    const event = EVENTS[verb](actor, finding?.redacted ?? '', assignee);
    if (!event) return errorResponse('unknownColleague');
    const result = await deps.tickets.act(data.ticketId, event);
    if (!result.ticket) return errorResponse('notFound');
    const masked = finding && finding.kinds.length > 0 ? speaker.say('tickets.staffTextMasked') : undefined;
    const notice = result.refused ? speaker.say(`tickets.refusals.${result.refused.reason}`, { by: 'by' in result.refused ? result.refused.by.name : '' }) : masked;
    const card = await deps.messenger.card(context, result.ticket, notice, colleagues);
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card.content as Record<string, unknown> };
}
