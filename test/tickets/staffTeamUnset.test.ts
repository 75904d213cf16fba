import * as assert from 'assert';
import { TicketWorld } from '../support/ticketWorld';

/** With STAFF_TEAM_ID unset tickets are kept for `npm run tickets`; the log says why they reach no channel, and says it once. */
describe('tickets with STAFF_TEAM_ID unset', () => {
    let world: TicketWorld;

    beforeEach(async () => {
        world = new TicketWorld({ STAFF_TEAM_ID: '' });
        await world.start();
    });

    afterEach(async () => {
        await world.stop();
    });

    const warnings = () => world.logLines.map((line) => JSON.parse(line) as { level: string; message: string; error?: string }).filter((entry) => entry.level === 'warn');

    it('the undelivered staff notice names the unset variable, not an installation, and two tickets log it once', async () => {
        for (const [id, question] of [
            ['web-first', 'İlk soru'],
            ['web-second', 'İkinci soru'],
        ]) {
            const user = world.webUser(id);
            await user.say('merhaba');
            await user.pick('askLibrary');
            await user.say(question);
            await user.say('Zeynep Kaya');
            assert.match(await user.say(`${id}@bezmialem.edu.tr`), /#100\d/);
            await world.settle();
        }
        const undelivered = warnings().filter((entry) => entry.message === 'notice not delivered, will retry');
        assert.strictEqual(undelivered.length, 1, JSON.stringify(undelivered));
        assert.match(undelivered[0].error ?? '', /STAFF_TEAM_ID is not set/);
        assert.ok(!world.logLines.some((line) => line.includes('install the bot')), 'no advice to install the bot in a team that is not configured');
        assert.strictEqual((await world.app.services.tickets.listOpen()).length, 2, 'both tickets are kept');
    });
});
