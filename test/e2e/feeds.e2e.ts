import { launchChromium } from '../../fixtures/browser/chromium';
import { feedSuite } from './feeds';
import { launchFirefox } from './firefox';

feedSuite('Chromium', (server) => launchChromium(server, 'en-US', true, ['http://127.0.0.1/*']));
feedSuite('Firefox', (server) => launchFirefox(server, 'firefox-mv2'));
feedSuite('Firefox (MV3)', (server) => launchFirefox(server, 'firefox-mv3'));
