"""officials-kg: the `okg` command line over the loaders, extraction, graph and queries."""
