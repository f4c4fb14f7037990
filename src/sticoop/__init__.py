"""sticoop: a workspace for international science, technology and innovation cooperation."""

__version__ = "0.1.0"
