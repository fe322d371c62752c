"""The trained router model file (package data)."""
