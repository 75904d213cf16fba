import type { TurnContext } from 'botbuilder';
import { insightsCard } from '../cards/insightsCard';
import type { Clock } from '../core/clock';
import type { Translator } from '../core/i18n';
import type { Language } from '../core/language';
import { foldText } from '../core/textMatch';
import { gatherReport, type InsightSources } from '../insights/insightService';
import { reportWords } from '../insights/reportText';
import type { StaffChannelRegistry } from './staffChannel';

const DAY = 86_400_000;
/** What the staff card covers: the last seven days up to now, like the weekly digest. */
const REPORT_DAYS = 7;
const WORDS = new Set(['rapor', 'report']);

export interface StaffReportDependencies {
    staffChannels: StaffChannelRegistry;
    sources: InsightSources;
    clock: Clock;
    translator: Translator;
    /** The institution's staff language and time zone. */
    staffLanguage: Language;
    timeZone: string;
}

/** True for "rapor" / "report" (any case, with or without punctuation), the bot's mention already stripped. */
export function asksForReport(text: string | undefined): boolean {
    return WORDS.has(foldText(text ?? '').trim());
}

/**
 * A staff member mentioned the bot with "rapor" in the staff channel: the report of the last
 * seven days as a card. False (nothing sent) for anything else, which then goes on as before.
 * The staff team is checked as for staff actions: a team id from another tenant is no proof.
 */
export async function answerStaffReport(context: TurnContext, deps: StaffReportDependencies): Promise<boolean> {
    if (!asksForReport(context.activity.text) || !(await deps.staffChannels.acceptsStaffAction(context))) return false;
    const now = deps.clock.now();
    // Up to and including this millisecond: what happened just now is in.
    const report = await gatherReport(deps.sources, now - REPORT_DAYS * DAY, now + 1, now);
    await context.sendActivity({ attachments: [insightsCard(report, reportWords(deps.translator, deps.staffLanguage), { timeZone: deps.timeZone })] });
    return true;
}
