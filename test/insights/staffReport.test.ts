import * as assert from 'assert';
import type { Activity } from 'botbuilder';
import { asksForReport } from '../../bot/staffReport';
import type { ConnectorCall } from '../support/fakeConnector';
import { AC } from '../support/adaptiveCardsSdk';
import { readableText } from '../support/cardText';
import { STAFF_TEAM, TicketWorld } from '../support/ticketWorld';
import { twoInstancesOnOneCosmosDb } from '../support/twoInstances';

const isDigest = (call: ConnectorCall) => call.kind === 'createConversation' && call.channelId === STAFF_TEAM && /Haftalık özet/.test(readableText(call.activity));
const cardOf = (activity: Partial<Activity>) => activity.attachments?.[0]?.content as { body: Array<Record<string, unknown>> } | undefined;

/** A staff member writes in the staff channel, mentioning the bot. */
const staffSays = (world: TicketWorld, text: string, mention = true, team = STAFF_TEAM) => world.staffSays(text, { mention, team });

describe('Insights in Teams: the staff "rapor" card and the weekly digest', function () {
    this.timeout(60_000);

    it('"rapor" and "report" are recognised in any case, nothing else is', () => {
        assert.ok(asksForReport('rapor') && asksForReport(' RAPOR ') && asksForReport('Report!') && asksForReport('RAPOR.'));
        assert.ok(!asksForReport('rapor ver bana uzun') && !asksForReport('') && !asksForReport(undefined));
    });

    describe('SQLite', () => {
        const world = new TicketWorld();
        before(async () => {
            await world.start();
            await world.installInStaffTeam();
        });
        after(() => world.stop());

        it('a staff mention with "rapor" in the staff channel answers with the report card: a funnel chart with a table fallback', async () => {
            const user = world.webUser('web-insights');
            await user.say('merhaba');
            await user.pick('first');
            await user.pick('yes');
            const [reply, ...more] = await staffSays(world, 'rapor');
            assert.strictEqual(more.length, 0);
            const card = cardOf(reply)!;
            assert.strictEqual((reply.attachments?.[0] as { contentType: string }).contentType, 'application/vnd.microsoft.card.adaptive');
            const text = readableText(reply);
            assert.match(text, /e-İmza Asistanı raporu/);
            assert.match(text, /İlk başvuru: 1 kişi başladı, 0 kişi bitirdi/);
            assert.match(text, /Talepler/);
            const chart = card.body.find((element) => element.type === 'Chart.VerticalBar') as { data: Array<{ x: string; y: number }>; fallback: { type: string } };
            assert.ok(chart, 'the funnel is a chart');
            assert.deepStrictEqual(chart.data.slice(0, 3), [
                { x: '1', y: 1 },
                { x: '2', y: 1 },
                { x: '3', y: 0 },
            ]);
            assert.strictEqual(chart.fallback.type, 'Table', 'clients without charts get a table');
            assert.ok(!JSON.stringify(card).includes('web-insights'), 'no user id on the card');
            // A client without charts (the official SDK, Web Chat) falls back to the table, and nothing else is amiss.
            const sdkCard = new AC.AdaptiveCard();
            const context = new AC.SerializationContext(AC.Versions.v1_5);
            sdkCard.parse(card, context);
            const events = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
            assert.deepStrictEqual(events, ['Unknown element type "Chart.VerticalBar". Fallback will be used if present.']);
            assert.deepStrictEqual(
                sdkCard.validateProperties().validationEvents.map((event) => event.message),
                [],
            );
        });

        it('"report" in English works too; without a mention the bot stays quiet; outside the staff team it is no report', async () => {
            assert.match(readableText((await staffSays(world, 'report'))[0]), /raporu/);
            assert.deepStrictEqual(await staffSays(world, 'rapor', false), []);
            const elsewhere = await staffSays(world, 'rapor', true, '19:another-team@thread.tacv2');
            assert.ok(!elsewhere.map(readableText).join('\n').includes('raporu'), 'another team gets no report');
        });

        it("the staff team's id written from another tenant gets no report, as it gets no staff action (security review 2, N13)", async () => {
            const forged = await world.staffSays('rapor', { tenant: 'tenant-EVIL' });
            assert.ok(!forged.map(readableText).join('\n').includes('raporu'), 'a report went to another tenant');
            assert.match(readableText((await world.staffSays('rapor'))[0]), /raporu/, "the staff channel's own tenant still gets it");
        });
    });

    describe('two bot processes on one Cosmos DB', () => {
        const instances = twoInstancesOnOneCosmosDb('digest', { inStaffTeam: true });

        it('the weekly digest is posted once, in the first working hour of the week, though both instances try', async () => {
            const { a, b } = instances;
            // Monday 08:00 in Istanbul: the working week (08:30) has not begun, no digest yet.
            a.clock.advanceMinutes(-120);
            b.clock.advanceMinutes(-120);
            assert.deepStrictEqual(await Promise.all([a.app.sendWeeklyDigest(), b.app.sendWeeklyDigest()]), [false, false]);
            assert.strictEqual(a.connector.calls.filter(isDigest).length, 0);
            // Monday 09:00, the first working hour: both instances try at once.
            a.clock.advanceMinutes(60);
            b.clock.advanceMinutes(60);
            const sent = await Promise.all([a.app.sendWeeklyDigest(), b.app.sendWeeklyDigest(), a.app.sendWeeklyDigest(), b.app.sendWeeklyDigest()]);
            assert.strictEqual(sent.filter(Boolean).length, 1, 'one instance posted it');
            assert.strictEqual(a.connector.calls.filter(isDigest).length, 1, 'one digest in the staff channel');
            // Later that week, and on a restart, nobody posts it again.
            a.clock.advanceMinutes(3 * 60);
            b.clock.advanceMinutes(3 * 60);
            await b.restart();
            assert.deepStrictEqual(await Promise.all([a.app.sendWeeklyDigest(), b.app.sendWeeklyDigest()]), [false, false]);
            assert.strictEqual(a.connector.calls.filter(isDigest).length, 1);
            // The next Monday: the next digest.
            a.clock.advanceMinutes(7 * 24 * 60);
            b.clock.advanceMinutes(7 * 24 * 60);
            assert.deepStrictEqual((await Promise.all([a.app.sendWeeklyDigest(), b.app.sendWeeklyDigest()])).filter(Boolean).length, 1);
            assert.strictEqual(a.connector.calls.filter(isDigest).length, 2);
        });
    });
});
