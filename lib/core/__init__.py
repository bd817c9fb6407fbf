"""The floor everything stands on: records, settings, errors, the store.

Public names: `lib.core.models` (Article, Sentence, PublishedDate, Event, Claim,
SourceRef, SearchHit, RemovedBlock, IngestReport, ProgressCallback),
`lib.core.settings` (Settings, load_settings), `lib.core.errors` (StoryLensError
and its family), `lib.core.store` (Store), `lib.core.user_dates`
(parse_date_bound, parse_date_range: the one reader of dates a person types),
`lib.core.memory` (gc_paused, release_free_memory).
"""
