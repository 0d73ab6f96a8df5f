// Apart from early-screen.ts, whose strings the App's first, small script must not carry.

/** On `#app` while it holds the early screen (early-screen.ts) rather than the App. */
export const EARLY_ATTR = 'data-early-screen';
/** On `#app`: where the button clicked last on the early screen is (pathOf), for the App to click. */
export const EARLY_CLICK_ATTR = 'data-early-click';
/** On `#app`: where a button is pressed on the early screen and not yet released (pathOf): a
 * press the App's arrival cuts in two is a click there when it ends on the same control. */
export const EARLY_PRESS_ATTR = 'data-early-press';
