"""Take Two's core: content, rules, storage and charts. Never imports streamlit."""
