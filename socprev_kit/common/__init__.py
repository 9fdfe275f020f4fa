"""Shared by every layer: errors, limits, paths, and writing numbers, dates and files for people.

``errors`` (the one error hierarchy), ``limits`` (what one input may cost), ``paths`` (the
repository, the sample data, the cache), ``formatting`` (numbers, months and periods per
language), ``exports`` (CSV and xlsx for people, formula-safe), ``arguments`` (command-line
arguments checked before any work), ``lazy`` (a folder's names given on first use). It
imports nothing else of the kit.
"""
