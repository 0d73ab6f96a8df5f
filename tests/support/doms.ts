import { Window } from 'happy-dom';

/**
 * Pure DOM modules must only use the nodes they are given, so their tests run in two DOM
 * implementations, each in a fresh window that is not the test environment's global one.
 * happy-dom's Range only works in its window's main document (a DOMParser document's ranges
 * collapse), hence a Window per page. A variable specifier for jsdom because it ships no types
 * (@types/jsdom is not installed); the shape used is declared right here.
 */
const jsdomSpecifier = 'jsdom';
const { JSDOM } = (await import(jsdomSpecifier)) as {
  JSDOM: new (html: string) => { window: { document: Document } };
};

const page = (body: string): string => `<!doctype html><html><head></head><body>${body}</body></html>`;

/** [name, make a document whose body is `body`] for each DOM implementation. */
export const DOMS: [string, (body: string) => Document][] = [
  [
    'happy-dom',
    (body) => {
      const win = new Window();
      win.document.write(page(body));
      // happy-dom's Document is its own class implementing the DOM Document interface.
      return win.document as unknown as Document;
    },
  ],
  ['jsdom', (body) => new JSDOM(page(body)).window.document],
];
