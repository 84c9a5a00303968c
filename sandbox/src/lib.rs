//! The MOBPROC + OAuth sandbox; built out in its own issue.
