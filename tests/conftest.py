from hypothesis import settings

# Shared CI runners are slow and uneven; a per-example deadline would only add flakiness.
settings.register_profile("rules", deadline=None)
settings.load_profile("rules")
