// One static page opens every share link: the notebook is in the fragment, read in the browser.
export const prerender = true;
export const ssr = false;
