/** uni form components (switch, slider, input) deliver `{ detail: { value } }`; Vue's DOM typings call it Event. */
export function detailValue<T>(event: unknown): T {
  return (event as { detail: { value: T } }).detail.value
}
