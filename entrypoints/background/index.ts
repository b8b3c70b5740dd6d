export default defineBackground(() => {
  console.log('Perch background');
});
