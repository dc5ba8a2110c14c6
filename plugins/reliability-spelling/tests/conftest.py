pytest_plugins = ["reliability.testing"]
