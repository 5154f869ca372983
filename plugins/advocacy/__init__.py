"""advocacy: a careers and culture blog written by a company's own employees."""

__version__ = "0.1.0"
