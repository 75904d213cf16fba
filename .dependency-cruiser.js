/**
 * The layers, top to bottom, and what each folder may import (see docs/architecture.md).
 * `npm run lint` runs this; a cycle or an import pointing up fails the build.
 */
const MAY_IMPORT = {
    tools: ['app', 'bot', 'localDirectLine', 'web', 'appPackage', 'dialogs', 'insights', 'understanding', 'cards', 'mail', 'tickets', 'renewals', 'flow', 'institution', 'storage', 'core'],
    app: ['bot', 'localDirectLine', 'web', 'appPackage', 'dialogs', 'insights', 'understanding', 'cards', 'mail', 'tickets', 'renewals', 'flow', 'institution', 'storage', 'core'],
    bot: ['dialogs', 'insights', 'understanding', 'cards', 'tickets', 'renewals', 'flow', 'institution', 'core'],
    localDirectLine: ['web', 'core'],
    web: ['institution', 'core'],
    appPackage: ['institution', 'core'],
    dialogs: ['insights', 'understanding', 'cards', 'tickets', 'renewals', 'flow', 'institution', 'core'],
    understanding: ['flow', 'institution', 'core'],
    cards: ['insights', 'tickets', 'renewals', 'flow', 'institution', 'core'],
    mail: ['tickets', 'renewals', 'institution', 'core'],
    storage: ['insights', 'tickets', 'renewals', 'understanding', 'flow', 'core'],
    insights: ['tickets', 'understanding', 'flow', 'institution', 'core'],
    tickets: ['renewals', 'flow', 'institution', 'core'],
    renewals: ['institution', 'core'],
    institution: ['core'],
    flow: ['core'],
    core: [],
};
const FOLDERS = Object.keys(MAY_IMPORT);

module.exports = {
    forbidden: [
        {
            name: 'no-circular',
            severity: 'error',
            comment: 'Files must not import each other in a loop.',
            from: {},
            to: { circular: true },
        },
        ...FOLDERS.map((folder) => ({
            name: `layers-${folder}`,
            severity: 'error',
            comment: `${folder}/ may import only: ${MAY_IMPORT[folder].join(', ') || 'nothing of the project'}.`,
            from: { path: `^${folder}/` },
            to: { path: `^(${FOLDERS.filter((other) => other !== folder && !MAY_IMPORT[folder].includes(other)).join('|')})/` },
        })),
        {
            name: 'entry-point-thin',
            severity: 'error',
            comment: 'index.ts only starts the application built in app/.',
            from: { path: '^index\\.ts$' },
            to: { path: `^(${FOLDERS.filter((folder) => !['app', 'core'].includes(folder)).join('|')})/` },
        },
        {
            name: 'no-test-code-in-app',
            severity: 'error',
            comment: 'Production code never imports tests or the benchmark.',
            from: { pathNot: '^(test|bench)/' },
            to: { path: '^(test|bench)/' },
        },
    ],
    options: {
        doNotFollow: { path: 'node_modules' },
        exclude: { path: '^(dist|node_modules|web/vendor)/' },
        tsPreCompilationDeps: true,
        tsConfig: { fileName: 'tsconfig.json' },
        reporterOptions: {
            text: { highlightFocused: true },
        },
    },
};

// For test/docs/layerTable.test.ts, which checks docs/architecture.md's table against it. Not enumerable:
// dependency-cruiser refuses a configuration with keys it does not know.
Object.defineProperty(module.exports, 'MAY_IMPORT', { value: MAY_IMPORT, enumerable: false });
