"""Scoring inside data-processing frameworks: columns of articles in, columns of report fields out.

`batch.ReliabilityScorer` is framework-free (a mapping of columns or a pandas DataFrame in, a dict of
columns out); `reliability.integrations.ray` runs it on Ray Data. The README's *Scale-out* section has
the recipes for Ray, Dask and Spark.
"""
