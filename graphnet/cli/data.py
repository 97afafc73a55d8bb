"""Commands on the data itself: validate, synth (filled in by the data work)."""
