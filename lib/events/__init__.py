"""Timeline events: `mentions` (dated sentences that report something
happening), `merge` (relevance to the story and merging across sources),
`build` (build_events, filter_events, event JSON; cached in the store)."""
