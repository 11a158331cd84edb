"""briefgen: turn a pile of news articles into a sourced security brief."""

__version__ = "0.1.0"
