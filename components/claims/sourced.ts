/**
 * Attribution: does a sentence tie its content to a source a reader could check?
 *
 * We look for attribution frames — 据 X 报道, 根据 X 的数据, X (在…上) 表示/称/发布, X 的数据显示 —
 * and classify the subject X: named (国家统计局, 新华社, 《柳叶刀》, 泽连斯基), anonymous or
 * generic (有专家, 知情人士, 外媒, 某平台), folk (有人, 我们), or anaphoric (他, 该报告), which
 * borrows the status of the previous sentence.
 *
 * The FIRST decisive frame in a sentence decides: content after a frame belongs to it, so
 * 据路透社援引知情人士报道 is sourced (the outlet is checkable) while 有知情人士透露，比亚迪将宣布…
 * stays vague even though a company "announces" something inside the tip.
 *
 * Names are recognised without a name list where possible (an organisation suffix, a title,
 * book-title marks, a Latin token), and, for speech verbs only, any short subject made of
 * content characters: 特朗普表示, 比亚迪宣布. Evidence verbs (显示, 表明) get no such leeway:
 * 监测数据显示 must not pass as named.
 */

import type { Span } from './segment';

export type SubjectClass = 'named' | 'anon' | 'folk' | 'anaphoric' | 'bare-evidence' | 'none';

export interface Frame extends Span {
  status: SubjectClass;
  /** The anonymous subject is media (外媒, 乌媒): a quoted named speaker can still source it. */
  media: boolean;
  /** 'ownerless-evidence' when the frame is 数据显示-like, else 'anonymous-person'. */
  evidence: boolean;
  /** A personal pronoun (他, 她们) speaks: 她告诉我 goes on about whoever came before. */
  person?: boolean;
  /** A view rather than a report (她也坦言, 他感慨): a pronoun giving one passes on no fact. */
  view?: boolean;
}

export interface Attribution {
  /** First decisive frame (named, anon, anaphoric or bare-evidence), if any. */
  frame: Frame | null;
  /** A named speaker introduces a quotation: X 评论:“…”. */
  namedQuote: boolean;
  /** A link or an explicit 来源: line. */
  link: boolean;
  /** Starts like the continuation of a sourced sentence (其中, …). */
  continuation: boolean;
}

// ---------------------------------------------------------------------------------------------
// Lexical classes for subjects

/** Anonymous or collective sources wherever they appear in the subject. */
const ANON_ANY =
  /某|不愿|匿名|私下|知情|消息人士|业内|圈内|坊间|网友|网传|网曝|外界|据说|据悉|外媒|[美俄乌日韩英法德欧印台港以伊朝]媒(?!体)|(?:海外|国外|境外|西方|外国|欧美|国内|部分|多家|一些|有的|不少)(?:媒体|专家|学者|人士|机构|分析)|人士(?<!负责人士)|(?:有关|相关|监管|主管|职能)部门|分析人士|市场人士|小道/;
/** Anonymous determiners at the start: 有专家, 一位医生, 多家机构. 有关/相关 负责人 of a named
 * body is the standard formula of official news and stays named. */
const ANON_START =
  /^(?:有(?!人|些人)|一位|一名|一个|一家|一份|一项|一些|一组|多家|多位|多名|多份|多项|多个|数位|数名|几位|几家|部分|不少|许多|有些|个别|相关(?!负责)|有关(?!负责)|最新|权威|公开|不完全|大量|各方|多方|坊间|知名|著名|资深|顶级)/;
/** Bare generic nouns: 专家称, 官方表示, 分析师指出. */
const GENERIC_ONLY =
  /^(?:专家|学者|官方|媒体|市场|舆论|机构|分析师|分析|研究人员|研究者|科学家|经济学家|医生|律师|业界|当地政府|官员|消息|网民|民众|知情者|圈内人|内部人员|有关方面|相关方面|外交官|高管|员工|内部)$/;
/** Everyday collective speakers: a view reported as a view, not a source. */
const FOLK = /^(?:有人|也有人|还有人|很多人|不少人|许多人|大家|人们|网上有人|俗话|老话|常言|古人|老百姓|我们|我|笔者|本文|小编|作者|编者|前面|上文|前文|上面|正如|不难|很难)/;
const FIRST_PERSON_VIA = /^(?:我们?|笔者|小编|本人)[^，,从向]{0,4}?(?:从|向|查阅了?|查询了?|翻阅了?)(.{2,30}?)(?:那里|那儿|处|口中)?$/;
const ANAPHOR_START = /^(?:他们|她们|他|她|它|其|该|这|此|上述|前述|同一|对方|后者|前者)/;
/** Role nouns that name nobody in particular: 目击者, 当事人, 网友, 居民. Checked after named
 * evidence, so 人社部有关负责人 and 外交部发言人 stay named. */
const GENERIC_ROLE =
  /(?:者|人员|人士|们|网友|网民|民众|群众|居民|市民|村民|家长|用户|消费者|患者|员工|职工|工人|农民|学生|老师|教师|医生|护士|司机|乘客|业主|股民|观众|粉丝|专家|学者|官员|记者|律师|当事人|知情人|圈内人|路人|朋友|亲戚|邻居|同事|同学|发小|跑友|[地行里内心外家轻意老来白]人|大爷|大妈|大娘|大叔|大姐|大哥|阿姨|叔叔|师傅|老板娘?|小哥|店主|摊主|老乡|熟人|闺蜜|保安|门卫|媒体|机构|经济学家|科学家|分析师|评论员|观察家|研究员)$/;
const BARE_EVIDENCE = /^(?:报告|研究|调查|数据|统计|文章|声明|公告|结果|资料|通知|文件|报道|研报|论文)$/;

/** Non-sources that look like names: economic and technical acronyms. */
const LATIN_GENERIC = new Set([
  'GDP', 'CPI', 'PPI', 'PMI', 'AI', 'AIGC', 'APP', 'App', 'app', 'GPU', 'CPU', 'NPU', 'BMI', 'LPR', 'MLF', 'ETF', 'IPO', 'EV', 'SUV', 'MPV',
  'NOA', 'OTA', 'Token', 'token', 'IT', 'PC', 'VR', 'AR', 'VIP', 'KOL', 'MCN', 'IP', 'ID', 'DNA', 'RNA', 'PCR', 'ICU', 'HPV', 'HIV', 'M2',
  'M1', 'GW', 'TWh', 'kWh', 'PM', 'UFO', 'CEO', 'CFO', 'CTO', 'COO', 'HR', 'OK', 'VS', 'vs', 'PS', 'DIY', 'NO', 'TOP', 'Top',
]);
const LATIN_TOKEN = /[A-Za-z][A-Za-z0-9&.\-]*[A-Za-z0-9]/g;

/** Organisation, outlet and document-owner suffixes. Multi-character suffixes are specific
 * enough anywhere in a subject (北京日报客户端); single characters must end the subject and dodge
 * the common words they start (报道, 社会, 网友). */
const ORG_SUFFIX =
  /[\u4e00-\u9fffA-Za-z0-9)）](?:总局|统计局|委员会|常委会|总署|办公室|协会|学会|联合会|商会|基金会|理事会|议会|国会|组织|银行|集团|公司|大学|学院|医院|研究所|研究院|研究中心|中心|实验室|政府|法院|检察院|交易所|智库|电视台|通讯社|新闻社|日报|晚报|时报|周刊|杂志|官网|官微|微博|公众号|专业版|证券|基金|资本|控股|股份|科技|新闻|财经|客户端|(?<=[协学商联委议足篮侨妇工])会)|[\u4e00-\u9fffA-Za-z0-9)）](?:局|部(?![分门署])|委|署|院(?![士线])|厅|司(?![机])|社(?![会区保交团科群])|网(?![友民络上传曝爆红])|报(?![道告名价])|台(?![湾阶])|方)(?:$|[^\u4e00-\u9fff])/;
/** Words that end in an org suffix but are not organisations. */
const NOT_ORG = /格局|布局|结局|大局|僵局|内部|全部|局部|干部|总部|一部|平台|舞台|出台|上台|下台|后台|前台|回报|汇报|举报|情报|预报|警报|上网|网上|举办|创办|主办|影院|剧院|上司|社会|官方|对方|双方|各方|多方|一方|地方|比方|对手方/g;
const KNOWN_BODIES =
  /美方|俄方|乌方|中方|日方|韩方|欧方|英方|法方|德方|以方|伊方|朝方|白宫|克宫|克里姆林宫|五角大楼|北约|欧盟|联合国|世卫|美联储|央行|国务院|以色列|美国|俄罗斯|乌克兰|中国|日本|韩国|朝鲜|英国|法国|德国|印度|伊朗/;
const TITLE =
  /总统|总理|首相|主席|部长|外长|防长|发言人|行长|局长|主任|书记|省长|市长|州长|院士|教授|研究员|医师|董事长|总裁|首席执行官|CEO|创始人|总经理|秘书长|大使|国务卿|议员|导演|负责人|委员|专员|首席[\u4e00-\u9fff]{0,5}官|首席经济学家|董事|副总裁|合伙人|主编|总编|总干事|理事长|会长|校长|院长|所长|主教练|教练|分析师|经济学家|团队/;
/** Characters that do not occur in names but do in adverbs, pronouns and function words. */
const STOP_CHARS = /[听不没难都也就才却很最更已正将会能可要该被把让使对向从给为以与而但是这那此其它他她们我你有无些么哪谁啥怎如若虽因所得地着过了的啊吧呢吗一]/;

/** Leading conjunctions, time words and enumerators that precede a subject. */
const LEAD =
  /^(?:而且|而|但是|但|不过|然而|可是|同时|此外|另外|另|并且|并|且|也|还|又|则|更|甚至|因此|所以|于是|对此|随后|此前|日前|近日|近期|昨天|昨日|今天|今日|本周|上周|当天|当晚|当地时间|与此同时|一是|二是|三是|其一|其二|首先|其次|最后|消息一出|截至目前)[，,]?/;
const DATE = /\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?|\d{1,2}月(?:\d{1,2}(?:-\d{1,2})?日)?(?:晚|早|上午|下午|晚间)?|\d{1,2}日|周[一二三四五六日末]|[上下本]月(?:初|中|底)?|(?:上|中|下)旬|[今去明]年(?:初|中|底)?|年[初中底]|月初|月底|日前|近日|此前|当天|当晚|当日|当时|当年|彼时|事后|早前|早些时候|同日|次日|随后|昨天|今天|前不久|不久前|上个?月|上周|近年来?/g;
/** Setting phrases: 在1月24日的新闻发布会上, 于…时, 在接受《X》采访时, 通过官方账号. */
const SETTING = /(?:在|于|通过)[^，,。；;“”]{1,20}?(?:微博|官网|公众号|账号|主页|平台|频道|推特|社交媒体)(?:上|中)?|(?:在|于)[^，,。；;“”]{1,30}?(?:上|中|时|期间|之际|里)|接受[^，,。；;]{1,20}?采访时?|通过[^，,。；;]{1,16}?(?:账号|平台|官网|公众号|微博)/g;
const TRAIL = /(?:方面|也|还|则|同时|确实|的确|再次|进一步|公开|正式|首次|已经|已|曾|更|又|并|就|都|均|曾经|一度|普遍|纷纷|随即|当即|明确|专门|特别|日前|近日)+$/;

function stripSubject(raw: string): string {
  let t = raw.replace(SETTING, '').replace(DATE, '');
  for (let k = 0; k < 4; k++) {
    const m = LEAD.exec(t);
    if (!m || m[0].length === 0) break;
    t = t.slice(m[0].length);
  }
  t = t.replace(TRAIL, '').replace(/的$/, '').trim();
  return t;
}

function hasLatinName(t: string): boolean {
  LATIN_TOKEN.lastIndex = 0;
  for (let m = LATIN_TOKEN.exec(t); m; m = LATIN_TOKEN.exec(t)) {
    if (!LATIN_GENERIC.has(m[0]) && !/^[A-Z]\d/.test(m[0])) return true;
  }
  return false;
}

/**
 * Evidence that the subject names someone checkable. 'strong': book-title marks, a Latin name,
 * an organisation suffix, or a title with a name or body attached (外交部发言人毛宁, 高盛分析师).
 * 'weak': only a country or a well-known body (美国, 北约), which a role noun can still make
 * anonymous (美国媒体, 俄罗斯专家).
 */
function namedEvidence(t: string): 'strong' | 'weak' | null {
  if (/《[^》]{1,40}》/.test(t)) return 'strong';
  if (hasLatinName(t)) return 'strong';
  // Blank out look-alikes first so 光线传媒在官方微博 still finds 微博 but 格局 finds nothing.
  if (ORG_SUFFIX.test(t.replace(NOT_ORG, '|'))) return 'strong';
  if (TITLE.test(t) && t.replace(TITLE, '').replace(KNOWN_BODIES, '').length >= 2) return 'strong';
  if (KNOWN_BODIES.test(t)) return 'weak';
  return null;
}

function hasNamedEvidence(t: string): boolean {
  return namedEvidence(t) !== null;
}

/**
 * Open-world name: a short run of content characters with no function words (特朗普, 比亚迪,
 * 冯德莱恩). Five characters at most, or a transliteration with ·: longer runs are usually a
 * predicate (莫斯科开始加码 强调…), and longer real names carry a title or an org suffix.
 */
function looksLikeName(t: string): boolean {
  if (t.length < 2) return false;
  if (!/^[\u4e00-\u9fffA-Za-z0-9·()（）&.\- ]+$/.test(t)) return false;
  if (STOP_CHARS.test(t.replace(/[A-Za-z0-9]+/g, ''))) return false;
  if (/^[A-Za-z0-9 ]+$/.test(t)) return hasLatinName(t);
  const cjk = t.replace(/[^\u4e00-\u9fff]/g, '').length;
  return t.includes('·') ? cjk <= 12 : cjk <= 5;
}

/** Common surnames, for a name after a role word: 家长李明, 跑友王强 (not 守门的大爷). Surnames that
 * are everyday words (马上, 高兴, 方面, 于是) are left out. */
const ROLE_THEN_NAME = /(?:^|的)[\u4e00-\u9fff]{1,4}?[王李张刘陈杨黄赵吴周徐孙朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪廖贾夏韦邹孟熊秦邱尹薛闫侯陶黎贺顾毛郝龚邵钱严覃戴莫孔汤][\u4e00-\u9fff]{1,2}$/;
/** 李明（化名）: a named, pseudonymous interviewee. */
const PSEUDONYM = /[（(]化名[）)]$/;

function rolePlusName(t: string): boolean {
  const m = ROLE_THEN_NAME.exec(t);
  return m !== null && !STOP_CHARS.test(m[0].replace(/^的/, '')) && !GENERIC_ROLE.test(t);
}

export function classifySubject(raw: string, openWorld: boolean): SubjectClass {
  const publication = /《[^》]{1,40}》/.test(raw);
  const pseudonym = PSEUDONYM.test(raw.trim());
  const t = stripSubject(raw.trim().replace(PSEUDONYM, ''));
  if (t === '') return publication ? 'named' : 'none';
  // 笔者从国家统计局官网了解到: the writer passes on a source they name.
  const via = FIRST_PERSON_VIA.exec(t);
  if (via?.[1] && classifySubject(via[1], false) === 'named') return 'named';
  // 我一个朋友, 我的邻居: the writer's unnamed acquaintance, not the writer.
  if (/^(?:我们|笔者|我(?!们))./.test(t) && GENERIC_ROLE.test(t.replace(/们$/, ''))) return 'anon';
  if (FOLK.test(t)) return 'folk';
  // 记者了解到: the reporter of whatever outlet the text was copied from; neither a named source
  // nor a gesture at one.
  if (/^(?:本报|本台|本刊)?记者$/.test(t)) return 'none';
  // 美联社等外媒, 央视等媒体: a named outlet heading a list sources the sentence.
  const head = /^(.{2,20}?)等(?:多家|其他|国际|海外|境外|西方)?(?:外媒|媒体|[美俄乌日韩英法德欧印台港以伊朝]媒)$/.exec(t);
  if (head?.[1] && hasNamedEvidence(head[1]) && !ANON_ANY.test(head[1])) return 'named';
  if (ANON_START.test(t) || ANON_ANY.test(t)) return 'anon';
  if (ANAPHOR_START.test(t)) return publication ? 'named' : 'anaphoric';
  if (pseudonym) return 'named';
  if (BARE_EVIDENCE.test(t)) return 'bare-evidence';
  if (GENERIC_ONLY.test(t)) return 'anon';
  const evidence = publication ? 'strong' : namedEvidence(t);
  if (evidence === 'strong') return 'named';
  if (GENERIC_ROLE.test(t)) return 'anon';
  if (evidence === 'weak') return 'named';
  if (openWorld && (looksLikeName(t) || rolePlusName(t))) return 'named';
  return 'none';
}

// ---------------------------------------------------------------------------------------------
// Frames

/** Somebody told the writer: 大爷跟我说, 一位朋友告诉我. Whoever is not named is an unnamed source. */
const TOLD_ME = '(?:(?:跟|和|对|同|给)(?:我们?|笔者|小编)(?:(?:说|讲)(?:过|起|道)?(?=[，,:：“"])|聊起|透露|吐槽|抱怨|提到|坦言|念叨|感慨|算)|告诉(?:我们?|笔者|小编))';
/** What someone told the writer to do is advice, not a claim: 妈妈跟我说，要好好吃饭. */
const ADVICE_AFTER = /^[，,:：“"]*(?:要|别|不要|不用|一定要|千万|记得|赶紧|快|好好|多|少|注意)/;
const SPEECH =
  '告诉记者|反映(?=[，,:：“"])|解释(?=[，,:：“"])|补充(?:道|称)?(?=[，,:：“"])|提醒|重申|澄清|坦承|谈到|谈及|算(?:了|过)一?笔?账|抱怨(?!声)|吐槽(?!声)|了解到|获悉|报道|报导|援引|引述|引用|表示|指出|透露|披露|宣布|公布|发布(?!会)|发表了?(?:论文|研究|文章|报告|声明|综述)|通报|印发|下发|颁布|提出(?=[，,:：“"])|告诉(?!我|笔者|小编|记者)|证实|刊文|刊发|发文|撰文|写道|声明|回应|回复|介绍(?!信)|坦言|直言|强调|提到|提及|承认|否认|警告|呼吁|建议|认为|预计|预测|估计|估算|测算|爆料|声称|宣称|分析称|分析认为|分析指出|解释说|补充说|说道|(?<![堪号简俗人统名对相总通职昵爱谦尊戏被自宣声据全合泛并])称(?![为之作霸赞号道得心职])|(?<![据俗再听小学传游虽难所解补话来是实白理用如以])说(?=[，,:：“"])';
const EVIDENCE = '显示|表明|证明|发现';

/** One scan per sentence: 据-frames, 根据-frames, evidence verbs, speech verbs. */
const FRAME_RE = new RegExp(`((?<![数占证依凭单票字论割收借根])据(?![此点守为理实]))|(根据)|(${EVIDENCE})|(${SPEECH})|(${TOLD_ME})`, 'g');

/** What ends X in 据 X 报道 / 据 X 数据. */
const JU_END = /报道|报导|消息|数据|统计|介绍|了解|透露|通报|公告|显示|测算|调查|报告|监测|发布|援引|称|表示|爆料|悉|说|讲|传|闻|估计|估算|指出|披露|发文|刊文|研究|分析/g;
/** What ends X in 根据 X 的数据. */
const GENJU_END = /的|数据|报告|统计|决定|规定|调查|研究|监测|公告|通知|测算|披露|显示|资料/g;

/** Evidence nouns with their generic modifiers, at the end of an evidence-verb subject. */
const EVIDENCE_TAIL =
  /(?:的)?((?:最新|相关|有关|统计|监测|交易|调查|研究|公开|官方|权威|历史|临床|抽样|实验|同一份|同一项|同一|一项|多项|一份|多份|一组|这项|该项|这份|此项|这一|前述|上述|该|这些|此前|早前|最近|近期|同期|初步|全国|全球|动物|人体|细胞|小鼠)*)(?:数据|报告|研究|调查|统计|周报|月报|年报|财报|公报|快报|研报|公告|白皮书|新规|文件|通知|监测|民调|结果|论文|试验|报表|资料|记录|声明|指南|测算|报道|文章|实验)$/;

const CLAUSE_STOP = '，,；;：:。！？!?“”\n';

function clauseStart(s: string, i: number, floor: number): number {
  let j = i;
  while (j > floor && !CLAUSE_STOP.includes(s.charAt(j - 1))) j--;
  return j;
}

function clauseEnd(s: string, i: number, ceil: number): number {
  let j = i;
  while (j < ceil && !CLAUSE_STOP.includes(s.charAt(j))) j++;
  return j;
}

const MEDIA = /媒/;
const SUBJECT_WINDOW = 40;

function evidenceSubject(raw: string): SubjectClass {
  // Book-title marks are stripped with their setting (发表在《柳叶刀》上), so note them first.
  const publication = /《[^》]{1,40}》/.test(raw) && !ANON_ANY.test(raw) && !ANON_START.test(raw);
  const t = stripSubject(raw);
  const m = EVIDENCE_TAIL.exec(t);
  if (!m) {
    // 哈佛大学研究人员发现: a named body without an evidence noun.
    const c = classifySubject(raw, false);
    return c === 'named' || c === 'anon' || c === 'anaphoric' ? c : 'none';
  }
  const mods = m[1] ?? '';
  const owner = t.slice(0, m.index);
  if (/这项|该项|这份|此项|这一|同一|前述|上述|该|这些/.test(mods)) return 'anaphoric';
  if (publication) return 'named';
  // 美国的一项研究: an indefinite study needs an owner that names an institution, not a country.
  if (/一项|多项|一份|多份|一组/.test(mods) && owner !== '') {
    return classifySubject(owner, false) === 'named' && !/^(?:美国|英国|日本|德国|法国|国外|国内|海外|欧洲|西方|国际上?|全球)$/.test(stripSubject(owner)) ? 'named' : 'anon';
  }
  if (owner === '') {
    if (/一项|多项|一份|多份|一组|最新|相关|有关|公开|官方|权威/.test(mods)) return 'anon';
    return 'bare-evidence';
  }
  const c = classifySubject(owner, true);
  if (c === 'named' || c === 'anaphoric') return c;
  // 有数据显示, GDP数据显示: evidence whose owner is absent or not a source.
  return 'anon';
}

const QUOTE_RE = /(?:评论|表示|说|称|指出|强调|回应|写道|坦言|直言|透露|说道|发文)[:：]?[“「]/g;
/** A link, a 来源: line, or a footnote reference ([2], ［3］) that points at a cited work. */
const LINK_RE = /https?:\/\/|www\.|(?:资料来源|数据来源|来源|出处|原文链接)[:：]|[\[［]\d{1,3}[\]］]/;
/** A named outlet that carries an unnamed speaker: 一位官员在接受彭博社采访时警告, 知情人士对路透社
 * 表示, 告诉《华尔街日报》. The outlet is checkable, so by the labelling rules the sentence is
 * sourced; 对特朗普表示不满 is no outlet, and 接受采访 / 对媒体 name none. */
const INTERVIEW = /接受([^，,。；;“”]{2,16}?)(?:的)?(?:记者)?(?:采访|专访|连线)|[对向]([^，,。；;“”对向]{2,16}?)(?:记者)?$/;
const OUTLET_AFTER = /^([^，,。；;“”]{2,16}?)(?:记者)?(?=[，,:：“])/;
const OUTLET = /《[^》]+》|[社报台网]$|新闻|周刊|杂志|客户端|电视|彭博|路透|央视|美联|法新|[A-Z]{2,}/;

function namedOutlet(x: string | undefined, any: boolean): boolean {
  if (!x || /^(?:本报|本台|本刊|本网)/.test(x)) return false;
  return (any || OUTLET.test(x)) && classifySubject(x, true) === 'named';
}

/** The study or report of the sentence before, named by reference: 这项研究只有25名受试者. */
const REFERENCE = /^[^，,。；;！？!?“”]{0,8}?(?:这项|该项|此项|这份|该份|此份|这次|此次|这组|该组|这一|上述|前述|同一份?|同一项|该)(?:研究|调查|调研|报告|统计|数据|论文|试验|实验|民调|问卷|样本|年报|财报|公告|通报|白皮书)/;

const CONTINUATION_RE = /^(?:其中|同比|环比|全年|分季度看|分地区看|从结构看|具体来看|具体而言|分项看)/;

export function findAttribution(s: string): Attribution {
  let frame: Frame | null = null;
  FRAME_RE.lastIndex = 0;
  for (let m = FRAME_RE.exec(s); m && !frame; m = FRAME_RE.exec(s)) {
    const at = m.index;
    // Both look-arounds are bounded so a clause of 据据据… costs O(1) per frame, not O(clause).
    const cs = clauseStart(s, at, Math.max(0, at - SUBJECT_WINDOW));
    const ce = clauseEnd(s, at + m[0].length, Math.min(s.length, at + m[0].length + 31));
    let status: SubjectClass = 'none';
    let start = at;
    let end = at + m[0].length;
    let media = false;
    let evidence = false;
    let person = false;
    let view = false;
    if (m[1] !== undefined || m[2] !== undefined) {
      // 据 X 报道 / 根据 X 的数据: X runs to the verb or noun that closes the frame.
      const isJu = m[1] !== undefined;
      const rest = s.slice(end, Math.min(ce, end + 30));
      // 根据 X 的 Y: X ends at 的 when there is one (根据克而瑞研究中心的监测数据), else at a data noun.
      const de = isJu ? -1 : rest.indexOf('的');
      // The first closing word may sit inside the name (据高工产研储能研究所统计: 研究), so up to
      // three are tried, and the first that gives X a status wins.
      const re = isJu ? JU_END : GENJU_END;
      re.lastIndex = 0;
      let e = de >= 0 ? { index: de, 0: '的' } : re.exec(rest);
      for (let tries = 0; e && tries < 3; tries++) {
        const x = rest.slice(0, e.index);
        const st: SubjectClass = x === '' ? (isJu ? 'anon' : 'none') : classifySubject(x, true);
        if (tries === 0 || st !== 'none') {
          end = at + m[0].length + e.index + e[0].length;
          status = st;
          media = MEDIA.test(x);
        }
        if (st !== 'none' || de >= 0) break;
        e = re.exec(rest);
      }
    } else {
      const from = Math.max(cs, at - SUBJECT_WINDOW);
      const raw = s.slice(from, at);
      start = from;
      if (m[3] !== undefined) {
        status = evidenceSubject(raw);
        evidence = true;
      } else if (m[4] === '告诉') {
        // Only an outlet told is a frame here (知情人士告诉彭博社); 医生告诉患者 is left as it was.
        status = namedOutlet(OUTLET_AFTER.exec(s.slice(end, end + 20))?.[1], true) ? 'named' : 'none';
      } else {
        status = classifySubject(raw, true);
        const iv = m[4] !== undefined && status !== 'named' ? INTERVIEW.exec(raw) : null;
        if (iv && namedOutlet(iv[1] ?? iv[2], iv[1] !== undefined)) status = 'named';
        if (m[5] !== undefined && (status === 'none' || status === 'folk') && !ADVICE_AFTER.test(s.slice(end, end + 6))) status = 'anon';
      }
      media = MEDIA.test(raw) && status !== 'named';
      person = /^(?:他们|她们|他|她)/.test(stripSubject(raw));
      view = /^(?:坦言|直言|坦承|感慨|吐槽|抱怨|认为|承认)/.test(m[0]);
    }
    if (status === 'named' || status === 'anon' || status === 'anaphoric' || status === 'bare-evidence') {
      // Skip leading whitespace so the cue span starts on text.
      while (start < end && /\s/.test(s.charAt(start))) start++;
      frame = { start, end, status, media, evidence, person, view };
    }
  }
  if (!frame) {
    const ref = REFERENCE.exec(s);
    if (ref) frame = { start: 0, end: ref[0].length, status: 'anaphoric', media: false, evidence: true };
  }

  let namedQuote = false;
  QUOTE_RE.lastIndex = 0;
  for (let m = QUOTE_RE.exec(s); m && !namedQuote; m = QUOTE_RE.exec(s)) {
    const at = m.index;
    const cs = clauseStart(s, at, Math.max(0, at - SUBJECT_WINDOW));
    // The speaker is what stands between the last verb of the clause and this one.
    let raw = s.slice(Math.max(cs, at - SUBJECT_WINDOW), at);
    const lastVerb = /.*(?:报道|称|表示|说|指出)/.exec(raw);
    if (lastVerb) raw = raw.slice(lastVerb[0].length);
    raw = raw.replace(/对[^，,]{1,12}$/, '');
    if (classifySubject(raw, true) === 'named') namedQuote = true;
  }

  return { frame, namedQuote, link: LINK_RE.test(s), continuation: CONTINUATION_RE.test(s) };
}
