import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { loadConfig } from '../core/config';
import { createTranslator } from '../core/i18n';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../core/language';
import { silentLogger } from '../core/logger';
import { createStores } from '../storage/createStores';
import { OPEN_STATUSES } from '../tickets/ticket';
import { createTicketReport } from '../tickets/ticketReport';
import { runCommandLine, usageOutput, type CliOutput } from './commandLine';

/** The SQLite ticket store's file in DATA_DIR, as `storage/createStores.ts` names it. */
const TICKETS_FILE = 'tickets.sqlite';

export type CliRequest = { show: 'list'; openOnly: boolean; language: Language } | { show: 'ticket'; number: number; language: Language } | { show: 'usage'; language: Language; invalid: boolean };

/** `npm run tickets -- [--open] [--number N] [--lang tr|en]`; anything else asks for the usage text. */
export function parseCliArguments(args: readonly string[]): CliRequest {
    let values: { open?: boolean; number?: string; lang?: string; help?: boolean };
    try {
        ({ values } = parseArgs({
            args: [...args],
            strict: true,
            allowPositionals: false,
            options: { open: { type: 'boolean' }, number: { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
        }));
    } catch {
        return { show: 'usage', language: DEFAULT_LANGUAGE, invalid: true };
    }
    const language = values.lang === undefined ? DEFAULT_LANGUAGE : values.lang;
    if (!isLanguage(language)) return { show: 'usage', language: DEFAULT_LANGUAGE, invalid: true };
    if (values.help) return { show: 'usage', language, invalid: false };
    if (values.number === undefined) return { show: 'list', openOnly: values.open === true, language };
    const number = Number(values.number);
    if (!Number.isInteger(number) || number <= 0 || values.open) return { show: 'usage', language, invalid: true };
    return { show: 'ticket', number, language };
}

async function run(args: readonly string[]): Promise<CliOutput> {
    const request = parseCliArguments(args);
    const config = loadConfig();
    const translator = createTranslator();
    const t = (key: string, values?: Record<string, unknown>) => translator.t(request.language, key, values);
    if (request.show === 'usage') return usageOutput(t('cli.usage'), request.invalid);

    const report = createTicketReport(translator, request.language, config.WORKING_TIME_ZONE);
    // The bot's own stores: Cosmos DB when COSMOS_ENDPOINT is set, else the SQLite files in DATA_DIR.
    // Looking must not create: without the SQLite file there are simply no tickets yet.
    const nothingYet = !config.COSMOS_ENDPOINT && !fs.existsSync(path.join(config.dataDir, TICKETS_FILE));
    const stores = nothingYet ? undefined : createStores(config, silentLogger);
    const store = stores?.tickets;
    try {
        // Notices the outbox gave up on are always shown: someone must follow them up by hand.
        const failed = store ? await store.failedNotices() : [];
        if (request.show === 'list') {
            const tickets = store ? await store.list(request.openOnly ? OPEN_STATUSES : undefined) : [];
            const numbered = await Promise.all(failed.map(async (notice) => ({ number: (await store?.get(notice.ticketId))?.number, notice })));
            return { stdout: [report.list(tickets), report.failures(numbered)].filter(Boolean).join('\n\n'), stderr: '', exitCode: 0 };
        }
        const ticket = await store?.getByNumber(request.number);
        return ticket
            ? {
                  stdout: report.detail(
                      ticket,
                      failed.filter((notice) => notice.ticketId === ticket.id),
                  ),
                  stderr: '',
                  exitCode: 0,
              }
            : { stdout: '', stderr: t('cli.notFound', { number: request.number }), exitCode: 1 };
    } finally {
        await stores?.close();
    }
}

if (require.main === module) runCommandLine(run);
