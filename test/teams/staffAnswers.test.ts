import * as assert from 'assert';
import * as path from 'path';
import { ANSWER_INPUTS } from '../../cards/payloads';
import { SqliteStaffAnswerStore } from '../../storage/sqliteStaffAnswerStore';
import { ANSWERS_FILE } from '../../storage/sqliteStaffAnswerStore';
import type { StaffAnswer } from '../../understanding/staffAnswers';
import { readableText } from '../support/cardText';
import type { ConnectorCall } from '../support/fakeConnector';
import { buttonData, clickAnswers, editorInputs, inputValue, staffMentions, urlOf, webUserSays } from '../support/staffAnswerClicks';
import { translator } from '../support/testBot';
import { STAFF, STAFF_TEAM, TEAMS_USER, TicketWorld, ticketIdOf, textOf } from '../support/ticketWorld';
import { twoInstancesOnOneCosmosDb } from '../support/twoInstances';

const tr = (key: string, values?: Record<string, unknown>) => translator.t('tr', key, values);
const QUESTION = 'kütüphane hangi binada';
const ANSWER = { titleTr: 'Kütüphane nerede?', textTr: 'Kütüphane merkez yerleşkede, A blok zemin kattadır.', examplesTr: [QUESTION, 'kütüphanenin binası hangisi'] };
const isStaffCard = (call: ConnectorCall) => call.kind === 'createConversation' && call.channelId === STAFF_TEAM;

/** The answers as the store keeps them (the bot's own file, read the way `npm run answers` reads it). */
async function storedAnswers(world: TicketWorld): Promise<StaffAnswer[]> {
    const store = new SqliteStaffAnswerStore(path.join(world.dataDir, ANSWERS_FILE));
    try {
        return await store.list();
    } finally {
        await store.close();
    }
}

describe('The library teaches the bot from Teams (HTTP, fake Bot Connector)', function () {
    this.timeout(60_000);

    describe('SQLite', () => {
        let world: TicketWorld;
        beforeEach(async () => (world = await TicketWorld.started({ inStaffTeam: true })));
        afterEach(async () => world.stop());

        it('an unanswered question waits on the "cevaplar" card; staff add an answer; the next user (and a second instance) get it; edit and retire work', async () => {
            // A second instance on the same data, running before the answer exists.
            const second = await world.secondInstance();
            try {
                // A user asks what the guide does not say: "I don't know", and the question is kept.
                assert.match(await webUserSays(world, world.url, 'web-first', QUESTION), new RegExp(tr('understanding.unknown.title')));

                // "@bot cevaplar" in the staff channel: the card lists it among the questions waiting for an answer.
                const [listing] = await staffMentions(world, STAFF.ayse, 'cevaplar');
                const listText = readableText(listing);
                assert.ok(listText.includes(tr('staffAnswers.panel.title')) && listText.includes(tr('staffAnswers.panel.none')), listText);
                assert.ok(listText.includes(QUESTION), listText);

                // "Cevaplara ekle" on it: the editor, prefilled with the question as title and example.
                const draft = await clickAnswers(world, STAFF.ayse, 'draft', buttonData(listing.attachments![0].content, tr('staffAnswers.actions.add')));
                assert.strictEqual(draft.statusCode, 200);
                assert.ok(draft.text.includes(tr('staffAnswers.editor.titleNew')), draft.text);
                assert.strictEqual(inputValue(draft.card, ANSWER_INPUTS.titleTr), QUESTION);
                assert.ok(inputValue(draft.card, ANSWER_INPUTS.examplesTr)?.split('\n').includes(QUESTION));

                // Saved: the list again, with the notice.
                const saved = await clickAnswers(world, STAFF.ayse, 'save', { ...buttonData(draft.card, tr('staffAnswers.actions.save')), ...editorInputs(ANSWER) });
                assert.ok(saved.text.includes(tr('staffAnswers.notices.added', { number: 1 })), saved.text);
                assert.ok(saved.text.includes('C1') && saved.text.includes(ANSWER.titleTr), saved.text);
                assert.ok(!saved.text.includes(`"${QUESTION}"`), 'the question it answers no longer waits');

                // The next user on this instance gets it at once, with the note that the library added it.
                const answered = await webUserSays(world, world.url, 'web-second', 'Kütüphane hangi binada?');
                assert.ok(answered.includes(ANSWER.titleTr) && answered.includes(ANSWER.textTr) && answered.includes(tr('understanding.staffAnswer.note')), answered);

                // The second instance serves it after its refresh (its timer's work).
                assert.match(await webUserSays(world, urlOf(second), 'web-third', QUESTION), new RegExp(tr('understanding.unknown.title')), 'not before it looked');
                assert.strictEqual(await second.refreshKnowledge(), true);
                assert.ok((await webUserSays(world, urlOf(second), 'web-fourth', QUESTION)).includes(ANSWER.textTr));

                // Edited in Teams: the new words on both instances.
                const [answer] = await storedAnswers(world);
                const opened = await clickAnswers(world, STAFF.burak, 'open', { answerId: answer.id });
                assert.strictEqual(inputValue(opened.card, ANSWER_INPUTS.textTr), ANSWER.textTr);
                const edited = await clickAnswers(world, STAFF.burak, 'save', {
                    ...buttonData(opened.card, tr('staffAnswers.actions.save')),
                    ...editorInputs({ ...ANSWER, textTr: 'Kütüphane B blokta, birinci kattadır.' }),
                });
                assert.ok(edited.text.includes(tr('staffAnswers.notices.edited', { number: 1 })), edited.text);
                await second.refreshKnowledge();
                assert.ok((await webUserSays(world, urlOf(second), 'web-fifth', QUESTION)).includes('B blokta'));

                // A stale click (the version opened before the edit) changes nothing.
                const stale = await clickAnswers(world, STAFF.ayse, 'save', { ...buttonData(opened.card, tr('staffAnswers.actions.save')), ...editorInputs({ ...ANSWER, textTr: 'eski' }) });
                assert.ok(stale.text.includes(tr('staffAnswers.notices.changed')), stale.text);

                // Retired: no longer given, anywhere.
                const current = (await storedAnswers(world))[0];
                const retired = await clickAnswers(world, STAFF.ayse, 'retire', { answerId: current.id, eTag: current.eTag });
                assert.ok(retired.text.includes(tr('staffAnswers.notices.retired', { number: 1 })), retired.text);
                await second.refreshKnowledge();
                for (const url of [world.url, urlOf(second)]) assert.match(await webUserSays(world, url, `web-after-${url.slice(-5)}`, QUESTION), new RegExp(tr('understanding.unknown.title')));

                // Audited: who did what, when.
                const [kept] = await storedAnswers(world);
                assert.deepStrictEqual(
                    kept.history.map((entry) => [entry.action, entry.actor.name]),
                    [
                        ['added', STAFF.ayse.name],
                        ['edited', STAFF.burak.name],
                        ['retired', STAFF.ayse.name],
                    ],
                );
                assert.ok(
                    world.logLines.some((line) => line.includes('staff answer added')),
                    'the audit reaches the log',
                );
                assert.ok(!world.logLines.some((line) => line.includes('A blok')), 'the log holds no answer text');
            } finally {
                await second.close();
            }
        });

        it("an answer that overlaps one of the guide's is shown as a conflict and saved only when staff confirm it; secrets in staff text are masked", async () => {
            const [listing] = await staffMentions(world, STAFF.ayse, 'CEVAPLAR!');
            const draft = await clickAnswers(world, STAFF.ayse, 'draft', {});
            assert.ok(readableText(listing).length > 0 && draft.statusCode === 200);
            const overlapping = editorInputs({ titleTr: 'SMS kodu', textTr: 'Kod gelmezse kütüphaneyi arayın. TC 10000000146', examplesTr: ['sms kodu gelmedi', 'onay kodu telefonuma gelmiyor'] });
            const refused = await clickAnswers(world, STAFF.ayse, 'save', overlapping);
            assert.ok(refused.text.includes(tr('answers.smsNotReceived.title')), `the conflict names the guide's answer: ${refused.text}`);
            assert.ok(refused.text.includes(tr('staffAnswers.editor.confirm')), 'and offers to confirm');
            assert.deepStrictEqual(await storedAnswers(world), []);
            assert.strictEqual(inputValue(refused.card, ANSWER_INPUTS.examplesTr), 'sms kodu gelmedi\nonay kodu telefonuma gelmiyor', 'what staff typed is kept');

            const confirmed = await clickAnswers(world, STAFF.ayse, 'save', { ...overlapping, [ANSWER_INPUTS.confirm]: 'true' });
            assert.ok(confirmed.text.includes(tr('staffAnswers.notices.added', { number: 1 })) && confirmed.text.includes(tr('staffAnswers.notices.masked')), confirmed.text);
            assert.ok(confirmed.text.includes(tr('staffAnswers.panel.conflictLine', { titles: tr('answers.smsNotReceived.title') })), confirmed.text);
            const [answer] = await storedAnswers(world);
            assert.deepStrictEqual(answer.conflicts, ['smsNotReceived']);
            assert.ok(!JSON.stringify(answer).includes('10000000146'), 'the national ID is masked before it is stored');

            // Incomplete: nothing saved, and the editor says why.
            const incomplete = await clickAnswers(world, STAFF.ayse, 'save', editorInputs({ titleTr: 'Başlık yalnız' }));
            assert.ok(incomplete.text.includes(tr('staffAnswers.notices.incomplete')), incomplete.text);
            assert.strictEqual((await storedAnswers(world)).length, 1);
        });

        it('"Cevaplara ekle" on a resolved help ticket: the question and the staff reply prefilled; saved, the next user gets the reply as the answer', async () => {
            const user = world.teamsUser();
            await user.say('merhaba');
            await user.say(QUESTION);
            await user.send({ value: { command: 'ticket', question: QUESTION } });
            await user.say('Mehmet Öz');
            const ticketId = ticketIdOf(await world.connector.waitFor(isStaffCard));
            const thread = (await world.connector.waitFor(isStaffCard)).conversationId;
            await world.staffClicks(STAFF.ayse, 'claim', { ticketId }, thread);
            await world.staffClicks(STAFF.ayse, 'reply', { ticketId, replyText: ANSWER.textTr }, thread);
            const resolved = await world.staffClicks(STAFF.ayse, 'resolve', { ticketId }, thread);
            assert.ok(resolved.text.includes(tr('staffAnswers.actions.add')), resolved.text);

            // The editor inside the card: the question as title and example, the reply as the answer, in the user's language.
            const staffCard = await world.connector.waitFor((call) => call.kind === 'update' && call.conversationId === thread && textOf(call).includes(tr('staffAnswers.actions.add')));
            const card: unknown = staffCard.activity.attachments![0].content;
            assert.strictEqual(inputValue(card, ANSWER_INPUTS.textTr), ANSWER.textTr);
            assert.strictEqual(inputValue(card, ANSWER_INPUTS.titleTr), QUESTION);
            assert.deepStrictEqual(buttonData(card, tr('staffAnswers.actions.save')), { ticketId });

            const saved = await clickAnswers(
                world,
                STAFF.ayse,
                'save',
                { ticketId, ...editorInputs({ titleTr: ANSWER.titleTr, textTr: ANSWER.textTr, examplesTr: [QUESTION] }) },
                { conversationId: thread, team: STAFF_TEAM },
            );
            assert.ok(saved.text.includes(tr('staffAnswers.notices.added', { number: 1 })) && saved.text.includes('#1001'), `the ticket card again, with the notice: ${saved.text}`);
            assert.strictEqual((await storedAnswers(world))[0].ticketNumber, 1001);
            assert.ok((await webUserSays(world, world.url, 'web-next', QUESTION)).includes(ANSWER.textTr));
        });

        it('nobody but the staff team can list, add, edit or retire answers: not a Teams user elsewhere, not in a personal chat, not a web chat user', async () => {
            const created = await clickAnswers(world, STAFF.ayse, 'save', editorInputs(ANSWER));
            assert.ok(created.text.includes(tr('staffAnswers.notices.added', { number: 1 })));
            const [answer] = await storedAnswers(world);
            const attempts = [
                { where: { team: '19:another-team@thread.tacv2' }, member: STAFF.ayse },
                { where: { conversationId: 'a:personal-mehmet' }, member: TEAMS_USER },
                { where: { channelId: 'webchat', conversationId: 'webchat-intruder' }, member: { id: 'intruder', name: 'Intruder' } },
            ];
            for (const { where, member } of attempts) {
                for (const [verb, data] of [
                    ['save', editorInputs({ ...ANSWER, titleTr: 'Kötü' })],
                    ['retire', { answerId: answer.id, eTag: answer.eTag }],
                    ['save', { answerId: answer.id, eTag: answer.eTag, ...editorInputs({ ...ANSWER, textTr: 'Yanlış' }) }],
                    ['list', {}],
                ] as const) {
                    const refused = await clickAnswers(world, member, verb, data, where);
                    assert.strictEqual(refused.statusCode, 403, `${verb} from ${JSON.stringify(where)}`);
                }
            }
            assert.deepStrictEqual(
                (await storedAnswers(world)).map((kept) => [kept.title.tr, kept.text.tr, kept.status]),
                [[ANSWER.titleTr, ANSWER.textTr, 'active']],
            );
            // "cevaplar" from another team is no listing.
            const elsewhere = await staffMentions(world, STAFF.ayse, 'cevaplar', '19:another-team@thread.tacv2');
            assert.ok(!elsewhere.map(readableText).join('\n').includes(tr('staffAnswers.panel.title')));
        });
    });

    describe('two bot processes on one Cosmos DB', () => {
        const instances = twoInstancesOnOneCosmosDb('staff-answers', { inStaffTeam: true });

        it('an answer added on one instance is given by the other after its refresh, and retired on both', async () => {
            const { a, b } = instances;
            assert.match(await webUserSays(b, b.url, 'web-b1', QUESTION), new RegExp(tr('understanding.unknown.title')));
            const saved = await clickAnswers(a, STAFF.ayse, 'save', editorInputs(ANSWER));
            assert.ok(saved.text.includes(tr('staffAnswers.notices.added', { number: 1 })), saved.text);
            assert.ok((await webUserSays(a, a.url, 'web-a1', QUESTION)).includes(ANSWER.textTr), 'at once where it was added');
            assert.strictEqual(await b.app.refreshKnowledge(), true);
            assert.ok((await webUserSays(b, b.url, 'web-b2', QUESTION)).includes(ANSWER.textTr), 'on the other instance after its refresh');
            assert.strictEqual(await b.app.refreshKnowledge(), false, 'nothing to rebuild while nothing changed');

            const [listing] = await staffMentions(b, STAFF.burak, 'cevaplar');
            const retire = buttonData(listing.attachments![0].content, tr('staffAnswers.actions.retire'));
            assert.ok((await clickAnswers(b, STAFF.burak, 'retire', retire)).text.includes(tr('staffAnswers.notices.retired', { number: 1 })));
            await a.app.refreshKnowledge();
            assert.match(await webUserSays(a, a.url, 'web-a2', QUESTION), new RegExp(tr('understanding.unknown.title')));
        });
    });
});
