"""The off_topic.boilerplate line classifier, rebuilt and measured from public web pages with a human gold
extraction (`python -m evaluation.boilerplate build|train|evaluate`)."""
