"""Bytes in, Article records out, with an audit of everything removed.

`decode` (bytes -> text), `extract/` (page text or HTML -> body + removed
blocks), `outlet` (who published it), `pubdate` (the date a page prints for
itself), `pubdate_inference` (dates inferred across the collection when a page
prints none), `pipeline` (build_article, ingest_bytes, sync_folder), `corpus`
(load_corpus: the store brought up to date, the one entry point for articles),
`prepare` (the per-file work of a batch, no store), `batch` (ingest_files: a
batch on the local or the Ray engine, written in input order), `ray_engine`
(the only module that imports ray).
"""
