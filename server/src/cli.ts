import { main } from './cli/cli.js';

main();
