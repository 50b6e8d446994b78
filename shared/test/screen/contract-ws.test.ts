import { screenContract } from './contract.js';
import { wsHarness } from './ws-harness.js';

screenContract('WebSocket (browser mode, real server on 127.0.0.1)', wsHarness);
