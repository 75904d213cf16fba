import * as assert from 'assert';
import * as fs from 'fs';
import { unzipSync } from 'fflate';
import { buildTeamsPackage, zipPackage } from '../../appPackage/teamsPackage';
import { fromRoot } from '../../core/projectPaths';
import { TestChat, profile } from '../support/testBot';
import { play } from '../support/conversationTable';

const BOT_ID = '6a0e1f53-2d4b-4c8a-9e7f-0b1c2d3e4f50';

describe('Teams app package', () => {
    it('fills the manifest from the environment and passes the JSON schema', () => {
        const built = buildTeamsPackage({ botId: BOT_ID, botDomain: 'eimza.example.org', version: '1.2.3', profile });
        assert.deepStrictEqual(built.problems, []);
        const bot = (built.manifest.bots as { botId: string; scopes: string[] }[])[0];
        assert.strictEqual(bot.botId, BOT_ID);
        assert.deepStrictEqual(bot.scopes, ['personal', 'team']);
        assert.deepStrictEqual(built.manifest.validDomains, ['eimza.example.org']);
        assert.strictEqual(built.manifest.id, profile.teamsApp.appId);
        assert.strictEqual(built.manifest.version, '1.2.3');
    });

    it('zips the manifest, its English localization and both icons', () => {
        const zip = unzipSync(zipPackage(buildTeamsPackage({ botId: BOT_ID, botDomain: 'eimza.example.org', version: '1.0.0', profile })));
        assert.deepStrictEqual(Object.keys(zip).sort(), ['color.png', 'en-us.json', 'manifest.json', 'outline.png']);
        const manifest = JSON.parse(Buffer.from(zip['manifest.json']).toString('utf8')) as { localizationInfo: { defaultLanguageTag: string } };
        assert.strictEqual(manifest.localizationInfo.defaultLanguageTag, 'tr-tr');
    });

    it('reports what the schema refuses instead of writing a broken package', () => {
        const built = buildTeamsPackage({ botId: 'not-a-guid', botDomain: 'eimza.example.org', version: '1.0.0', profile });
        assert.deepStrictEqual(
            built.problems.map((problem) => problem.split(' ')[0]),
            ['manifest.json/bots/0/botId'],
        );
    });

    it('every command of the app, in Turkish and English, is one the bot understands', async () => {
        const manifest = JSON.parse(fs.readFileSync(fromRoot('appPackage', 'manifest.template.json'), 'utf8')) as { bots: { commandLists: { commands: { title: string }[] }[] }[] };
        const english = JSON.parse(fs.readFileSync(fromRoot('appPackage', 'en-us.json'), 'utf8')) as Record<string, string>;
        const turkish = manifest.bots[0].commandLists[0].commands.map((command) => command.title);
        const englishTitles = turkish.map((_, index) => english[`bots[0].commandLists[0].commands[${index}].title`]);
        const expected = ['Adım 1 / 18', 'Başvuru Durumu', 'Taleplerim', 'Size nasıl yardımcı olabilirim?', 'Kütüphaneye ulaşın', 'What would you like to do?'];
        const expectedEnglish = ['Step 1 / 18', 'Başvuru Durumu', 'My tickets', 'How can I help?', 'Contact the library', 'Ne yapmak istiyorsunuz?'];
        for (const [index, title] of turkish.entries()) {
            await play(new TestChat({ locale: 'tr-TR' }), [{ say: title, sees: [expected[index]] }]);
            await play(new TestChat({ locale: 'en-US' }), [{ say: englishTitles[index], sees: [expectedEnglish[index]] }]);
        }
    });
});
