/**
 * The layers, top to bottom, and what each folder may import (see docs/architecture.md).
 * `npm run lint` runs this over the whole tree; a cycle, an import pointing up, an import the
 * folder's row does not allow, or a source file in a folder that is not listed here fails the build.
 */
const MAY_IMPORT = {
    tools: ['app', 'bot', 'localDirectLine', 'web', 'appPackage', 'dialogs', 'state', 'insights', 'understanding', 'cards', 'mail', 'tickets', 'renewals', 'flow', 'institution', 'storage', 'core'],
    app: ['bot', 'localDirectLine', 'web', 'appPackage', 'dialogs', 'state', 'insights', 'understanding', 'cards', 'mail', 'tickets', 'renewals', 'flow', 'institution', 'storage', 'core'],
    bot: ['dialogs', 'state', 'insights', 'understanding', 'cards', 'tickets', 'renewals', 'flow', 'institution', 'core'],
    localDirectLine: ['web', 'core'],
    web: ['institution', 'core'],
    appPackage: ['institution', 'core'],
    dialogs: ['state', 'insights', 'understanding', 'cards', 'tickets', 'renewals', 'flow', 'institution', 'core'],
    state: ['insights', 'tickets', 'flow', 'core'],
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

/**
 * The only folders that may import the Bot Framework (or the Agents SDK that follows it): a move to
 * another SDK touches these and nothing else. Every other folder is the domain — core, flow, tickets,
 * insights, understanding, institution, renewals, and any folder added later unless it is put here.
 */
const BOT_FRAMEWORK_EDGE = ['tools', 'app', 'bot', 'localDirectLine', 'state', 'dialogs', 'cards', 'storage', 'web'];
const BOT_FRAMEWORK = '^(node_modules/)?(botbuilder|botframework-|@microsoft/agents-)';

/** Outside the layers: tests and the benchmark may import anything; scripts/ runs the build. */
const OUTSIDE_LAYERS = ['test', 'bench', 'scripts'];
const KNOWN = `^(index\\.ts$|(${[...FOLDERS, ...OUTSIDE_LAYERS].join('|')})/)`;

/** An import of a project file that is not in these folders (packages and Node's own modules are not layered). */
const projectFileOutside = (folders) => ({
    pathNot: `^(node_modules/|(${folders.join('|')})/)`,
    dependencyTypesNot: ['core'],
});

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
            to: projectFileOutside([folder, ...MAY_IMPORT[folder]]),
        })),
        {
            name: 'folder-not-in-layers',
            severity: 'error',
            comment: `Every source file lives in a folder of MAY_IMPORT in .dependency-cruiser.js (or ${OUTSIDE_LAYERS.join(', ')}): give a new folder its row first.`,
            from: { pathNot: KNOWN },
            to: {},
        },
        {
            name: 'folder-not-in-layers-imported',
            severity: 'error',
            comment: 'Imports a file in a folder that has no row in MAY_IMPORT of .dependency-cruiser.js.',
            from: {},
            to: { pathNot: `^node_modules/|${KNOWN}`, dependencyTypesNot: ['core'] },
        },
        {
            name: 'folder-not-in-layers-orphan',
            severity: 'error',
            comment: 'A file in a folder that has no row in MAY_IMPORT of .dependency-cruiser.js.',
            from: { orphan: true, pathNot: KNOWN },
            to: {},
        },
        {
            name: 'bot-framework-at-the-edge',
            severity: 'error',
            comment: `Only ${BOT_FRAMEWORK_EDGE.join(', ')} (and tests) import botbuilder, botframework-* or @microsoft/agents-*: the domain stays free of the SDK.`,
            from: { pathNot: `^(${[...BOT_FRAMEWORK_EDGE, 'test', 'bench'].join('|')})/` },
            to: { path: BOT_FRAMEWORK },
        },
        {
            name: 'entry-point-thin',
            severity: 'error',
            comment: 'index.ts only starts the application built in app/.',
            from: { path: '^index\\.ts$' },
            to: projectFileOutside(['app', 'core']),
        },
        {
            name: 'scripts-apart',
            severity: 'error',
            comment: 'scripts/ runs the build with Node alone; it imports nothing of the project.',
            from: { path: '^scripts/' },
            to: projectFileOutside(['scripts']),
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
        // node_modules stays in the graph (not followed) so the Bot Framework rule sees the imports; root config files are no source.
        exclude: { path: '^(dist|web/vendor)/|^[^/]+\\.(js|mjs|cjs)$' },
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
