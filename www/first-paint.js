// The page's first script, run before the page is first drawn (bundled from this module into a
// classic script that the build puts inline in <head>, allowed by its hash): it tells the
// stylesheet what the address asks for, so that the prerendered chart shown is that one, or none
// and a loading state:
//   <html data-tx-want="sites-ru-auto | data | none" data-tx-lang="ru" data-tx-theme="light">
// data-tx-theme is the theme resolved (auto follows the system's preference). Then it has the
// prerendered chart answer a pointer until the live one takes its place.
import { wanted } from './snapshot-key.js';
import { answerPointer } from './snapshot-pointer.js';

const params = new URLSearchParams(location.search);
const { lang, theme, key } = wanted((name) => params.get(name));
const html = document.documentElement;
html.dataset.txWant = key ?? 'none';
html.dataset.txLang = lang;
html.dataset.txTheme = theme === 'auto' ? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light') : theme;
html.lang = lang;
answerPointer(document);
