/**
 * The cue lexicon: word-level signals that a sentence asserts something without a checkable
 * source. Attribution (who said it) lives in sourced.ts; this file only knows words.
 *
 * Every pattern is a literal or a bounded pattern (no nested quantifiers), and all of them are
 * compiled into ONE alternation, so a sentence is scanned once and the cost stays linear.
 * Patterns must not contain capturing groups: the group index tells which cue matched.
 *
 * Hedged predictions. The reference labelling treats 很可能 (and its strong kin 极有可能, 大概率,
 * 十有八九) as a certainty claim: a strong forecast with no evidence. We follow it but mark those
 * cues `soft`: a soft cue is dropped inside an opinion frame and anywhere in a sentence that ends
 * as a question. Genuinely hedged forms (或将, 有望, 可能, 或许, 也许, 不排除, 不一定) are never
 * flagged: the writer has said it is a guess, which is the honest form.
 *
 * Beyond the named cue words, articles on other platforms gesture at sources and certainty in
 * whole families of wording, each with its own trap: rumour verbs (消息传出, but not 传出一阵笑声),
 * the writer's own knowledge (我了解到, but not 我了解到这些情况后), what "everyone knows" (谁都清楚,
 * but not 谁也说不准), amounts without digits (数以万计, 大半, but not 大半年) and predictions
 * stated as settled (没有悬念, 已是定局, but not 并非不可避免).
 *
 * Writers who never saw these lists add: amounts in Chinese numerals and ranges (两三千元, 十来个亿,
 * 上百座, but not 一两句话, 三五成群, 十来天, 线上千人千面), shares and magnitudes without digits
 * (绝大多数, 占了大头, 差不多是腰斩, but not 被腰斩 of a cancelled show), certainty as what is
 * obvious (心知肚明, 明眼人一看便知, 可现实是，, but not 只有他自己心里清楚), unnamed people who did
 * the sums (圈子里早就有人算过账), and sayings that look like rumours (流传着一句话, 坊间有句老话:
 * a saying, not a rumour; 流传着一种说法 stays one).
 *
 * The second blind batch adds: certainty as sums anyone can do (谁都算得清, but not 谁也算不清),
 * 多半会 as a strong hedge (not 多半的人), settled negatives (短期内不可能, but not 不太可能), the
 * writer's bottom line (说到底…根本没有, but not 说到底，我根本… or a bare 根本), rumours 在传 in a
 * circle (not 传阅, 传统), an unowned common view (行内普遍的说法是, but not 这种说法是错误的),
 * shares of a count (十台里有三四台); and what is no statistic: model years and specifications
 * (2022款, 7座SUV, 1.5升发动机, but not 23款新车) and what the writer saw on a visit.
 */

import type { ClaimCategory } from '../vocabulary/categories';
import { classifySubject } from './sourced';

export type { ClaimCategory };

export interface Reason {
  zh: string;
  en: string;
}

export type CueKind =
  | 'hearsay'
  | 'first-hand'
  | 'carried-vague'
  | 'unnamed-media'
  | 'anonymous-person'
  | 'unnamed-document'
  | 'ownerless-evidence'
  | 'certain'
  | 'everyone-knows'
  | 'absolute'
  | 'insider'
  | 'prediction'
  | 'strong-hedge'
  | 'quantity'
  | 'magnitude'
  | 'comparison';

export interface CueDef {
  kind: CueKind;
  category: ClaimCategory;
  /** Regex source without capturing groups. */
  pattern: string;
  /** Soft cues give way to opinion frames and questions (see the file comment). */
  soft?: boolean;
  /** A negation just before the cue (不, 未, 并非 …) cancels it: 并不必然, 不一定会. */
  negatable?: boolean;
  /** Context veto on the matched span of `s`; false drops the match. */
  accept?: (s: string, start: number, end: number) => boolean;
}

const REASONS: Record<CueKind, (cue: string) => Reason> = {
  hearsay: (c) => ({
    zh: `传闻式说法“${c}”：消息来源没有点名，读者无法核实。`,
    en: `Hearsay wording "${c}": the source is not named, so the reader cannot check it.`,
  }),
  'first-hand': (c) => ({
    zh: `“${c}”：作者说自己知道或打听到，却没有说从谁那里、怎样得知。`,
    en: `"${c}": the writer says they learnt it, but not from whom or how.`,
  }),
  'carried-vague': (c) => ({
    zh: `“${c}”：接着上一句的匿名来源说下去，仍然没有点名。`,
    en: `"${c}": continues the previous sentence's unnamed source, still unnamed.`,
  }),
  'unnamed-media': (c) => ({
    zh: `“${c}”：提到了媒体，却没有说是哪家、哪篇报道。`,
    en: `"${c}": media are invoked without saying which outlet or which report.`,
  }),
  'anonymous-person': (c) => ({
    zh: `“${c}”：说话人是匿名或泛指的人士，无法核实。`,
    en: `"${c}": the speaker is anonymous or unspecified, so the claim cannot be checked.`,
  }),
  'unnamed-document': (c) => ({
    zh: `“${c}”：引用了资料，却没有给出具体出处。`,
    en: `"${c}": material is cited without saying where it comes from.`,
  }),
  'ownerless-evidence': (c) => ({
    zh: `“${c}”：说“数据/研究显示”，却没有说是谁的数据、哪项研究。`,
    en: `"${c}": "data/research shows" with no owner: whose data, which study?`,
  }),
  certain: (c) => ({
    zh: `“${c}”：把判断说成确定无疑的事实，却没有给出证据。`,
    en: `"${c}": a judgement is presented as established fact without evidence.`,
  }),
  'everyone-knows': (c) => ({
    zh: `“${c}”：用“大家都知道”代替证据。`,
    en: `"${c}": "everyone knows" stands in for evidence.`,
  }),
  absolute: (c) => ({
    zh: `“${c}”：绝对化的断言，没有给出依据。`,
    en: `"${c}": an absolute assertion with nothing to back it.`,
  }),
  insider: (c) => ({
    zh: `“${c}”：声称知道内幕或秘密，却没有说明从何得知。`,
    en: `"${c}": claims inside or secret knowledge without saying how it is known.`,
  }),
  prediction: (c) => ({
    zh: `“${c}”：把预测当作必然发生的事实来陈述。`,
    en: `"${c}": a prediction stated as if it were certain to happen.`,
  }),
  'strong-hedge': (c) => ({
    zh: `“${c}”：把没有证据的推测说成大概率事件。`,
    en: `"${c}": speculation without evidence presented as highly likely.`,
  }),
  quantity: (c) => ({
    zh: `数字“${c}”作为事实给出，却没有注明来源。`,
    en: `The figure "${c}" is stated as fact with no source.`,
  }),
  magnitude: (c) => ({
    zh: `数量“${c}”作为事实给出，却没有注明来源。`,
    en: `The amount "${c}" is stated as fact with no source.`,
  }),
  comparison: (c) => ({
    zh: `量化比较“${c}”没有注明数据来源。`,
    en: `The quantitative comparison "${c}" gives no source for its figures.`,
  }),
};

export function reasonFor(kind: CueKind, cueText: string): Reason {
  return REASONS[kind](cueText);
}

// ---------------------------------------------------------------------------------------------
// Context checks

const NEGATION_BEFORE = /(?:不|未|没|非|别|勿|无须|无需)$/;

/** 不一定 / 未必 … earlier in the same clause negate a later certainty cue: 未必意味着房价必然回升. */
const CLAUSE_NEGATOR = /不一定|未必|并不是|不是|不见得|未见得|并不|并非|不代表|不意味着|不能说|很难说|难说|不会/;

const CLAUSE_BREAK_CHARS = '，,；;：:。！？!?\n';

/** Start of the clause containing i, looking back at most 32 characters (callers only need a
 * short window, and an unbounded walk would make a long clause quadratic). */
function clauseStartBefore(s: string, i: number): number {
  let j = i;
  const floor = Math.max(0, i - 32);
  while (j > floor && !CLAUSE_BREAK_CHARS.includes(s.charAt(j - 1))) j--;
  return j;
}

/** True when the cue at [start,end) is negated (used for negatable cues). */
export function isNegated(s: string, start: number): boolean {
  const before = s.slice(Math.max(0, start - 3), start);
  if (NEGATION_BEFORE.test(before)) return true;
  const cs = clauseStartBefore(s, start);
  // Bounded look-back keeps this O(1) per cue.
  const window = s.slice(Math.max(cs, start - 24), start);
  return CLAUSE_NEGATOR.test(window);
}

function isLatin(ch: string): boolean {
  return /[A-Za-z]/.test(ch);
}

/** Time, age and order words: 2026年, 14个月, 第50旅, 60岁 are not statistics. */
const NOT_QUANTITY_AFTER = /^(?:年|月|日|号|天|周|小时|分钟|秒|岁|届|代|期|季度|世纪|级|层|楼|路|号线|点钟)/;

function acceptQuantity(s: string, start: number, end: number): boolean {
  const prev = start > 0 ? s.charAt(start - 1) : '';
  if (prev === '第' || isLatin(prev) || /[0-9.\-—~～/]/.test(prev)) return false;
  // A number glued to Latin letters is a model or a name (5G, H200, G7).
  let k = start;
  while (k < end && !/[0-9]/.test(s.charAt(k))) k++;
  if (k < end) {
    if (k > start && isLatin(s.charAt(k - 1))) return false;
    while (k < end && /[0-9.,]/.test(s.charAt(k))) k++;
    if (k < s.length && isLatin(s.charAt(k))) return false;
  }
  if (NOT_QUANTITY_AFTER.test(s.slice(end, end + 3))) return false;
  return !isModelSpec(s.slice(start, end), s.slice(end, end + 4));
}

/** Model years and specifications name a product, they count nothing: 2022款, 7座SUV, 1.5升发动机. */
function isModelSpec(m: string, after: string): boolean {
  if (/^(?:19[5-9]|20[0-4])\d款$/.test(m)) return true;
  if (/^\d座$/.test(m)) return /^(?:的)?(?:SUV|MPV|车|轿|版|布局)/.test(after);
  if (/^\d\.\d升$/.test(m)) return /^(?:的)?(?:发动机|排量|涡轮|自吸|版|车型|[TL])/.test(after);
  return false;
}

/** Chinese numerals in idioms: 十万火急, 十万八千里, 一万个理由 are not figures. */
function acceptChineseQuantity(s: string, start: number, end: number): boolean {
  if (!acceptQuantity(s, start, end)) return false;
  const after = s.slice(end, end + 3);
  if (/^(?:火急|八千里|个不|个理由|一失)/.test(after)) return false;
  // 上 and 数 double as ordinary words. After a place or a surface 上 is locative (线上千人千面,
  // 市场上万科), elsewhere it means "up to" (有上百座, 每年上千万, 动辄上百万); 数 without a
  // unit (人数十分) is accepted only where a quantity can end.
  const lead = s.charAt(start);
  if (lead === '上' && /[线网场身路台桌墙面地史际头手书图屏街岸山海空船车床楼板架纸榜会加马以晚早爬赶跟看碰遇]/.test(s.charAt(start - 1))) return false;
  if (lead === '数' && !/[元人名家个次多余倍%％枚架辆艘吨]$/.test(s.slice(start, end))) {
    return after === '' || /^[的人元块名家个次多余，,。；;、）)”！？!?]/.test(after);
  }
  return true;
}

/** X成 as a share (七成以上, 近三成的人) but not 一成不变, 八成是 (probably), 成本, 成为. */
function acceptTenths(s: string, start: number, end: number): boolean {
  if (!acceptQuantity(s, start, end)) return false;
  const m = s.slice(start, end);
  const hasPrefix = /^(?:近|超过?|逾|约|占|达|有|不足|不到|仅|将近|接近)/.test(m);
  const hasSuffix = /(?:以上|左右|多)$/.test(m);
  if (hasPrefix || hasSuffix) return true;
  const next = s.charAt(end);
  if (next === '' || /[，,。；;！？!?、）)”]/.test(next)) return true;
  return !/[是会要不为了功就也都绩本员立长熟交果品年型效像分语色真群堆片]/.test(next);
}

/** Hedged or conditional futures (预计…将, 如果…将, 一旦…将) and habits (每年春节都会出现) are
 * not predictions stated as fact. */
const PREDICTION_HEDGE = /预计|预期|估计|可能|或许|也许|有望|如果|若|一旦|假如|倘若|要是|万一|每|往往|通常|一般|总是|经常|常常/;

function acceptPrediction(s: string, start: number): boolean {
  // The condition usually sits in the clause before (如果美联储继续加息，美股将…), so the window
  // is the 32 characters before the cue, across commas.
  return !PREDICTION_HEDGE.test(s.slice(Math.max(0, start - 32), start));
}

function acceptRumourAsSource(s: string, start: number, end: number): boolean {
  if (/[称说指道]$/.test(s.slice(start, end))) return true;
  // Otherwise only at the start of a clause: 传闻某顶流已离婚.
  const prev = start > 0 ? s.charAt(start - 1) : '';
  return prev === '' || /[，,；;：:。！？!?\s]/.test(prev);
}

/**
 * 我了解到 / 笔者从…获悉: the writer vouches for what follows without saying who told them. Not
 * when the 从… names a source (笔者从国家统计局了解到), and not as narration of what the writer
 * did next (我了解到这些情况后，…).
 */
function acceptFirstHand(s: string, start: number, end: number): boolean {
  const from = /从(.{1,24}?)(?:那里|那儿|处|口中|手里|手中)?(?:了解到|获悉|得知|打听到)$/.exec(s.slice(start, end));
  if (from?.[1] && classifySubject(from[1], false) === 'named') return false;
  return !/^[^，,。；;！？!?]{0,16}?(?:后|之后|以后|时)(?:[，,]|$)/.test(s.slice(end, end + 20));
}

/** 坊间有句老话, 跑圈里流传着一句话: a saying or a joke is passed on, not a rumour about a fact. */
const SAYING = /^[^，,。；;！？!?]{0,6}?(?:老话|俗话|俗语|谚语|顺口溜|段子|笑话|玩笑|调侃|口头禅|歇后语|句话)/;

function acceptHearsay(s: string, _start: number, end: number): boolean {
  return !SAYING.test(s.slice(end, end + 10));
}

/** 听当地人说, 听圈里人讲: hearsay, unless the one heard is named (听李明说). */
function acceptHeardFrom(s: string, start: number, end: number): boolean {
  const who = s.slice(start + 1, end).replace(/(?:说|讲)(?:过|起)?$/, '');
  return classifySubject(who, true) !== 'named';
}

/** 消息传出后，股价大涨 narrates the reaction to news, it does not pass on a rumour. */
function acceptRumourVerb(s: string, start: number, end: number): boolean {
  return !/^(?:后|之后|以后|当天|次日|当晚)/.test(s.slice(end, end + 2)) && acceptHearsay(s, start, end);
}

/** The writer went somewhere and looked (小编去车行转了转, 我走访了几家门店): figures about a single
 * thing seen there (一台…挂价11.8万元) are narration. Returns where the narration starts, or -1.
 * 我去车市转了转，发现价格普遍跌了三成 names no single thing and stays a statistic. */
const VISIT =
  /(?:小编|笔者|我们?)[^，,。；;！？!?“”]{0,12}?(?:去|到|来到|跑到|走进|逛)[^，,。；;！？!?“”]{1,20}?(?:转了转|看了看|逛了逛|[转看逛走跑问]了一[圈趟]|问了问)|(?:小编|笔者|我们?)[^，,。；;！？!?“”]{0,12}?(?:走访|探访|暗访|实地看)/;
const SEEN_ITEM = /一(?:台|辆|套|件|款|瓶|盒|部|只|间|斤|份|碗|杯|双)|挂价|标价|售价|报价|开价|要价|标着|写着/;

export function firstHandObservation(s: string): number {
  const v = VISIT.exec(s);
  if (!v) return -1;
  const from = v.index + v[0].length;
  return SEEN_ITEM.test(s.slice(from, from + 40)) ? from : -1;
}

/** 我有个在鲸云做产品经理的朋友: an unnamed person comes in, so a 她告诉我 after it is unnamed
 * too. Not when they are named (我的朋友小王, 一个叫李明的同事, 化名). */
const KIN = '(?:朋友|同事|同学|亲戚|邻居|表姐|表妹|表哥|表弟|堂哥|堂姐|发小|闺蜜|熟人|老乡|学长|学姐)';
const UNNAMED_PERSON = new RegExp(`(?:我|笔者|小编|有个|有一个|有位|有一位)[^，,。；;！？!?“”]{0,20}?${KIN}(?![们圈])`);
const NAMED_PERSON = new RegExp(`叫|化名|姓|${KIN}[小老]?[王李张刘陈杨黄赵吴周徐孙朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪廖贾夏韦邹孟熊秦邱尹薛闫侯陶黎贺顾毛郝龚邵钱严覃戴莫孔汤]`);

export function introducesUnnamedPerson(s: string): boolean {
  return UNNAMED_PERSON.test(s) && !NAMED_PERSON.test(s);
}

/** 说到底…根本没有必要: the writer's bottom line, stated as settled. 根本 alone only intensifies
 * (根本不吃这一套), and 说到底，我根本不在乎 is about the writer. */
function acceptBottomLine(s: string, start: number): boolean {
  if (!/说到底|归根结底|归根到底|说白了|讲白了/.test(s.slice(Math.max(0, start - 40), start))) return false;
  return !/(?:我|我们|笔者|自己)[^，,。]{0,2}$/.test(s.slice(Math.max(0, start - 4), start));
}

/** 这个道理谁都懂 is a platitude about advice, not an appeal to common knowledge for a fact. */
function acceptEveryoneKnows(s: string, start: number): boolean {
  return !/道理|这个理/.test(s.slice(Math.max(0, start - 12), start));
}

// ---------------------------------------------------------------------------------------------
// Patterns

/** Starts only at the start of a digit run, so a run of n digits costs O(n), not O(n²). */
const NUM = String.raw`(?<![\d.,])\d+(?:[.,]\d+)*(?:[-~～—–至到]\d+(?:\.\d+)?)?`;
const MAG = '(?:万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千|百)';
const BIG_MAG = '(?:万亿|千亿|百亿|十亿|亿|千万|百万|十万|万)';
/** Counters and units after a number. Time units and 岁 are deliberately absent. */
const UNIT =
  '(?:个百分点|百分点|基点|%|％|倍|美元|美金|欧元|日元|英镑|卢布|港元|港币|韩元|丹麦克朗|克朗|法郎|卢比|人民币|元|块钱|块|万人次|人次|人|名|位|家|件|台|部|座|所|辆|架|枚|艘|吨|桶|只|头|套|栋|户|款|份|场|张|剂|支|瓶|盒|笔|项|例|篇|处|颗|株|亩|公顷|平方公里|平方米|公里|千米|米|千克|公斤|斤|毫克|克|毫升|升|千瓦时|立方米|盎司|英里|海里|个(?!月|小时|星期|工作日|季度|交易日|半月))';
const APPROX = '(?:约|近|逾|超过了?|超过|超|多达|高达|达到了?|达|不到|不足|仅|将近|接近|突破了?|至少)';
const CN_DIGIT = '(?<![一二两三四五六七八九十百千零〇])[一二两三四五六七八九十]';
const CN_NUM = '[一二两三四五六七八九十百千零〇]';
/** Approximate ranges: 两三千元, 三五千块, 一两百块, 两三成 (not 一两句话, 三五成群: no magnitude). */
const RANGE_WORDS = '(?:一两|两三|三四|四五|五六|六七|七八|八九|三五)';
const RANGE = `(?<![一二两三四五六七八九十])${RANGE_WORDS}`;
/** Amounts in Chinese numerals, as one alternative that starts on the numeral: a range with a
 * magnitude (两三千元, 七八十万), hundreds and thousands with a unit (三千多块, not 一百个理由),
 * 个亿 (十来个亿, 好几个亿) and 来 (二十来万). Anecdote-sized counts (七八个人) have no magnitude. */
const CN_APPROX = `(?<![一二两三四五六七八九十百千零〇])(?:${RANGE_WORDS}(?:[十百千]?${BIG_MAG}(?:来|多|余)?(?:${UNIT})?|[十百千](?:来|多|余)?${UNIT})|[一二两三四五六七八九十](?:[一二两三四五六七八九十百千零〇]{0,3}[百千](?:来|多|余)?(?!个)${UNIT}|[十百千几来多]{0,2}个[百千]?亿|十?来${BIG_MAG})|[几数]个[百千]?亿)`;
/** Outcome verbs after 将 / 都会 that make a future tense into a prediction. Object-marker 将
 * (将…比作, 将年龄延迟到) is followed by a noun, never by one of these. */
const OUTCOME =
  '(?:面临|引爆|引发|导致|迎来|步入|陷入|失去|崩溃|崩盘|爆发|不再|无法|终结|走向|重创|颠覆|取代|淘汰|暴跌|暴涨|大涨|大跌|出现|波及|归零|刷新|消失|倒闭|破产|瓦解|解体|覆灭|灭亡|沦为|一蹶不振|付出|遭遇|蒸发|腰斩|被[^，,。；;]{0,6}?(?:淘汰|取代|抛弃|边缘化|击垮|拖垮|吞并|瓜分|清算|打垮))';
const OUTCOME_ADV = '(?:彻底|全面|直接|迅速|很快|再次|进一步|被迫|不得不|一举|最终|注定)?';

export const CUES: readonly CueDef[] = [
  // ---------------- vague: a source gestured at, not named
  { kind: 'hearsay', category: 'vague', pattern: '(?<![数占证依根凭单票字论割收借])据(?:悉|说|传|称|闻|了解到?|透露|报道|报导|不完全统计|统计|估计|估算|测算|爆料)(?![的])' },
  { kind: 'hearsay', category: 'vague', pattern: '有消息(?:称|说|指出|人士|透露)|消息(?:称|人士)|小道消息|内部消息' },
  { kind: 'hearsay', category: 'vague', pattern: '网传|网曝|网爆|网友爆料|网上(?:流传|盛传|疯传)|网络上?(?:流传|盛传)|坊间|风传|盛传|疯传|谣传|外界(?:猜测|传言|盛传|普遍认为|普遍猜测)|听说|(?<!人)听闻|有(?:传言|传闻)|有报道(?:称|说|指出)|爆料(?:称|说|指)', accept: acceptHearsay },
  { kind: 'hearsay', category: 'vague', pattern: '(?<![打探])听(?![说闻我你您])[^，,。；;！？!?“”]{1,12}?(?:说|讲)(?:过|起)?(?=[，,:：“"])', accept: acceptHeardFrom },
  // Rumour verbs: 消息传出, 传出了…的消息 (not 传出一阵笑声), 业内流传, 流传着一种说法.
  {
    kind: 'hearsay',
    category: 'vague',
    pattern:
      '(?:消息|风声|传闻|说法|传言)(?:已经?|又|再次|再度|早就|早已|随即)?传出|传出了?[^，,。；;！？!?]{0,12}?(?:消息|风声|传闻|说法|传言)|(?:业内|圈内|圈里|圈子里|行内|行业内|行业里|娱乐圈里?|市场上?|朋友圈里?|群里|私下)(?:一直|早就|早已|广为|还|也|就|都)?(?:已经|已)?在?(?:流传|相传|传开|传(?![阅统播承递授达染球闻言出]))|流传(?:着|的)[^，,。；;！？!?]{0,8}?(?:说法|消息|传言|传闻|版本|名单|截图)',
    accept: acceptRumourVerb,
  },
  // The writer's own unexplained knowledge: 我了解到, 笔者从知情人处获悉, 据我所知.
  {
    kind: 'first-hand',
    category: 'vague',
    pattern: '(?:我(?![国省市县区校院司军方台刊报部])|笔者|小编|本人)[^，,。；;！？!?“”]{0,24}?(?:了解到|获悉|得知|打听到)|据(?:我|笔者|小编)(?:所知|了解|观察|掌握的情况)|就我所知',
    accept: acceptFirstHand,
  },
  // 传闻/传言 as the source of what follows (传闻称…, clause-initial 传闻某某…), not as a noun
  // under discussion (这一传闻的真实性有待验证, 审慎对待这些传闻).
  { kind: 'hearsay', category: 'vague', pattern: '(?:传闻|传言)(?:称|说|指|道)|(?:传闻|传言)(?=[^的，,。；;！？!?“”])', accept: acceptRumourAsSource },
  {
    kind: 'unnamed-media',
    category: 'vague',
    pattern: '有(?:多家|部分|一些|不少)?(?:外国|海外|境外|国外|西方)?媒体|(?:多家|部分|一些|不少|有的|境外|海外|国外|西方|外国|欧美)媒体|外媒|[美俄乌日韩英法德欧印台港以伊朝]媒(?!体)|媒体.?漏风.?|放风(?!筝)',
  },
  {
    kind: 'anonymous-person',
    category: 'vague',
    pattern: '知情人士|业内人士|内部人士|权威人士|有关人士|消息人士|分析人士|市场人士|接近[^，,。；;]{1,12}?的人士|圈内人(?!尽皆知)|知情者|爆料者|爆料人|匿名人士|不愿(?:透露|公开)?(?:姓名|具名|署名)|要求匿名|私下(?:透露|告诉|说|表示|抱怨|承认|坦言|吐槽|证实)|有(?:关)?(?:专家|学者|分析师|研究人员|研究者|官员|律师|机构人士|内部员工|网友|知情人)|专家(?:称|表示|指出|认为|分析|透露|预测|预计|建议|提醒|警告)|(?:有关|相关)部门(?:表示|称|指出|透露|回应|介绍|人士)|业内(?:普遍)?(?:认为|估计|预计|分析)|业内(?:早有|早已有|已有|普遍)?(?:共识|公认)|(?:业内|圈内|圈里|圈子里|行内|行业内|行业里|坊间|民间|市场上?)(?:比较)?(?:普遍|流行|通行|主流|一般)?的(?:说法|看法|共识|观点|估计|判断)(?:是|认为|称)|(?:普遍|流行|通行|主流)的说法(?:是|认为|称)|有(?:一种)?说法(?:是|称|认为)|有分析(?:认为|指出|称)|分析(?:认为|称)|有观点(?:认为|称)|有人士|有人(?:私下|早就|早已|粗略)?(?:算过|算了一?笔?账|估算过?|测算过?|统计过|做过统计)|(?:圈子|圈|行|业|同行)[里内中](?:早就|早已|也|都|一直|还)?有人(?!问|担心|好奇|不)',
  },
  { kind: 'unnamed-document', category: 'vague', pattern: '多方资料|多方消息|多方证实|综合[^，,。；;]{0,16}?(?:资料|消息|报道|信息|媒体)|参考[^，,。；;]{0,16}?(?:资料|资讯|报道|消息)|相关资料|有关资料|公开资料|公开信息显示' },

  // ---------------- certainty: certain, inevitable, insider, with no evidence
  {
    kind: 'certain',
    category: 'certainty',
    negatable: true,
    pattern:
      '可以(?:确定|肯定|断定|预见|预料|断言)|能够确定|毫无疑问|毋庸置疑|不容置疑|无可置疑|无可争议|毫无悬念|众所周知|尽人皆知|人所共知|显而易见|很显然|显然|明摆着|不言而喻|不言自明|摆明了|不用(?:多)?说也(?:知道|明白|清楚)|不难(?:看出|发现)|(?:就|便)能(?:够)?(?:看出|推断出?|预判)|无需(?:过多)?(?:思考|多想)|不可否认|事实上|实际上|事实(?:证明|表明|是)|历史(?:证明|告诉我们)|实践证明|真相(?:是|只有一个)|实际情况是|现实情况是|现实(?:却|偏偏|往往)?是(?=[，,：:])|可想而知|无一例外|千真万确|确凿无疑|铁证如山|根本原因(?:在于|是)|稳拿|稳操胜券',
  },
  {
    kind: 'everyone-knows',
    category: 'certainty',
    negatable: true,
    pattern:
      '(?:大家|谁|人人|每个人|所有人|地球人|明白人|(?:稍微|但凡)?懂(?:点|些)?行的人?|(?:稍|但凡|稍微)?有(?:点|些)?常识的人|用脚(?:指|趾)头想(?:想|一下)?|内行人?|圈(?:内|里)人?|业内人?|行内人?|傻子|瞎子|三岁小孩|小学生)(?:心里|其实|早就|早已|几乎|基本上)?(?:都|人人都)(?:知道|清楚|明白|心知肚明|有数|门儿清|看得(?:出来?|清|到|懂|明白)|算得(?:清|明白|过来)|想得(?:通|明白)|晓得|懂)|懂的都懂|人尽皆知|路人皆知|妇孺皆知|无人不知|心知肚明|门儿清|心里(?:跟|像)?明镜(?:似的|一样)|明眼人(?:一看|一眼)?|一看便知|一望而知',
    accept: acceptEveryoneKnows,
  },
  // The writer's word as the only evidence: 我敢说, 笔者可以负责任地说.
  { kind: 'certain', category: 'certainty', negatable: true, pattern: '(?:我|笔者|小编)(?:敢(?:说(?![出了过话真实])|断言|打赌|保证|肯定|打包票|拍胸脯)|(?:可以|能)(?:负责任|明确|肯定|很肯定)地(?:说|讲|告诉))' },
  {
    kind: 'absolute',
    category: 'certainty',
    negatable: true,
    pattern:
      '必然|必将|势必|终将|注定|已成定局|板上钉钉|铁定|百分之百|只是时间问题|(?:是)?迟早(?:会|要|的事)|早晚(?:会|要|的事)|时间早晚|绝无可能|绝不可能|(?:短期内|短时间内|近期内?|一时半会儿?|根本|压根儿?|永远|彻底)不可能|绝不会|绝对(?:会|不会|是)|绝不是|绝非|一定会|肯定会|必定|无疑是|不可逆转|不可阻挡|无法阻挡|无不(?![良同可妥及])|(?:绝|并)?非空穴来风|没有(?:任何|什么)?悬念|没什么悬念|[已再]无悬念|不可避免|(?:已经?|早已)?(?:是|成为?)定局|势不可挡|无疑(?:会|将|要)|终究(?:会|要|逃不过|难逃)|百分百(?:会|是|能|要)|铁板钉钉',
  },
  {
    kind: 'insider',
    category: 'certainty',
    negatable: true,
    pattern:
      '密约|内幕|秘密协议|秘密交易|秘密(?:会晤|谈判|协定|条款)|暗中|暗地里|私下达成|早已达成|鲜为人知|不为人知|很多人不知道|少有人知|真实目的|真正目的|幕后(?:黑手|推手|交易|操纵|主使|金主|老板)|不是(?:什么)?秘密|公开的秘密|心照不宣',
  },
  {
    kind: 'prediction',
    category: 'certainty',
    negatable: true,
    // 或将 / 或许将 / 可能将 are hedges, not predictions stated as fact.
    pattern: `(?:即将|将会|(?<![或许能])将)${OUTCOME_ADV}${OUTCOME}|(?:都|很快(?:也|就|便)?)会${OUTCOME_ADV}${OUTCOME}|自然会(?:${OUTCOME}|发生|到来)|(?:用|要)不了(?:多久|几年)[，,]?[^，,。；;！？!?]{0,12}?(?:就会|就将|就要|便会)`,
    // 将 inside 将军, 将领 … never reaches OUTCOME; 必将/终将 are matched above first.
    accept: acceptPrediction,
  },
  { kind: 'strong-hedge', category: 'certainty', soft: true, negatable: true, pattern: '很可能|极有可能|极可能|大概率|十有八九|最大的可能(?:是|性)|(?<![一大过超])多半(?:还|也|又|就|都)?(?:会|要|不会)' },
  // After the absolute cues, so 根本不可能 is theirs whatever the bottom line.
  { kind: 'certain', category: 'certainty', pattern: '根本(?:没有|没|不|就是|无法|谈不上)', accept: (s, start) => acceptBottomLine(s, start) },

  // ---------------- statistic: a quantity stated as fact
  { kind: 'quantity', category: 'statistic', pattern: `${APPROX}?${NUM}${MAG}?(?:多|余)?${UNIT}(?:以上|左右|多)?`, accept: acceptQuantity },
  { kind: 'quantity', category: 'statistic', pattern: `${APPROX}?${NUM}${BIG_MAG}(?:多|余)?`, accept: acceptQuantity },
  { kind: 'quantity', category: 'statistic', pattern: String.raw`${APPROX}?百分之[\d.]+|${APPROX}?百分之(?!百)${CN_NUM}+(?:点${CN_NUM}+)?`, accept: acceptQuantity },
  { kind: 'quantity', category: 'statistic', pattern: `${APPROX}?${CN_DIGIT}${CN_NUM}*分之${CN_NUM}+(?:左右|以上)?`, accept: acceptQuantity },
  { kind: 'quantity', category: 'statistic', pattern: String.raw`${APPROX}?\d+/\d+(?=的|以上|左右)`, accept: acceptQuantity },
  { kind: 'quantity', category: 'statistic', pattern: `${APPROX}?(?:[数几上]|${CN_DIGIT}${CN_NUM}*)${BIG_MAG}(?:多|余)?(?:${UNIT})?`, accept: acceptChineseQuantity },
  { kind: 'quantity', category: 'statistic', pattern: `(?:超过了?|突破了?|达到了?|接近|将近|逾)(?:千万|百万|十万|千亿|百亿)`, accept: acceptQuantity },
  { kind: 'quantity', category: 'statistic', pattern: `${APPROX}?[数几上][十百千](?:多|余)?${UNIT}`, accept: acceptChineseQuantity },
  { kind: 'quantity', category: 'statistic', pattern: `${APPROX}?(?:${RANGE}|${CN_DIGIT})成(?:以上|左右|多)?`, accept: acceptTenths },
  { kind: 'quantity', category: 'statistic', pattern: '(?:超过|近|将近|接近|至少有?|不到|不足|占|逾|过)一半', accept: acceptQuantity },
  { kind: 'quantity', category: 'statistic', pattern: `翻了?[一两几]?(?:倍|番)多?|[两三四五六七八九十][十百]?倍(?:多|以上)?`, accept: acceptChineseQuantity },
  // Amounts without digits: 数以万计, 成千上万, 成倍, 好几倍, 大半 (a share: not 大半年, 大半碗), 半数以上,
  // 十几万 (but not 十几颗: anecdote-sized counts are left to digits).
  {
    kind: 'magnitude',
    category: 'statistic',
    pattern: `数以(?:十|百|千|万|十万|百万|千万|亿|万亿)计|${CN_APPROX}|十之八九|百八十(?:块|元|万)|[百千万]把(?:块钱?|元|人|个)|每?[十百](?:个|位|名|家|台|辆|套|户|所|款|件|人)[^，,。；;！？!?里中]{0,4}?[里中](?:面)?(?:就|至少|起码)?有(?:${RANGE_WORDS}|[一二两三四五六七八九])(?:个|位|名|家|台|辆|套|户|所|款|件|人)|绝大(?:多数|部分)|(?:占|拿走|赚走|吃掉)(?:了|据)?大(?:多数|部分|头)|(?:涨|增|多|高|贵|增长|上涨|提高|高出|多出)了?(?:近|将近|整整|足足)?一倍|打了?个?对折|(?:差不多|几乎|近乎|接近|直接|足足|将近|基本|相当于|等于|快要?)(?:是|被|遭)?腰斩|(?:跌|降|少|砍|缩水|减|亏|蒸发|下滑|下降|减少)(?:去|掉)?了?一半|成千上万|成百上千|成倍|(?:好几|数|几)倍(?:多|以上)?|(?:一|超过|近|将近)?大半(?=[的都是已被在，,。；;！？!?]|以上|$)|(?:超过|过|近|逾|不到|不足|将近)半数|半数以上|${APPROX}?[二三四五六七八九]?十几${BIG_MAG}(?:多|余)?(?:${UNIT})?`,
    accept: acceptQuantity,
  },
  { kind: 'comparison', category: 'statistic', pattern: '(?:GDP|经济总量|国内生产总值)[^，,。；;]{0,6}?(?:尚不如|不如|不及|比不上|仅相当于|相当于|超过了?|赶超)' },
];

/** One alternation over every cue; group i+1 belongs to CUES[i]. */
export const CUE_RE = new RegExp(CUES.map((c) => `(${c.pattern})`).join('|'), 'g');
