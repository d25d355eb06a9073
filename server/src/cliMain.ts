import { main } from './cli.js';

main();
