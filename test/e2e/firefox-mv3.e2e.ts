import { launchFirefox } from './firefox';
import { browserSuite } from './suite';

browserSuite('Firefox (MV3)', (server) => launchFirefox(server, 'firefox-mv3'));
