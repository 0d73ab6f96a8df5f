import type { Lang } from './strings';

/**
 * Words of the verdict work (note editor, popover, tooltip, side panel), apart from the page
 * table in strings.ts so each surface imports only what it shows.
 */
export const assessStrings = {
  zh: {
    passage: '所选段落',
    noteLabel: '笔记',
    verdict: '核查结论',
    noVerdict: '不作判断',
    evidence: '证据链接（每行一个）',
    evidenceBad: (line: number, text: string) => `第 ${line} 行不是 http(s) 网址：${text}`,
    evidenceTooMany: (max: number) => `证据链接最多 ${max} 个`,
    keys: (mac: boolean) => `${mac ? '⌘' : 'Ctrl'}+Enter 保存 · Esc 取消`,
    evidenceList: '证据',
    assess: '核查…',
  },
  en: {
    passage: 'Passage',
    noteLabel: 'Note',
    verdict: 'Verdict',
    noVerdict: 'No verdict',
    evidence: 'Evidence links (one per line)',
    evidenceBad: (line: number, text: string) => `Line ${line} is not an http(s) address: ${text}`,
    evidenceTooMany: (max: number) => `At most ${max} evidence links`,
    keys: (mac: boolean) => `${mac ? '⌘' : 'Ctrl'}+Enter saves · Esc cancels`,
    evidenceList: 'Evidence',
    assess: 'Assess…',
  },
} as const satisfies Record<Lang, Record<string, unknown>>;
