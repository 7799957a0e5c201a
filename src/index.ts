// The Action's main step (action.yml `main`): everything happens in run().
import { run } from './main.js';

void run();
