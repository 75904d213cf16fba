import * as nodeModule from 'module';

/**
 * Loading the modules is most of the start-up (botbuilder and botbuilder-dialogs alone about a
 * second). Node 22.1+ can keep V8's compiled code on disk and reuse it on the next start
 * (`module.enableCompileCache`, in os.tmpdir() unless NODE_COMPILE_CACHE says where): on Node 24
 * the first answer came 1.57 s after spawning instead of 1.68 s (median of seven starts each, every
 * pair faster). Node 20 has no such cache: this does nothing there. Imported first by index.ts,
 * so everything after it is loaded through the cache.
 */
const enableCompileCache = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;
enableCompileCache?.();
