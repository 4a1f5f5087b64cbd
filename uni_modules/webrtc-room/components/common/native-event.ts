/** What a native tag's event handler receives (live-pusher / live-player `bind*` events): the
 *  payload sits in `detail`, which the building blocks forward to the controller untouched. */
export interface NativeEvent<D> {
  detail: D
}
