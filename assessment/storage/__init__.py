"""Results, drafts and workshops in SQLite or PostgreSQL (SQLAlchemy): engine, schema and
migrations, row helpers, errors, the result store and the workshop queries."""
