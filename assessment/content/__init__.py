"""Content files -> checked models: read with lines (source), strict schema (schema), logic rules
(rules), and the loader that runs the layers and builds the models (load)."""
