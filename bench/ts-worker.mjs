// Starts a TypeScript worker thread: tsx's hooks are registered in the thread itself, then the file named in workerData.entry runs.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
