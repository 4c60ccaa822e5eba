"""Content files -> checked models: read with lines (source), strict schema (schema), logic rules
(rules), and the loader that runs the layers and builds the models (load); network_schema and
network_rules do the same for the network map."""
