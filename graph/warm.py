"""Loads the extractor in the process that forks `okg ingest --jobs N`'s workers.

graph/ingest.py names this module as the fork server's preload: importing it there runs
the extractor once, so that each worker forked afterwards starts with jieba, the lexicons
and the compiled patterns in memory instead of loading them itself.
"""

from graph.ingest import warm_up

warm_up()
