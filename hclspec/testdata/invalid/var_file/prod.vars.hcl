capex = "a lot"
nmae  = "typo"
