"""duplication: placeholder while the check is being written."""

from reliability.hookspecs import hookimpl


@hookimpl
def reliability_checks(settings):
    return []
