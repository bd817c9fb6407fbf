"""StoryLens engine. Never imports streamlit (see lib/ui/ for the only exception)."""
