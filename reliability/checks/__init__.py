"""The built-in checks, one module each. Every module registers its check through the
`reliability_checks` hook, exactly as a third-party plugin does."""
