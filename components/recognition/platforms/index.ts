import { baidu } from './baidu';
import { ifeng } from './ifeng';
import { kr36 } from './kr36';
import { netease } from './netease';
import { sina } from './sina';
import { sohu } from './sohu';
import { tencent } from './tencent';
import { thepaper } from './thepaper';
import { wechat } from './wechat';
import type { PlatformEntry } from './types';

/** Every platform Sourcemark recognises. Adding one: a file here, this line, and its seeds. */
export const PLATFORMS: readonly PlatformEntry[] = [netease, sohu, tencent, baidu, sina, ifeng, kr36, thepaper, wechat];

export type { PlatformEntry } from './types';
