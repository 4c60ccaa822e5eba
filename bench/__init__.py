"""Benchmarks and load tools; scripts print timings."""
