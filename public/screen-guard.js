// Plan B: runs before the body is parsed, in a page the service worker served with a saved
// screen (src/storage/saved-screen.ts). That screen shows one route (Now); opened on another
// one (a link to a talk), the page shows the shell's "Opening…" instead of the wrong screen.
(() => {
  const saved = document.querySelector('meta[name="planb-saved-route"]');
  const route = location.hash.split('?')[0].replace(/^#?\/?$/, '#/now');
  if (saved && saved.getAttribute('content') !== route) {
    document.documentElement.classList.add('saved-elsewhere');
  }
})();
