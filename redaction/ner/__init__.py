"""Dutch PERSON recogniser for the redaction layer: synthetic data, training, assembly."""
