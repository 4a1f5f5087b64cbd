// tim-wx-sdk ships no typings: its default export typed with the subset the IM entry uses.
declare module 'tim-wx-sdk' {
  const TIM: import('./tim-types').TimStatic
  export default TIM
}
