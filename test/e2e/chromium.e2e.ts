import { launchChromium } from '../../fixtures/browser/chromium';
import { browserSuite } from './suite';

// Chromium itself opens tunnels to its sign-in service at start-up, with or without any
// extension (measured with the extension left out). The proxy refuses them: nothing is sent.
browserSuite('Chromium', launchChromium, ['CONNECT accounts.google.com:443']);
