import { main } from './lsp/server.js';

main();
