// A browser for the libraries: jsdom's window as the global scope.
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>',
                      { url: 'https://example.org/', pretendToBeVisual: true });
for (const k of Object.getOwnPropertyNames(dom.window)) {
    if (!(k in globalThis)) {
        try { globalThis[k] = dom.window[k]; } catch (e) { /* read-only */ }
    }
}
globalThis.window = dom.window;
