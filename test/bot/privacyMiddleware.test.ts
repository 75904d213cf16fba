import { strict as assert } from 'assert';
import { ActivityTypes, TestAdapter, type Activity } from 'botbuilder';
import { PrivacyMiddleware } from '../../bot/privacyMiddleware';
import { privacyFinding } from '../../state/turnFacts';
import { translator } from '../support/testBot';

/** One message through the privacy middleware; answers the activity and the finding the rest of the turn sees. */
async function through(message: Partial<Activity>) {
    let seen: { activity: Partial<Activity>; finding: ReturnType<typeof privacyFinding> } | undefined;
    const adapter = new TestAdapter(async (context) => {
        seen = { activity: context.activity, finding: privacyFinding(context) };
        await Promise.resolve();
    });
    adapter.use(new PrivacyMiddleware(translator));
    await adapter.send({ type: ActivityTypes.Message, ...message });
    assert.ok(seen, 'the turn ran');
    return seen;
}

// 10000000146 is a national ID number with valid check digits: a UUID may hold such a run.
const ID_LIKE_UUID = '16af36ab-0c07-4b4e-a888-f10000000146';

describe("privacy middleware: the bot's own ids in a click", () => {
    it('passes a reminder or ticket id that holds an ID-like digit run unchanged, and warns of nothing', async () => {
        const { activity, finding } = await through({ value: { renewalReminder: 'later', reminderId: ID_LIKE_UUID, stage: 0 } });
        assert.equal((activity.value as { reminderId: string }).reminderId, ID_LIKE_UUID);
        assert.equal(finding, undefined);
        const listed = await through({ value: { choice: `cancel:${ID_LIKE_UUID}` } });
        assert.equal((listed.activity.value as { choice: string }).choice, `cancel:${ID_LIKE_UUID}`);
    });

    it('passes the kept question id of a "did you mean" click unchanged, so the choice is noted on that question', async () => {
        const { activity, finding } = await through({ value: { answer: 'startRequest', asked: ID_LIKE_UUID } });
        assert.deepEqual(activity.value, { answer: 'startRequest', asked: ID_LIKE_UUID });
        assert.equal(finding, undefined);
    });

    it('still masks a national ID typed next to an id, in a card input and in text', async () => {
        const { activity, finding } = await through({ value: { ticketAction: 'message', ticketId: ID_LIKE_UUID, message: 'TC kimlik numaram 10000000146' } });
        const value = activity.value as { ticketId: string; message: string };
        assert.equal(value.ticketId, ID_LIKE_UUID);
        assert.ok(!value.message.includes('10000000146'), value.message);
        assert.ok(finding, 'the user is warned');
        const typed = await through({ text: `${ID_LIKE_UUID} kimlik 10000000146` });
        assert.ok(!typed.activity.text?.includes('10000000146'), typed.activity.text);
    });

    // An ID in front of a UUID's tail, which an unanchored UUID pattern took for an id.
    const GLUED = '10000000146-0000-0000-0000-000000000000';

    it('free text is never exempt: an ID glued to a UUID tail is masked in text and in every card field (security review 2, N6)', async () => {
        const typed = await through({ text: `Kedim kimlik numaram ${GLUED} yazınca neden hata veriyor` });
        assert.ok(!typed.activity.text?.includes('10000000146'), typed.activity.text);
        assert.ok(typed.finding, 'the user is warned');
        for (const value of [{ ticketId: GLUED }, { reminderId: GLUED }, { asked: GLUED }, { choice: `cancel:${GLUED}` }, { message: ID_LIKE_UUID }, { question: `${ID_LIKE_UUID}` }]) {
            const { activity, finding } = await through({ value });
            assert.ok(!JSON.stringify(activity.value).includes('10000000146'), JSON.stringify(activity.value));
            assert.ok(finding, `warned for ${JSON.stringify(value)}`);
        }
    });
});
