import { main } from './server.js';

main();
