import { launchFirefox } from './firefox';
import { browserSuite } from './suite';

browserSuite('Firefox', launchFirefox);
