import { setupServer } from 'msw/node';

/** Each test installs its own backend with `server.use(...createBackend().handlers)`. */
export const server = setupServer();
