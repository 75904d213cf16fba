import * as fs from 'fs';
import * as path from 'path';
import { chromium } from 'playwright-core';
import { fromRoot } from '../core/projectPaths';

/**
 * Draws the app's PNG icons from their SVG sources with Debian's Chromium. A maintainer runs it
 * after changing an SVG (`npm run build && node dist/tools/renderIcons.js`); the PNGs are
 * committed, so packaging needs no browser.
 */
async function render(): Promise<void> {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
        for (const [name, size] of [
            ['color', 192],
            ['outline', 32],
        ] as const) {
            const page = await browser.newPage({ viewport: { width: size, height: size } });
            const svg = fs.readFileSync(fromRoot('appPackage', 'icons', `${name}.svg`), 'utf8');
            await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
            await page.screenshot({ path: path.join(fromRoot('appPackage', 'icons'), `${name}.png`), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
            await page.close();
        }
    } finally {
        await browser.close();
    }
}

render().catch((error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
});
