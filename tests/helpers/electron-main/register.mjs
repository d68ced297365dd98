// `node --import <this file>`: resolves 'electron' to electron.mjs beside it, so the app's built main entry
// (out/main/index.js) can run under plain Node the way the packaged binary runs it (tests/unit/cli/built-app.test.ts).
import { register } from 'node:module';

register(new URL('./hooks.mjs', import.meta.url));
