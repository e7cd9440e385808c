// The explorer page: the explorer in #explorer, its state in the URL.
import * as explorer from './pkg/technopolis_explorer.js';
import { start } from './start.js';

start(document.getElementById('explorer'), explorer);
