"""The rules, one module per family: loading (XJ1xx), fields (XJ2xx), quotas (XJ3xx), across (XJ4xx)."""
