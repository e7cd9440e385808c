// Which prerendered chart a state is shown with before the wasm has drawn the live one
// (docs/ARCHITECTURE.md, "First paint"). Only a view, a language and a theme choice are
// prerendered, everything else as it is by default; any other state gets none, so that a page
// never shows, even for a frame, another chart than the one it asks for. Values are read as the
// explorer reads them (Settings::update): an empty or unknown one is the default.

/** The snapshot the page holds inline. */
export const INLINE_SNAPSHOT = 'sites-ru-auto';

/** The settings a snapshot is drawn for, each value's default first. */
export const CHOICES = {
  view: ['sites', 'sectors', 'companies', 'timeline', 'plan'],
  lang: ['ru', 'en'],
  theme: ['auto', 'light', 'dark'],
};

/** The orders other than the sources' own. */
const SORTED = ['value-desc', 'value-asc', 'name-asc', 'name-desc'];

/** `get(name)` gives a setting's value (URL parameter or attribute) or null. Returns the
 *  language, the theme choice, and the snapshot's key, or `data` for own data, or null. */
export function wanted(get) {
  const [view, lang, theme] = Object.entries(CHOICES).map(([name, allowed]) => (allowed.includes(get(name)) ? get(name) : allowed[0]));
  const given = (name) => (get(name) ?? '') !== '';
  let key = `${view}-${lang}-${theme}`;
  if (given('data') || given('src')) key = 'data';
  else if (['measure', 'period', 'select'].some(given) || get('labels') === 'off' || SORTED.includes(get('sort'))) key = null;
  return { lang, theme, key };
}

/** What a page or an element shows while a chart without a snapshot loads. */
export const LOADING = {
  chart: { ru: 'Загружаем график…', en: 'Loading the chart…' },
  data: { ru: 'Загружаем данные…', en: 'Loading the data…' },
};
