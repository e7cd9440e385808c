// The explorer page.
import { startPage } from './page.js';

startPage();
