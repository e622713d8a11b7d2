import { launchChromium } from '../../fixtures/browser/chromium';
import { launchFirefox } from './firefox';
import { subscriptionSuite } from './subscriptions';

subscriptionSuite('Chromium', (server) => launchChromium(server, 'en-US', true, ['http://127.0.0.1/*']));
subscriptionSuite('Firefox', (server) => launchFirefox(server, 'firefox-mv2'));
subscriptionSuite('Firefox (MV3)', (server) => launchFirefox(server, 'firefox-mv3'));
