import { main } from './cli/planThreads.js';

main();
