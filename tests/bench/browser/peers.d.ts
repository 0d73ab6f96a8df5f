/** The one function of dom-anchor-text-quote 4.0.2 the benchmark calls (the package ships no types). */
declare module 'dom-anchor-text-quote' {
  export interface TextQuote {
    exact: string;
    prefix?: string;
    suffix?: string;
  }
  export function toRange(root: Node, selector: TextQuote, options?: { hint?: number }): Range | null;
}
