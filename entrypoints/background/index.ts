export default defineBackground(() => {
  console.log('sourcemark background');
});
