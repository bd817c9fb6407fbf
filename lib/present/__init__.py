"""Presentation without Streamlit: plotly figures (`timeline_chart`,
`claims_chart`), the side-by-side table (`compare_table`), tables/CSV of
articles (`tables`), outlet colours (`palette`), escaping (`markdown`), Search's example
questions made from a story's own topics (`suggestions`)."""
