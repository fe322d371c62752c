"""Evaluation harnesses (`psylite eval ...`)."""
