"""Streamlit-only helpers shared by the screens. The core (reunion_core) never imports these."""
