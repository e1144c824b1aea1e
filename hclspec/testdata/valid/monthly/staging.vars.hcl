# Only loaded with --var-file; as configuration it would be invalid.
months = 18
