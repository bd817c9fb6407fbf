"""Hybrid passage search: `vectors` (exact dense index), `keyword` (BM25 via
bm25s), `hybrid` (SearchIndex, build_search_index, search, search_by_article,
SearchFilters: the two rankings fused, filters before the top-k cut)."""
