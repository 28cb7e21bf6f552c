// The JSON API as the server loads it under /api/v1 (see src/web/server.ts); the routes are in api.ts.
export { api as default } from './api.ts';
