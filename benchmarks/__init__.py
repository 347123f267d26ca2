"""Benchmark commands: python -m benchmarks.<name>."""
