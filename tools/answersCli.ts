import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from 'util';
import { formatTime } from '../cards/ticketCards';
import { systemClock } from '../core/clock';
import { loadConfig } from '../core/config';
import { createTranslator, type Translator } from '../core/i18n';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from '../core/language';
import { silentLogger } from '../core/logger';
import { localePrivacyInspector } from '../core/privacyGuard';
import { buildKnowledgeBase, loadKnowledgeContent, overlapsWithGuide } from '../understanding/knowledgeBase';
import { createStores } from '../storage/createStores';
import { ANSWERS_FILE } from '../storage/sqliteStaffAnswerStore';
import { StaffAnswerBook, type SaveResult, type StaffAnswerDraft } from '../understanding/staffAnswerBook';
import { languagesOf, type StaffAnswer } from '../understanding/staffAnswers';
import { runCommandLine, usageOutput, type CliOutput } from './commandLine';

type Change = { title: Partial<Record<Language, string>>; text: Partial<Record<Language, string>>; examples: Partial<Record<Language, string[]>> };

export type AnswersRequest =
    | { show: 'list'; all: boolean; json: boolean; language: Language }
    | { show: 'answer'; number: number; json: boolean; language: Language }
    | { show: 'status'; number: number; status: StaffAnswer['status']; by: string; language: Language }
    | { show: 'edit'; number: number; by: string; change: Change; confirm: boolean; language: Language }
    | { show: 'usage'; language: Language; invalid: boolean };

const OPTIONS = {
    all: { type: 'boolean' },
    number: { type: 'string' },
    json: { type: 'boolean' },
    lang: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    retire: { type: 'string' },
    restore: { type: 'string' },
    edit: { type: 'string' },
    by: { type: 'string' },
    confirm: { type: 'boolean' },
    'title-tr': { type: 'string' },
    'text-tr': { type: 'string' },
    'examples-tr': { type: 'string' },
    'title-en': { type: 'string' },
    'text-en': { type: 'string' },
    'examples-en': { type: 'string' },
} as const;

const positive = (value: string | undefined) => (value !== undefined && /^\d{1,9}$/.test(value) && Number(value) > 0 ? Number(value) : undefined);

/**
 * `npm run answers -- [--all] [--number N] [--json] [--lang tr|en]`, `--retire N --by NAME`,
 * `--restore N --by NAME`, `--edit N --by NAME [--title-tr …] [--text-tr …] [--examples-tr "a|b"] … [--confirm]`;
 * anything else asks for the usage text.
 */
export function parseAnswersArguments(args: readonly string[]): AnswersRequest {
    let values: Partial<Record<keyof typeof OPTIONS, string | boolean>>;
    try {
        ({ values } = parseArgs({ args: [...args], strict: true, allowPositionals: false, options: OPTIONS }));
    } catch {
        return { show: 'usage', language: DEFAULT_LANGUAGE, invalid: true };
    }
    const language = values.lang === undefined ? DEFAULT_LANGUAGE : values.lang;
    if (!isLanguage(language)) return { show: 'usage', language: DEFAULT_LANGUAGE, invalid: true };
    if (values.help) return { show: 'usage', language, invalid: false };
    const by = typeof values.by === 'string' ? values.by.trim() : '';
    const chosen = (['retire', 'restore', 'edit', 'number'] as const).filter((name) => values[name] !== undefined);
    if (chosen.length > 1) return { show: 'usage', language, invalid: true };
    const number = positive(chosen[0] ? (values[chosen[0]] as string) : undefined);
    if (chosen.length === 1 && number === undefined) return { show: 'usage', language, invalid: true };
    const json = values.json === true;
    switch (chosen[0]) {
        case undefined:
            return { show: 'list', all: values.all === true, json, language };
        case 'number':
            return { show: 'answer', number: number!, json, language };
        case 'retire':
        case 'restore':
            return { show: 'status', number: number!, status: chosen[0] === 'retire' ? 'retired' : 'active', by, language };
        case 'edit': {
            const text = (name: keyof typeof OPTIONS) => (typeof values[name] === 'string' ? values[name] : undefined);
            const list = (name: keyof typeof OPTIONS) =>
                text(name)
                    ?.split('|')
                    .map((example) => example.trim())
                    .filter(Boolean);
            const change: Change = { title: {}, text: {}, examples: {} };
            for (const each of LANGUAGES) {
                const title = text(`title-${each}`);
                const body = text(`text-${each}`);
                const examples = list(`examples-${each}`);
                if (title !== undefined) change.title[each] = title;
                if (body !== undefined) change.text[each] = body;
                if (examples !== undefined) change.examples[each] = examples;
            }
            return { show: 'edit', number: number!, by, change, confirm: values.confirm === true, language };
        }
    }
}

type Say = (key: string, values?: Record<string, unknown>) => string;

/** The guide's answers by title, in the reader's language. */
const titles = (translator: Translator, language: Language, ids: readonly string[]) =>
    ids.map((id) => (translator.has(language, `answers.${id}.title`) ? translator.t(language, `answers.${id}.title`) : id)).join(', ');

function listText(answers: readonly StaffAnswer[], t: Say, translator: Translator, language: Language, timeZone: string): string {
    if (answers.length === 0) return t('cli.none');
    return answers
        .map((answer) => {
            const added = answer.history[0];
            const lines = [
                t('cli.line', {
                    number: answer.number,
                    title: answer.title[language] ?? Object.values(answer.title)[0],
                    languages: languagesOf(answer)
                        .map((each) => each.toUpperCase())
                        .join(', '),
                    status: t(`panel.statuses.${answer.status}`),
                    by: added?.actor.name ?? '',
                    when: added ? formatTime(added.at, language, timeZone) : '',
                }),
            ];
            if (answer.conflicts.length) lines.push(t('cli.conflicts', { titles: titles(translator, language, answer.conflicts) }));
            return lines.join('\n');
        })
        .join('\n');
}

function detailText(answer: StaffAnswer, t: Say, translator: Translator, language: Language, timeZone: string): string {
    const lines = [listText([answer], t, translator, language, timeZone)];
    if (answer.ticketNumber) lines.push(t('cli.fromTicket', { ticket: answer.ticketNumber }));
    for (const each of LANGUAGES) {
        if (!answer.title[each] && !answer.text[each]) continue;
        lines.push('', t('cli.language', { language: each.toUpperCase(), title: answer.title[each] ?? '' }), answer.text[each] ?? '', t('cli.examples', { examples: (answer.examples[each] ?? []).join(' | ') }));
    }
    lines.push('', ...answer.history.map((entry) => t('cli.history', { when: formatTime(entry.at, language, timeZone), who: entry.actor.name, action: t(`cli.actions.${entry.action}`) })));
    return lines.join('\n');
}

function resultText(result: SaveResult, t: Say, translator: Translator, language: Language, done: string): CliOutput {
    if ('saved' in result) return { stdout: t('cli.done', { notice: t(`notices.${done}`, { number: result.saved.number }) }), stderr: '', exitCode: 0 };
    // An overlap is confirmed with --confirm here, not with the card's box.
    const key = result.problem === 'overlap' ? 'cli.overlap' : `notices.${result.problem}`;
    return { stdout: '', stderr: t(key, { titles: titles(translator, language, result.overlaps ?? []) }), exitCode: 1 };
}

async function run(args: readonly string[]): Promise<CliOutput> {
    const request = parseAnswersArguments(args);
    const config = loadConfig();
    const translator: Translator = createTranslator();
    const t = (key: string, values?: Record<string, unknown>) => translator.t(request.language, `staffAnswers.${key}`, values);
    if (request.show === 'usage') return usageOutput(t('cli.usage'), request.invalid);
    if ((request.show === 'status' || request.show === 'edit') && !request.by) return { stdout: '', stderr: t('cli.needsBy'), exitCode: 2 };
    // Looking must not create: without the SQLite file nobody has added an answer yet.
    const nothingYet = !config.COSMOS_ENDPOINT && !fs.existsSync(path.join(config.dataDir, ANSWERS_FILE));
    if (nothingYet && (request.show === 'list' || request.show === 'answer')) {
        if (request.show === 'list') return { stdout: request.json ? '[]' : t('cli.none'), stderr: '', exitCode: 0 };
        return { stdout: '', stderr: t('cli.notFound', { number: request.number }), exitCode: 1 };
    }
    const stores = createStores(config, silentLogger);
    try {
        // Overlaps are checked against the guide's own answers, as in Teams (built only for an edit).
        const book = new StaffAnswerBook({
            store: stores.answers,
            clock: systemClock,
            logger: silentLogger,
            inspect: localePrivacyInspector(translator),
            overlaps: (examples) => overlapsWithGuide(buildKnowledgeBase(loadKnowledgeContent()), examples),
        });
        const timeZone = config.WORKING_TIME_ZONE;
        if (request.show === 'list') {
            const answers = (await book.list()).filter((answer) => request.all || answer.status === 'active');
            return { stdout: request.json ? JSON.stringify(answers, null, 2) : listText(answers, t, translator, request.language, timeZone), stderr: '', exitCode: 0 };
        }
        const answer = await book.getByNumber(request.number);
        if (!answer) return { stdout: '', stderr: t('cli.notFound', { number: request.number }), exitCode: 1 };
        if (request.show === 'answer') return { stdout: request.json ? JSON.stringify(answer, null, 2) : detailText(answer, t, translator, request.language, timeZone), stderr: '', exitCode: 0 };
        const actor = { id: `cli:${os.userInfo().username}`, name: request.by };
        if (request.show === 'status')
            return resultText(await book.setStatus(answer.id, answer.eTag, request.status, actor), t, translator, request.language, request.status === 'retired' ? 'retired' : 'restored');
        const draft: StaffAnswerDraft = {
            title: { ...answer.title, ...request.change.title },
            text: { ...answer.text, ...request.change.text },
            examples: { ...answer.examples, ...request.change.examples },
        };
        return resultText(await book.edit(answer.id, answer.eTag, draft, actor, request.confirm), t, translator, request.language, 'edited');
    } finally {
        await stores.close();
    }
}

if (require.main === module) runCommandLine(run);
