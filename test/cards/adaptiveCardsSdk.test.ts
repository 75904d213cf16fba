import * as assert from 'assert';
import * as fs from 'fs';
import { galleryCards, type GalleryCard } from '../../tools/cardGallery';
import { TEAMS_ONLY_ELEMENTS } from '../../tools/cardGalleryPage';
import { fromRoot } from '../../core/projectPaths';
import { STEPS } from '../../flow/flowSteps';
import { AC } from '../support/adaptiveCardsSdk';
import { profile, translator } from '../support/testBot';

/** The newest schema Teams renders (desktop, web and mobile). */
const TEAMS_VERSION = AC.Versions.v1_5;
/** Teams shows six top-level buttons; the rest go into a "…" menu (the Agents Playground does the same). */
const TEAMS_VISIBLE_ACTIONS = 6;
const KNOWN_OVER_LIMIT: string[] = [];
/** Teams' host: six buttons before "…". */
const teamsHostConfig = new AC.HostConfig({ actions: { maxActions: TEAMS_VISIBLE_ACTIONS } });

const cards = galleryCards(translator, profile);

/** The i18next contexts a step's texts have: the `_variant` suffixes of its keys. */
function variantsIn(texts: unknown): Set<string> {
    const found = new Set<string>();
    if (!texts || typeof texts !== 'object' || Array.isArray(texts)) return found;
    for (const [key, value] of Object.entries(texts)) {
        const suffix = /_(\w+)$/.exec(key);
        if (suffix) found.add(suffix[1]);
        for (const inner of variantsIn(value)) found.add(inner);
    }
    return found;
}
const versionOf = (card: GalleryCard) => (typeof card.content.version === 'string' ? card.content.version : '');
const numericVersion = (version: string) => version.split('.').map(Number);

function sdkProblems(card: GalleryCard): string[] {
    const adaptiveCard = new AC.AdaptiveCard();
    adaptiveCard.hostConfig = teamsHostConfig;
    const context = new AC.SerializationContext(TEAMS_VERSION);
    adaptiveCard.parse(card.content, context);
    const problems: string[] = [];
    for (let i = 0; i < context.eventCount; i++) {
        const event = context.getEventAt(i);
        // A Teams chart the SDK cannot draw is replaced by its fallback (a table): not a problem of the card.
        const fallsBack = event.event === AC.ValidationEvent.UnknownElementType && TEAMS_ONLY_ELEMENTS.some((type) => event.message.includes(`"${type}"`));
        if (!fallsBack) problems.push(`parse: ${event.message}`);
    }
    for (const event of adaptiveCard.validateProperties().validationEvents) problems.push(`validation: ${event.message}`);
    return problems;
}

describe('every card the bot can send, checked by the official Adaptive Cards SDK', () => {
    it('the gallery has every step and every kind of card, in both languages', () => {
        const ids = new Set(cards.map((card) => card.id));
        for (const stepId of Object.keys(STEPS)) {
            assert.ok(
                [...ids].some((id) => id.startsWith(`step/${stepId}/`)),
                `a card for step ${stepId}`,
            );
            assert.ok(
                [...ids].some((id) => id.startsWith(`stepHelp/${stepId}/`)),
                `"I can't find it" for step ${stepId}`,
            );
        }
        // Every text variant the locales have (`title_esign`, `body_stolen`, …) is on some card.
        const steps = JSON.parse(fs.readFileSync(fromRoot('locales', 'tr', 'steps.json'), 'utf8')) as Record<string, unknown>;
        for (const [stepId, texts] of Object.entries(steps)) {
            for (const variant of variantsIn(texts)) {
                assert.ok(ids.has(`step/${stepId}/${variant}`) || [...ids].some((id) => id.startsWith(`step/${stepId}/${variant}/`)), `step ${stepId}, variant ${variant}`);
            }
        }
        for (const expected of [
            'menu/welcome',
            'resume',
            'help',
            'contacts',
            'fees',
            'status/list',
            'suggestions',
            'unknown',
            'created/help',
            'mine',
            'notice/replied',
            'staff/help/new',
            'reminders/mine',
            'reminders/message/ahead',
            'reminders/timing/teams',
            'reminders/past',
            'report',
            'teams/staffTeam',
        ]) {
            assert.ok(ids.has(expected), expected);
        }
        for (const id of ids) {
            assert.deepStrictEqual(
                cards
                    .filter((card) => card.id === id)
                    .map((card) => card.language)
                    .sort(),
                ['en', 'tr'],
                `${id} in both languages`,
            );
        }
        assert.ok(cards.length > 250, `${cards.length} cards`);
    });

    it("each parses without an event and validates without an issue (schema 1.5, Teams' host)", () => {
        const known: string[] = [];
        const failures = cards.flatMap((card) =>
            sdkProblems(card)
                .filter((problem) => {
                    const overLimit = KNOWN_OVER_LIMIT.includes(card.id) && /^validation: Maximum number of actions exceeded/.test(problem);
                    if (overLimit) known.push(`${card.language}:${card.id}: ${problem}`);
                    return !overLimit;
                })
                .map((problem) => `${card.language}:${card.id}: ${problem}`),
        );
        if (known.length > 0)
            console.warn(`      known and allowed (Teams folds extra buttons into a "…" menu): ${[...new Set(known.map((line) => line.replace(/^\w+:/, '')))].length} findings, e.g. ${known[0]}`);
        assert.deepStrictEqual(failures, []);
    });

    it('each declares a version Teams renders (at most 1.5)', () => {
        const tooNew = cards.filter((card) => {
            const [major, minor] = numericVersion(versionOf(card));
            return !(major === 1 && minor >= 0 && minor <= 5);
        });
        assert.deepStrictEqual(
            tooNew.map((card) => `${card.language}:${card.id} (${versionOf(card) || 'no version'})`),
            [],
        );
    });

    it(`no card has more top-level buttons than Teams shows (${TEAMS_VISIBLE_ACTIONS}) but the known ones`, () => {
        const over = cards.filter((card) => ((card.content.actions as unknown[] | undefined)?.length ?? 0) > TEAMS_VISIBLE_ACTIONS);
        assert.deepStrictEqual([...new Set(over.map((card) => card.id))].sort(), [...KNOWN_OVER_LIMIT].sort());
    });

    it('a broken card is caught: an unknown element and a required input without an id are reported', () => {
        const broken: GalleryCard = {
            id: 'broken',
            group: 'notices',
            language: 'tr',
            caption: 'broken',
            audience: 'user',
            content: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Bogus' }, { type: 'Input.Text' }], actions: [{ type: 'Action.Submit', title: 'x', style: 'loud' }] },
        };
        assert.ok(sdkProblems(broken).length >= 2, sdkProblems(broken).join('\n'));
    });
});
