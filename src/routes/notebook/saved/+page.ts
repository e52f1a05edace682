// A notebook in this browser's library opens at /notebook/saved#<id>: one static page for all of them,
// which any host serves and the service worker keeps, and the id never reaches a server.
export const prerender = true;
export const ssr = false;
