// Preloaded (--import) into each test worker after tsx: installs hooks.mjs.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
