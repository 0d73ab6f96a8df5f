export default defineContentScript({
  matches: ['*://*.163.com/*'],
  main() {},
});
