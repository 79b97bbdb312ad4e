// Entry point: defines <servimetrics-calculator> and keeps the document's language and title in
// step with the one the calculator shows.
import './views/calculator';
import './offline/register-sw'; // the standalone page works offline (never the embed)

document.addEventListener('servimetrics-language', (event) => {
  const { lang, title } = (event as CustomEvent<{ lang: string; title: string }>).detail;
  document.documentElement.lang = lang;
  document.title = title;
});
